import type { VisitStatus } from '../../../gql/graphql';

interface StatusLook {
  label: string;
  /** Suffix of the .status-<tone> class in styles/visit.wxss. */
  tone: 'waiting' | 'ok' | 'bad' | 'muted' | 'active';
}

// A Record over the generated union: a status added to the contract fails the type check here.
const STATUS: Record<VisitStatus, StatusLook> = {
  PENDING: { label: '待审批', tone: 'waiting' },
  APPROVED: { label: '已通过', tone: 'ok' },
  REJECTED: { label: '已驳回', tone: 'bad' },
  CANCELLED: { label: '已取消', tone: 'muted' },
  CHECKED_IN: { label: '已入场', tone: 'active' },
  CHECKED_OUT: { label: '已离场', tone: 'muted' },
  EXPIRED: { label: '已过期', tone: 'muted' },
};

export function statusLook(status: VisitStatus): StatusLook {
  return STATUS[status];
}

/** A visit the visitor may still call off: nobody has passed a gate on it yet. */
export const canCancel = (status: VisitStatus): boolean => status === 'PENDING' || status === 'APPROVED';

/** A visit whose pass opens gates: approved and not yet left. */
export const hasPass = (status: VisitStatus): boolean => status === 'APPROVED' || status === 'CHECKED_IN';
