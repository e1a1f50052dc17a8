import { withdrawApproval } from '../approval/approval.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { can, inTransaction, type RequestContext } from '../common/context.js';
import { isUuid } from '../common/ids.js';
import { Permission } from '../common/permission.js';
import { localDay } from './time-format.js';
import { Visit } from './visit.entity.js';
import { audienceOf, lockVisit } from './visit.queries.js';
import { closePass } from './visit-pass.service.js';
import { ENDED_STATUSES, VisitStatus } from './visitor.enums.js';
import { VisitorErrors } from './visitor.errors.js';
import { VisitChanged } from './visitor.events.js';

/** 保卫部: the visitor desk, or whoever watches the doors. They see every visit. */
export const seesAllVisits = (ctx: RequestContext) =>
  can(ctx, Permission.VISIT_DESK) || can(ctx, Permission.ACCESS_READ);

/** Who may see a visit: its visitor, its host, 保卫部; the trail is for the host and 保卫部 only. */
export function mayRead(ctx: RequestContext, v: Visit, audience: 'visit' | 'trail' = 'visit'): boolean {
  const me = ctx.principal?.personId;
  if (seesAllVisits(ctx)) return true;
  if (!me) return false;
  return v.host.id === me || (audience === 'visit' && v.visitor.id === me);
}

/** One visit the caller may see; NOT_FOUND alike for "no such visit" and "not yours". */
export async function visitById(ctx: RequestContext, id: string, audience: 'visit' | 'trail' = 'visit') {
  const visit = isUuid(id) ? await ctx.em.findOne(Visit, id) : null;
  if (!visit || !mayRead(ctx, visit, audience)) throw VisitorErrors.notFound();
  return visit;
}

/** The caller's own visits as a visitor, newest first. */
export async function myVisits(ctx: RequestContext): Promise<Visit[]> {
  const me = ctx.principal?.personId;
  if (!me) return [];
  return ctx.em.find(Visit, { visitor: me }, { orderBy: { createdAt: 'desc' }, limit: 100 });
}

/**
 * The caller's visitors as a host (我的访客): from a week back on, soonest first, so today's and the
 * coming ones lead and last week's are still there to look up.
 */
export async function hostedVisits(ctx: RequestContext): Promise<Visit[]> {
  const me = ctx.principal?.personId;
  if (!me) return [];
  return ctx.em.find(
    Visit,
    { host: me, validUntil: { $gt: new Date(Date.now() - 7 * 24 * 3_600_000) } },
    { orderBy: { validFrom: 'asc', id: 'asc' }, limit: 200 },
  );
}

/**
 * The gate's list: visits whose window touches today (plant time), and anyone still checked in from
 * before (an overstay stays on the list until they leave), optionally by status.
 */
export async function visitsToday(ctx: RequestContext, statuses?: VisitStatus[] | null): Promise<Visit[]> {
  if (!seesAllVisits(ctx)) return [];
  const { start, end } = localDay(new Date());
  return ctx.em.find(
    Visit,
    {
      $or: [{ validFrom: { $lt: end }, validUntil: { $gt: start } }, { status: VisitStatus.CHECKED_IN }],
      ...(statuses?.length ? { status: { $in: statuses } } : {}),
    },
    { orderBy: { validFrom: 'asc', id: 'asc' }, limit: 1000 },
  );
}

/**
 * The visitor, the host or the desk calls a visit off before it starts: a pending one leaves the
 * approvers' inboxes, an approved one's pass ends at once. Someone already inside is checked out
 * instead; an ended visit stays as it ended.
 */
export async function cancelVisit(ctx: RequestContext, id: string, reason?: string | null): Promise<Visit> {
  const why = reason?.trim() || null;
  if (why && why.length > 200) throw VisitorErrors.reasonTooLong();
  return inTransaction(ctx, async (tx) => {
    const visit = await lockVisit(tx, id);
    if (!visit || !mayRead(tx, visit)) throw VisitorErrors.notFound();
    if (visit.status === VisitStatus.CHECKED_IN) throw VisitorErrors.inProgress();
    if ((ENDED_STATUSES as readonly VisitStatus[]).includes(visit.status)) throw VisitorErrors.ended();
    const before = visit.status;
    visit.status = VisitStatus.CANCELLED;
    visit.cancelReason = why ?? '已取消';
    if (before === VisitStatus.PENDING && visit.approval)
      await withdrawApproval(tx, visit.approval.id, `访问已取消${why ? `：${why}` : ''}`);
    if (before === VisitStatus.APPROVED) await closePass(tx, visit, `访问已取消${why ? `：${why}` : ''}`);
    await recordAudit(tx, {
      action: 'VISIT_CANCEL',
      entityType: 'Visit',
      entityId: visit.id,
      before: { status: before },
      after: { status: visit.status, reason: why },
    });
    tx.emit?.(new VisitChanged(audienceOf(visit), 'CANCELLED', visit.status));
    return visit;
  });
}

/** The desk checks a visit out by hand (the visitor left without passing a main gate). */
export async function checkOutVisit(ctx: RequestContext, id: string): Promise<Visit> {
  return inTransaction(ctx, async (tx) => {
    const visit = await lockVisit(tx, id);
    if (!visit || !seesAllVisits(tx)) throw VisitorErrors.notFound();
    if (visit.status !== VisitStatus.CHECKED_IN && visit.status !== VisitStatus.APPROVED)
      throw VisitorErrors.notCheckedIn();
    await checkOut(tx, visit, new Date(), 'desk');
    return visit;
  });
}

/** Ends a visit that was (or could have been) under way: status, time, pass. Inside a transaction. */
export async function checkOut(tx: RequestContext, visit: Visit, at: Date, by: 'desk' | 'gate' | 'sweep') {
  const before = visit.status;
  visit.status = VisitStatus.CHECKED_OUT;
  visit.checkedOutAt = at;
  await closePass(tx, visit, '访客已离场');
  await recordAudit(tx, {
    action: 'VISIT_CHECK_OUT',
    entityType: 'Visit',
    entityId: visit.id,
    before: { status: before },
    after: { status: visit.status, checkedOutAt: at, by },
  });
  tx.emit?.(new VisitChanged(audienceOf(visit), 'CHECKED_OUT', visit.status));
}
