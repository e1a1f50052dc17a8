import { registerEnumType } from 'type-graphql';

/**
 * What is being approved. The engine knows these names only; what each kind means lives in its own
 * domain, in the handler it registers. The column is not constrained, so a new kind needs no migration.
 */
export enum ApprovalKind {
  TEMPORARY_ACCESS = 'TEMPORARY_ACCESS',
  VISIT = 'VISIT',
  CONTRACTOR = 'CONTRACTOR',
  VEHICLE = 'VEHICLE',
}
registerEnumType(ApprovalKind, {
  name: 'ApprovalKind',
  description: '审批类型：临时通行（作业审批临时权限）、访客、外协、车辆',
});

export enum ApprovalStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ApprovalStatus, { name: 'ApprovalStatus', description: '审批中、已通过、已驳回、已撤回' });

export enum ApprovalStepStatus {
  /** Not reached yet: no approvers resolved. */
  WAITING = 'WAITING',
  /** The current step: its candidates may decide. */
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  /** The request ended (rejected or withdrawn) before this step was decided. */
  CANCELLED = 'CANCELLED',
}
registerEnumType(ApprovalStepStatus, {
  name: 'ApprovalStepStatus',
  description: '步骤状态：未开始、待审批、已同意、已驳回、已取消',
});

export enum ApprovalDecision {
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
}
registerEnumType(ApprovalDecision, {
  name: 'ApprovalDecision',
  description: '同意 / 驳回（驳回须填写意见）',
});

export enum ApprovalInbox {
  TODO = 'TODO',
  DONE = 'DONE',
}
registerEnumType(ApprovalInbox, { name: 'ApprovalInbox', description: 'TODO 待我审批；DONE 我已审批' });
