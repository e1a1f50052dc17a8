import { DomainError, notFound } from '../common/errors.js';

export const VisitorErrors = {
  /** Not yours and not there answer alike, so a visit id leaks nothing. */
  notFound: () => notFound('访问记录'),
  noPerson: () => new DomainError('NO_PERSON', '当前账号未关联人员档案，请重新登录'),
  badHost: () =>
    new DomainError('HOST_INVALID', '被访人不存在或不是在职职工，请重新选择', { field: 'hostId' }),
  selfHost: () => new DomainError('HOST_INVALID', '不能预约拜访自己', { field: 'hostId' }),
  purposeRequired: () =>
    new DomainError('VALIDATION', '请填写来访事由（不超过 200 字）', { field: 'purpose' }),
  companyTooLong: () => new DomainError('VALIDATION', '来访单位不超过 100 字', { field: 'company' }),
  areaNotRequestable: (name: string) =>
    new DomainError('AREA_NOT_REQUESTABLE', `「${name}」不对访客开放，请重新选择区域`, { field: 'areaIds' }),
  noDefaultArea: () =>
    new DomainError('AREA_NOT_REQUESTABLE', '未配置访客默认区域，请选择要去的区域', { field: 'areaIds' }),
  tooManyCompanions: (max: number) =>
    new DomainError('TOO_MANY_COMPANIONS', `同行人最多 ${max} 位`, { field: 'companions' }),
  duplicatePerson: (field: string) =>
    new DomainError('DUPLICATE_PERSON', '同一人不能在一次访问中重复登记', { field }),
  overlap: (name: string) =>
    new DomainError('VISIT_OVERLAP', `${name}在该时段已有已批准的访问，不能重复预约`, { field: 'validFrom' }),
  overlapOnApprove: (name: string) =>
    new DomainError('VISIT_OVERLAP', `${name}在该时段已有已批准的访问，不能再同意，请驳回此申请`),
  badPlate: () => new DomainError('BAD_PLATE', '车牌号格式不正确', { field: 'plate' }),
  plateTaken: () =>
    new DomainError('PLATE_TAKEN', '该车牌已登记在他人名下，请核对或联系被访人', { field: 'plate' }),
  cancelled: () => new DomainError('VISIT_CANCELLED', '该访问已取消，不能再审批'),
  notPending: () => new DomainError('VISIT_NOT_PENDING', '该访问已不在待审批状态'),
  ended: () => new DomainError('VISIT_ENDED', '该访问已结束'),
  badEscort: (field: string) =>
    new DomainError('ESCORT_INVALID', '陪同人须为在职员工，且不能是访客或同行人', { field }),
  tooManyEscorts: (max: number) =>
    new DomainError('VALIDATION', `陪同人最多 ${max} 位`, { field: 'escortIds' }),
  inProgress: () => new DomainError('VISIT_IN_PROGRESS', '访客已入场，请办理离场而非取消'),
  notCheckedIn: () => new DomainError('VISIT_NOT_CHECKED_IN', '该访问未在进行中，无需办理离场'),
  notApproved: () => new DomainError('VISIT_NOT_APPROVED', '访问尚未获批准，暂无通行码'),
  reasonTooLong: () => new DomainError('VALIDATION', '原因不超过 200 字', { field: 'reason' }),
  watchlistDuplicate: () =>
    new DomainError('WATCHLIST_DUPLICATE', '该身份证号已在观察名单中', { field: 'idNumber' }),
  watchlistNotFound: () => notFound('观察名单条目'),
  watchlistReason: () =>
    new DomainError('VALIDATION', '请填写列入原因（不超过 200 字）', { field: 'reason' }),
  watchlistUntil: () => new DomainError('VALIDATION', '有效期须晚于现在', { field: 'until' }),
};
