import { DomainError, notFound } from '../common/errors.js';
import { ApprovalStatus } from './approval.enums.js';

const ENDED: Record<ApprovalStatus, string> = {
  [ApprovalStatus.PENDING]: '您已审批过此申请',
  [ApprovalStatus.APPROVED]: '该申请已通过，无需再审批',
  [ApprovalStatus.REJECTED]: '该申请已驳回，无需再审批',
  [ApprovalStatus.CANCELLED]: '该申请已撤回',
};

export const ApprovalErrors = {
  notFound: () => notFound('审批申请'),
  /** Decided twice, or decided after the request ended (approved, rejected or withdrawn). */
  alreadyDecided: (status = ApprovalStatus.PENDING) => new DomainError('ALREADY_DECIDED', ENDED[status]),
  notApprover: () => new DomainError('NOT_APPROVER', '您不是当前审批步骤的审批人'),
  commentRequired: () => new DomainError('COMMENT_REQUIRED', '驳回时须填写审批意见', { field: 'comment' }),
  commentTooLong: () => new DomainError('VALIDATION', '审批意见不能超过 500 字', { field: 'comment' }),
  noApprover: (step: string, why: string) =>
    new DomainError('NO_APPROVER', `「${step}」找不到审批人（${why}），申请未提交，请联系管理员`, { step }),
  kindNotSupported: () => new DomainError('KIND_NOT_SUPPORTED', '暂不支持此类申请'),
  noPerson: () => new DomainError('NO_PERSON', '当前账号未关联人员档案，不能提交或审批申请'),
  badWindow: () => new DomainError('BAD_WINDOW', '结束时间须晚于开始时间', { field: 'validUntil' }),
  windowInPast: () =>
    new DomainError('WINDOW_IN_PAST', '申请的时段已经结束，请重新选择', { field: 'validUntil' }),
  windowTooLong: (hours: number) =>
    new DomainError('WINDOW_TOO_LONG', `申请时长不能超过 ${hours} 小时`, { field: 'validUntil', hours }),
  windowTooFar: (days: number) =>
    new DomainError('WINDOW_TOO_FAR', `最多只能提前 ${days} 天申请`, { field: 'validFrom', days }),
  /** At the last approval: the window asked for is already over, so approving would grant nothing. */
  windowPassed: () => new DomainError('WINDOW_PASSED', '申请的时段已经结束，不能再同意，请驳回'),
};
