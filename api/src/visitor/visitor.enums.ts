import { registerEnumType } from 'type-graphql';

export enum VisitStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
  CHECKED_IN = 'CHECKED_IN',
  CHECKED_OUT = 'CHECKED_OUT',
  EXPIRED = 'EXPIRED',
}
registerEnumType(VisitStatus, {
  name: 'VisitStatus',
  description: '待审批、已批准、已驳回、已取消、已入场、已离场、已过期（未到访或未获审批）',
});

export enum VisitSource {
  BOOKING = 'BOOKING',
  WALK_IN = 'WALK_IN',
}
registerEnumType(VisitSource, { name: 'VisitSource', description: '小程序预约 / 门岗现场登记' });

/** A visit in one of these holds a pass (grants) for its people. */
export const LIVE_STATUSES = [VisitStatus.APPROVED, VisitStatus.CHECKED_IN] as const;
/** A visit in one of these is over: nothing changes it any more. */
export const ENDED_STATUSES = [
  VisitStatus.REJECTED,
  VisitStatus.CANCELLED,
  VisitStatus.CHECKED_OUT,
  VisitStatus.EXPIRED,
] as const;

export const STATUS_NAMES: Record<VisitStatus, string> = {
  PENDING: '待审批',
  APPROVED: '已批准',
  REJECTED: '已驳回',
  CANCELLED: '已取消',
  CHECKED_IN: '已入场',
  CHECKED_OUT: '已离场',
  EXPIRED: '已过期',
};
