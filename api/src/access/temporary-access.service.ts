import { Field, ID, InputType } from 'type-graphql';
import { ApprovalKind } from '../approval/approval.enums.js';
import { ApprovalErrors } from '../approval/approval.errors.js';
import { submitApproval } from '../approval/approval.service.js';
import type { ApprovalRequest } from '../approval/approval-request.entity.js';
import type { RequestContext } from '../common/context.js';
import { validation } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { DateTimeScalar } from '../common/scalars.js';
import { AccessErrors } from './access.errors.js';
import { Area } from './area.entity.js';
import type { TemporaryAccessSubject } from './temporary-access.handler.js';

@InputType({ description: '临时通行申请（作业审批临时权限）' })
export class TemporaryAccessInput {
  @Field(() => ID)
  areaId!: string;
  @Field(() => DateTimeScalar)
  validFrom!: Date;
  @Field(() => DateTimeScalar)
  validUntil!: Date;
  @Field(() => String, { description: '事由，如「1 号机组 6kV 开关柜检修」' })
  reason!: string;
}

const parts = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const local = (d: Date) => {
  const p = Object.fromEntries(parts.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.month}月${p.day}日 ${p.hour}:${p.minute}`;
};

/**
 * The caller asks for a time-boxed grant of one area for themself. Which approvals it needs is the
 * TEMPORARY_ACCESS policy's business (by default the department head, and 保卫部 for key areas).
 * An area the caller's post already opens is not refused: the request may be for other hours.
 */
export async function requestTemporaryAccess(
  ctx: RequestContext,
  input: TemporaryAccessInput,
): Promise<ApprovalRequest> {
  const personId = ctx.principal?.personId;
  if (!personId) throw ApprovalErrors.noPerson();
  const reason = input.reason.trim();
  if (!reason) throw validation('请填写申请事由', 'reason');
  if (reason.length > 200) throw validation('申请事由不能超过 200 字', 'reason');
  const area = isUuid(input.areaId) ? await ctx.em.findOne(Area, input.areaId) : null;
  if (!area) throw AccessErrors.unknownArea();
  const subject: TemporaryAccessSubject = {
    personId,
    areaId: area.id,
    areaName: area.name,
    validFrom: input.validFrom.toISOString(),
    validUntil: input.validUntil.toISOString(),
    reason,
  };
  return submitApproval(ctx, {
    kind: ApprovalKind.TEMPORARY_ACCESS,
    requesterId: personId,
    subject,
    facts: { areaLevel: area.securityLevel },
    window: { from: input.validFrom, until: input.validUntil },
    title: `临时通行：${area.name}`,
    summary: `${local(input.validFrom)} 至 ${local(input.validUntil)}；事由：${reason}`,
  });
}
