import { vi } from 'vitest';
import { useAuth } from '../composables/use-auth';
import type {
  AccessEventFieldsFragment,
  AreaFieldsFragment,
  GrantFieldsFragment,
  PassagePointFieldsFragment,
  Role,
  ScheduleFieldsFragment,
} from '../gql/graphql';
import { fakeGraphQLFetch } from './helpers';

export function area(id: string, name: string, over: Partial<AreaFieldsFragment> = {}): AreaFieldsFragment {
  return {
    id,
    name,
    code: id.toUpperCase(),
    parentId: null,
    securityLevel: 'OFFICE',
    postDefaultsApply: true,
    maxOccupancy: null,
    antiPassback: 'OFF',
    twoPersonWithinSeconds: null,
    requiredQualifications: [],
    ...over,
  };
}

// 东港电厂 → 生产区 → 集控室 (key), plus 办公楼 beside the production area.
export const SITE = area('site', '东港电厂', { code: 'A0', securityLevel: 'PUBLIC' });
export const PRODUCTION = area('prod', '生产区', {
  code: 'A2',
  parentId: 'site',
  securityLevel: 'PRODUCTION',
  antiPassback: 'SOFT',
});
export const CONTROL_ROOM = area('ctrl', '集控室', {
  code: 'A2-1',
  parentId: 'prod',
  securityLevel: 'KEY',
  postDefaultsApply: false,
  antiPassback: 'HARD',
  maxOccupancy: 12,
  twoPersonWithinSeconds: 30,
  requiredQualifications: ['ELECTRICIAN'],
});
export const OFFICE = area('office', '办公楼', { code: 'A1', parentId: 'site' });
export const AREAS: AreaFieldsFragment[] = [CONTROL_ROOM, SITE, OFFICE, PRODUCTION];

export const CONTROL_DOOR: PassagePointFieldsFragment = {
  id: 'pp-ctrl',
  name: '集控室门禁',
  code: 'D-CTRL',
  kind: 'DOOR',
  fromAreaId: 'prod',
  toAreaId: 'ctrl',
  failMode: 'SECURE',
  interlockGroup: 'AB',
  firstCardNormalOpen: false,
};
export const MAIN_GATE: PassagePointFieldsFragment = {
  id: 'pp-gate',
  name: '厂区大门闸机',
  code: 'T-01',
  kind: 'TURNSTILE',
  fromAreaId: 'site',
  toAreaId: 'prod',
  failMode: 'SAFE',
  interlockGroup: null,
  firstCardNormalOpen: true,
};

export const OFFICE_HOURS: ScheduleFieldsFragment = {
  id: 'sch-office',
  name: '行政办公时间',
  timeZone: 'Asia/Shanghai',
  dayKinds: ['WORKDAY'],
  intervals: [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, start: '08:00', end: '12:00' },
    { weekday, start: '13:30', end: '17:30' },
  ]),
};

export function grant(id: string, over: Partial<GrantFieldsFragment> = {}): GrantFieldsFragment {
  return {
    id,
    personId: 'p1',
    source: 'PERSONAL',
    activeNow: true,
    validFrom: null,
    validUntil: null,
    revokedAt: null,
    revokedReason: null,
    createdAt: '2030-01-01T00:00:00Z',
    area: { id: OFFICE.id, name: OFFICE.name, securityLevel: OFFICE.securityLevel },
    schedule: null,
    ...over,
  };
}

export function event(id: string, over: Partial<AccessEventFieldsFragment> = {}): AccessEventFieldsFragment {
  return {
    id,
    occurredAt: '2030-01-01T08:00:00Z',
    deviceId: 'dev-1',
    passagePointId: MAIN_GATE.id,
    direction: 'IN',
    personId: 'p1',
    personName: '张三',
    result: 'GRANTED',
    reason: null,
    decidedOffline: false,
    ...over,
  };
}

const SECURITY_PERMISSIONS = ['ACCESS_READ', 'ACCESS_ADMIN', 'GRANT_MANAGE', 'PERSON_READ_ALL'];

/** Signs in through the real useAuth with a faked login answer, as 保卫部 unless told otherwise. */
export async function signInAs(
  roles: Role[] = ['SECURITY'],
  permissions = SECURITY_PERMISSIONS,
): Promise<void> {
  const { fetch } = fakeGraphQLFetch(() => ({
    data: {
      login: {
        accessToken: 'a',
        refreshToken: 'r',
        accessTokenExpiresAt: '2099-01-01T00:00:00Z',
        me: { username: 'security', roles, permissions, mustChangePassword: false, person: null },
      },
    },
  }));
  vi.stubGlobal('fetch', fetch);
  await useAuth().login('security', 'secret');
}
