// One vocabulary for every refusal at a gate, whoever produces it: the access decision, the QR pass
// verifier, or the caller that could not even find the card. Readers show `message`; logs and the
// API keep `reason`. The const object doubles as an enum for type-graphql's registerEnumType.
import type { DenyDecision } from './access.types.js';

export const DenyReason = {
  PERSON_INACTIVE: 'PERSON_INACTIVE',
  CARD_LOST: 'CARD_LOST',
  CARD_INVALID: 'CARD_INVALID',
  NO_GRANT: 'NO_GRANT',
  OUTSIDE_SCHEDULE: 'OUTSIDE_SCHEDULE',
  HOLIDAY: 'HOLIDAY',
  GRANT_EXPIRED: 'GRANT_EXPIRED',
  GRANT_NOT_YET_VALID: 'GRANT_NOT_YET_VALID',
  TRAINING_MISSING: 'TRAINING_MISSING',
  CERTIFICATE_EXPIRED: 'CERTIFICATE_EXPIRED',
  VISIT_NOT_APPROVED: 'VISIT_NOT_APPROVED',
  ANTI_PASSBACK: 'ANTI_PASSBACK',
  AREA_FULL: 'AREA_FULL',
  SECOND_PERSON_REQUIRED: 'SECOND_PERSON_REQUIRED',
  INTERLOCK_BUSY: 'INTERLOCK_BUSY',
  ESCORT_REQUIRED: 'ESCORT_REQUIRED',
  QR_EXPIRED: 'QR_EXPIRED',
  QR_REPLAYED: 'QR_REPLAYED',
  QR_BAD_SIGNATURE: 'QR_BAD_SIGNATURE',
  QR_MALFORMED: 'QR_MALFORMED',
} as const;
export type DenyReason = (typeof DenyReason)[keyof typeof DenyReason];

export const DENY_REASONS: readonly DenyReason[] = Object.values(DenyReason);

export const DENY_MESSAGES: Readonly<Record<DenyReason, string>> = {
  PERSON_INACTIVE: '人员已停用或已离场，禁止通行',
  CARD_LOST: '此卡已挂失，禁止通行',
  CARD_INVALID: '卡片无效（未登记、已退卡、已补卡或已作废）',
  NO_GRANT: '无此区域的通行权限',
  OUTSIDE_SCHEDULE: '当前不在允许通行的时间段内',
  HOLIDAY: '节假日期间不开放通行',
  GRANT_EXPIRED: '通行权限已过期',
  GRANT_NOT_YET_VALID: '通行权限尚未生效',
  TRAINING_MISSING: '缺少进入该区域所需的培训或资质',
  CERTIFICATE_EXPIRED: '进入该区域所需的资质证书已过期',
  VISIT_NOT_APPROVED: '访问申请未获批准或不包含此区域',
  ANTI_PASSBACK: '反潜回：进出记录不符，请联系安保',
  AREA_FULL: '区域在场人数已满',
  SECOND_PERSON_REQUIRED: '双人规则：请第二名授权人员刷卡',
  INTERLOCK_BUSY: '互锁：同组其他门未关闭，请稍候',
  ESCORT_REQUIRED: '该区域须由被访人或其指定的陪同人陪同进入：请陪同人先刷卡通过',
  QR_EXPIRED: '二维码已过期，请刷新后重试',
  QR_REPLAYED: '二维码已被使用，请勿重复使用',
  QR_BAD_SIGNATURE: '二维码无效（签名校验失败）',
  QR_MALFORMED: '无法识别的二维码，请刷新通行码后重试',
};

/** A refusal with its Chinese message; callers outside the decision (unknown card, QR checks) use it too. */
export function deny(reason: DenyReason, detail?: string): DenyDecision {
  return detail === undefined
    ? { allow: false, reason, message: DENY_MESSAGES[reason] }
    : { allow: false, reason, message: DENY_MESSAGES[reason], detail };
}
