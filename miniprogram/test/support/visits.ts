// Fixtures for the visitor pages: API answers shaped like the visitor operations' results.

import { operationName } from './api';
import type { FakeResponse, SentRequest } from './fake-wx';

/** A valid resident ID number (GB 11643 example) and one with its check digit changed. */
export const GOOD_ID = '11010519491231002X';
export const COMPANION_ID = '440524198001010013';
export const BAD_CHECK_DIGIT_ID = '110105194912310021';

export const areas = [
  {
    id: 'area-office',
    name: '办公楼',
    securityLevel: 'OFFICE',
    needsSecurity: false,
    escortRequired: false,
    isDefault: true,
  },
  {
    id: 'area-boiler',
    name: '锅炉房',
    securityLevel: 'PRODUCTION',
    needsSecurity: true,
    escortRequired: true,
    isDefault: false,
  },
];

export const profile = {
  name: '李访客',
  idNumberMasked: '110105********002X',
  phone: '13800138000',
  company: '华电检修公司',
  plate: null,
  hasPhoto: false,
};

export const host = { id: 'host-1', name: '王工', department: '设备部' };

export function visitDetail(overrides: Record<string, unknown> = {}) {
  return {
    id: 'visit-1',
    status: 'PENDING',
    source: 'BOOKING',
    purpose: '设备检修洽谈',
    validFrom: '2030-06-01T01:00:00.000Z',
    validUntil: '2030-06-01T03:30:00.000Z',
    createdAt: '2030-05-30T02:00:00.000Z',
    host,
    visitor: { personId: 'p-1', name: '李访客', idNumberMasked: '110105********002X', companion: false },
    companions: [{ personId: 'p-2', name: '张同行', idNumberMasked: '440524********0013', companion: true }],
    areas: [areas[0]],
    escorts: [],
    plate: '京A12345',
    rejectionReason: null,
    checkedInAt: null,
    checkedOutAt: null,
    ...overrides,
  };
}

type Reply = FakeResponse | 'network-failure';

/** A fake server that answers by operation name; an operation without an answer fails the test loudly. */
export function byOperation(answers: Record<string, Reply | ((request: SentRequest) => Reply)>) {
  return (request: SentRequest): Reply => {
    const name = operationName(request) ?? '';
    const answer = answers[name];
    if (!answer) throw new Error(`no fake answer for ${name}`);
    return typeof answer === 'function' ? answer(request) : answer;
  };
}

export const data = (value: unknown): FakeResponse => ({ body: { data: value } });

/** A batch like the server's: `count` codes 30 s apart, each valid 60 s, starting at `from`. */
export function passCodes(personId: string, from: number, count: number) {
  return Array.from({ length: count }, (_, i) => ({
    token: `${personId}.code-${i}.${'x'.repeat(300)}`,
    nbf: new Date(from + i * 30_000).toISOString(),
    exp: new Date(from + i * 30_000 + 60_000).toISOString(),
  }));
}
