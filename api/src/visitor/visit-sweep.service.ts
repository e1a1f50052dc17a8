import { withdrawApproval } from '../approval/approval.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type RequestContext } from '../common/context.js';
import { raiseAlarms } from '../devices/alarm.service.js';
import { AlarmKind } from '../devices/devices.enums.js';
import { localWindow } from './time-format.js';
import { Visit } from './visit.entity.js';
import { audienceOf, insideNow, lockVisit, peopleOf } from './visit.queries.js';
import { checkOut } from './visit.service.js';
import { closePass } from './visit-pass.service.js';
import { VisitStatus } from './visitor.enums.js';
import { VisitChanged } from './visitor.events.js';

export interface SweepResult {
  expired: number;
  checkedOut: number;
  overstays: number;
}

/**
 * Visits whose window is over, closed after the fact (the gates already refuse their pass: the grant
 * window ends it at decision time, not this job). Never decided → EXPIRED and out of the approvers'
 * inboxes; approved but never came → EXPIRED; checked in and nobody of the visit inside any more →
 * CHECKED_OUT; somebody still inside → one OVERSTAY alarm for 保卫部 (the visit stays CHECKED_IN until
 * they leave). `now` is a parameter so tests can run it at any hour. Each visit in its own transaction.
 */
export async function sweepVisits(ctx: RequestContext, now = new Date()): Promise<SweepResult> {
  const ended = await ctx.em.fork().find(
    Visit,
    {
      status: { $in: [VisitStatus.PENDING, VisitStatus.APPROVED, VisitStatus.CHECKED_IN] },
      validUntil: { $lte: now },
    },
    { orderBy: { validUntil: 'asc' }, limit: 500 },
  );
  const result: SweepResult = { expired: 0, checkedOut: 0, overstays: 0 };
  for (const { id } of ended) {
    const outcome = await inTransaction({ ...ctx, em: ctx.em.fork() }, (tx) => closeEnded(tx, id, now));
    if (outcome) result[outcome]++;
  }
  return result;
}

async function closeEnded(tx: RequestContext, id: string, now: Date): Promise<keyof SweepResult | null> {
  const visit = await lockVisit(tx, id);
  if (!visit || visit.validUntil.getTime() > now.getTime()) return null;
  if (visit.status === VisitStatus.PENDING || visit.status === VisitStatus.APPROVED) {
    const before = visit.status;
    visit.status = VisitStatus.EXPIRED;
    if (before === VisitStatus.PENDING && visit.approval)
      await withdrawApproval(tx, visit.approval.id, '访问时段已结束，未完成审批');
    if (before === VisitStatus.APPROVED) await closePass(tx, visit, '访问时段已结束');
    await recordAudit(tx, {
      action: 'VISIT_EXPIRE',
      entityType: 'Visit',
      entityId: visit.id,
      before: { status: before },
      after: { status: visit.status },
    });
    tx.emit?.(new VisitChanged(audienceOf(visit), 'EXPIRED', visit.status));
    return 'expired';
  }
  if (visit.status !== VisitStatus.CHECKED_IN) return null;
  const people = await peopleOf(tx.em, [visit.id]);
  const inside = await insideNow(
    tx.em,
    people.map((p) => p.personId),
  );
  if (inside.length === 0) {
    await checkOut(tx, visit, now, 'sweep');
    return 'checkedOut';
  }
  const names = people.filter((p) => inside.includes(p.personId)).map((p) => p.name);
  const raised = await raiseAlarms(tx, [
    {
      kind: AlarmKind.OVERSTAY,
      dedupeKey: `overstay:${visit.id}`,
      device: null,
      deviceCode: '',
      message:
        `访客超时滞留：${names.join('、')}，访问时段 ${localWindow(visit.validFrom, visit.validUntil)} 已结束仍在厂内`.slice(
          0,
          250,
        ),
      raisedAt: now,
    },
  ]);
  if (raised.length === 0) return null;
  tx.emit?.(new VisitChanged(audienceOf(visit), 'OVERSTAY', visit.status));
  return 'overstays';
}
