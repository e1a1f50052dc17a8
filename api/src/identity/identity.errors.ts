import { DomainError } from '../common/errors.js';

export interface Problem {
  field: string;
  code: string;
  message: string;
}

export const problem = (field: string, code: string, message: string): Problem => ({ field, code, message });

export function problemError(p: Problem): DomainError {
  return new DomainError(p.code, p.message, { field: p.field });
}

export const IdentityErrors = {
  duplicateCard: (n: string) => new DomainError('DUPLICATE_CARD', `卡号 ${n} 已被使用`, { field: 'number' }),
  badCardNumber: () => new DomainError('BAD_CARD_NUMBER', '卡号应为 4–32 位字母或数字', { field: 'number' }),
  alreadyHasCard: () =>
    new DomainError('ALREADY_HAS_CARD', '该人员已有有效卡，请使用补卡', { field: 'personId' }),
  cardState: (status: string) => new DomainError('CARD_STATE', `卡当前状态为「${status}」，不能执行此操作`),
  personInactive: () => new DomainError('PERSON_INACTIVE', '该人员已离职/退场'),
  badPlate: () => new DomainError('BAD_PLATE', '车牌号格式不正确', { field: 'plate' }),
  duplicatePlate: (p: string) => new DomainError('DUPLICATE_PLATE', `车牌 ${p} 已登记`, { field: 'plate' }),
  consentRequired: () => new DomainError('CONSENT_REQUIRED', '采集生物特征须本人同意', { field: 'consent' }),
  badTemplate: () => new DomainError('BAD_TEMPLATE', '生物特征模板数据无效', { field: 'templateBase64' }),
  badImportFile: (why: string) => new DomainError('BAD_IMPORT_FILE', `无法读取导入文件：${why}`),
};

export const STATUS_NAMES: Record<string, string> = {
  ACTIVE: '正常',
  LOST: '挂失',
  REPLACED: '已补卡',
  RETURNED: '已退卡',
  VOIDED: '已作废',
};
