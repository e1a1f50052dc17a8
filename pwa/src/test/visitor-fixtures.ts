import type {
  TrailEntryFieldsFragment,
  VisitAreaFieldsFragment,
  VisitFieldsFragment,
  WatchlistEntryFieldsFragment,
} from '../gql/graphql';

/** Valid resident ID numbers (GB 11643 check digit right). */
export const ID_WANG = '370202199003071233';
export const ID_LI = '370202198511154567';
export const ID_ZHAO = '11010519491231002X';

export const OFFICE_AREA: VisitAreaFieldsFragment = {
  id: 'va-office',
  name: '办公楼',
  securityLevel: 'OFFICE',
  needsSecurity: false,
  escortRequired: false,
  isDefault: true,
};
export const BOILER_AREA: VisitAreaFieldsFragment = {
  id: 'va-boiler',
  name: '锅炉房',
  securityLevel: 'PRODUCTION',
  needsSecurity: true,
  escortRequired: true,
  isDefault: false,
};

export const HOST_ZS = { id: 'p-zs', name: '张三', department: '运行部' };
export const ESCORT_LL = { id: 'p-ll', name: '李雷', department: '运行部' };
export const ESCORT_HM = { id: 'p-hm', name: '韩梅梅', department: '检修部' };

/** 王五 visiting 张三 today 09:00–17:30 (local), booked, waiting for the host. */
export function visit(id: string, over: Partial<VisitFieldsFragment> = {}): VisitFieldsFragment {
  const day = new Date();
  const at = (h: number, m: number): string =>
    new Date(day.getFullYear(), day.getMonth(), day.getDate(), h, m).toISOString();
  return {
    id,
    status: 'PENDING',
    source: 'BOOKING',
    purpose: '商务洽谈',
    company: null,
    validFrom: at(9, 0),
    validUntil: at(17, 30),
    host: HOST_ZS,
    escorts: [],
    visitor: { personId: `v-${id}`, name: '王五', idNumberMasked: '370202********1233', companion: false },
    companions: [],
    areas: [OFFICE_AREA],
    plate: null,
    approvalId: `ap-${id}`,
    rejectionReason: null,
    cancelReason: null,
    securityNote: null,
    registeredBy: null,
    checkedInAt: null,
    checkedOutAt: null,
    createdAt: at(8, 30),
    ...over,
  };
}

export function trailEntry(over: Partial<TrailEntryFieldsFragment> = {}): TrailEntryFieldsFragment {
  return {
    at: '2030-05-01T01:05:00Z',
    personId: 'v-1',
    personName: '王五',
    passagePointName: '厂区大门闸机',
    areaName: '厂区',
    direction: 'IN',
    result: 'GRANTED',
    reason: null,
    message: null,
    ...over,
  };
}

export function watchEntry(
  id: string,
  over: Partial<WatchlistEntryFieldsFragment> = {},
): WatchlistEntryFieldsFragment {
  return {
    id,
    name: '赵六',
    idNumberMasked: '110105********002X',
    reason: '曾冒用他人证件进入生产区',
    until: null,
    createdBy: 'security',
    createdAt: '2030-04-01T02:00:00Z',
    active: true,
    removedAt: null,
    removedBy: null,
    ...over,
  };
}
