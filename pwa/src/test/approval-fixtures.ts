import { vi } from 'vitest';
import { useAuth } from '../composables/use-auth';
import type { ApprovalFieldsFragment, Role } from '../gql/graphql';
import { fakeGraphQLFetch } from './helpers';

type Step = ApprovalFieldsFragment['steps'][number];

export function step(seq: number, over: Partial<Step> = {}): Step {
  return {
    id: `s${seq}`,
    seq,
    name: seq === 1 ? '部门负责人审批' : '保卫部审批',
    status: seq === 1 ? 'PENDING' : 'WAITING',
    approverNames: seq === 1 ? ['宋玉燕'] : [],
    activatedAt: seq === 1 ? '2030-05-01T03:00:00Z' : null,
    decidedAt: null,
    decidedByName: null,
    comment: null,
    reminderCount: 0,
    ...over,
  };
}

/** A temporary-access request for 集控室 by 张三, waiting at its first step for the caller. */
export function approval(id: string, over: Partial<ApprovalFieldsFragment> = {}): ApprovalFieldsFragment {
  return {
    id,
    kind: 'TEMPORARY_ACCESS',
    title: '临时通行：集控室',
    summary: '5月2日 08:00 至 5月2日 12:00；事由：1 号机组 DCS 机柜巡检',
    status: 'PENDING',
    requesterId: 'p-zs',
    requesterName: '张三',
    currentStep: 1,
    canDecide: true,
    subject: {
      personId: 'p-zs',
      areaId: 'ctrl',
      areaName: '集控室',
      validFrom: '2030-05-02T00:00:00Z',
      validUntil: '2030-05-02T04:00:00Z',
      reason: '1 号机组 DCS 机柜巡检',
    },
    createdAt: '2030-05-01T03:00:00Z',
    finishedAt: null,
    steps: [step(1), step(2)],
    ...over,
  };
}

/** The same request after the caller decided its first step: it no longer waits for them. */
export function decided(
  request: ApprovalFieldsFragment,
  comment: string | null = null,
): ApprovalFieldsFragment {
  return {
    ...request,
    canDecide: false,
    currentStep: 2,
    steps: [
      step(1, { status: 'APPROVED', decidedByName: '宋玉燕', decidedAt: '2030-05-01T04:00:00Z', comment }),
      step(2, { status: 'PENDING', approverNames: ['韦勇'] }),
    ],
  };
}

const STAFF_PERMISSIONS = ['SELF_READ', 'PERSON_READ', 'PASS_SELF', 'APPROVAL_REQUEST', 'APPROVAL_DECIDE'];

/** Signs in through the real useAuth as a member of staff linked to a person (宋玉燕, 运行部 head by default). */
export async function signInAsPerson(
  personId = 'p-yx',
  roles: Role[] = ['EMPLOYEE', 'APPROVER'],
  permissions = STAFF_PERMISSIONS,
): Promise<void> {
  const person = {
    id: personId,
    name: personId === 'p-zs' ? '张三' : '宋玉燕',
    idNumber: null,
    phone: null,
    type: 'EMPLOYEE',
    orgUnit: { id: 'o-yx', name: '运行部' },
    post: null,
  };
  const { fetch } = fakeGraphQLFetch(() => ({
    data: {
      login: {
        accessToken: 'a',
        refreshToken: 'r',
        accessTokenExpiresAt: '2099-01-01T00:00:00Z',
        me: { username: 'yunxing', roles, permissions, mustChangePassword: false, person },
      },
    },
  }));
  vi.stubGlobal('fetch', fetch);
  await useAuth().login('yunxing', 'secret');
}

/** A walk-in visit of 王五 to 宋玉燕, waiting for the host (the subject as the visitor domain stores it). */
export function visitApproval(
  id: string,
  over: Partial<ApprovalFieldsFragment> = {},
): ApprovalFieldsFragment {
  return approval(id, {
    kind: 'VISIT',
    title: '现场来访：王五（青岛港务）',
    summary: '5月2日 09:00 至 17:30；办公楼、锅炉房；事由：锅炉检修配件送货；同行 1 人；车辆：鲁B12345',
    requesterId: 'v-wang',
    requesterName: '王五',
    subject: {
      visitId: 'v1',
      hostPersonId: 'p-yx',
      visitorName: '王五',
      visitorIdNumber: '370202********1233',
      companions: ['李四'],
      company: '青岛港务',
      purpose: '锅炉检修配件送货',
      areas: ['办公楼', '锅炉房'],
      validFrom: '2030-05-02T01:00:00Z',
      validUntil: '2030-05-02T09:30:00Z',
      plate: '鲁B12345',
      source: 'WALK_IN',
    },
    steps: [step(1, { name: '被访人审批' }), step(2)],
    ...over,
  });
}
