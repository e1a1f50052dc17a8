import { GrantSource } from '../access/access.enums.js';
import { grantApproved, revokeGrantsOf } from '../access/grant.service.js';
import { issuePassCodes } from '../access/pass.service.js';
import type { RequestContext } from '../common/context.js';
import { isUuid } from '../common/ids.js';
import { setWindowedVehicle } from '../identity/vehicle.service.js';
import { Visit } from './visit.entity.js';
import { peopleOf, type VisitPersonRow } from './visit.queries.js';
import { LIVE_STATUSES, VisitStatus } from './visitor.enums.js';
import { VisitorErrors } from './visitor.errors.js';
import type { VisitPass } from './visitor.types.js';

/**
 * The pass of an approved visit: for each of its people and each approved area, a VISIT grant with
 * the visit's window and the host as escort, created through the access grant service (audited, and
 * handed to the gates by the sync stream). The window ends the pass by itself at every gate; these
 * grants are revoked only when the visit ends early. The plate, if any, is registered for parking
 * for the same window.
 */
export async function openPass(tx: RequestContext, visit: Visit, people: readonly VisitPersonRow[]) {
  const approvalId = visit.approval?.id ?? '';
  const grantIds: string[] = [];
  for (const person of people) {
    for (const areaId of visit.areaIds) {
      const grant = await grantApproved(
        tx,
        { personId: person.personId, areaId, validFrom: visit.validFrom, validUntil: visit.validUntil },
        approvalId,
        { source: GrantSource.VISIT, escortIds: escortsOf(visit), because: { visitId: visit.id } },
      );
      grantIds.push(grant.id);
    }
  }
  visit.grantIds = grantIds;
  await syncVisitVehicle(tx, visit);
}

/** Who may take the visit's people into escort-required areas: the host, then those they named. */
export const escortsOf = (visit: Visit): string[] => [visit.host.id, ...visit.escortIds];

/** Ends a visit's pass before its window does (cancelled, checked out, expired). */
export async function closePass(tx: RequestContext, visit: Visit, reason: string): Promise<void> {
  await revokeGrantsOf(tx, visit.grantIds, reason, { visitId: visit.id });
  await syncVisitVehicle(tx, visit);
}

/**
 * The visitor's car is registered for the earliest of their live visits with that plate that has not
 * ended, or retired when there is none: approved visits of one person never overlap, so one window
 * at a time is enough, and the next visit's window follows when this one ends.
 */
async function syncVisitVehicle(tx: RequestContext, visit: Visit): Promise<void> {
  if (!visit.plate) return;
  await tx.em.flush();
  const next = await tx.em.findOne(
    Visit,
    {
      visitor: visit.visitor.id,
      plate: visit.plate,
      status: { $in: [...LIVE_STATUSES] },
      validUntil: { $gt: new Date() },
    },
    { orderBy: { validFrom: 'asc' } },
  );
  await setWindowedVehicle(
    tx,
    visit.visitor.id,
    visit.plate,
    next ? { from: next.validFrom, until: next.validUntil } : null,
    { visitId: next?.id ?? visit.id },
  );
}

/**
 * QR codes for every person of the caller's own approved visit, bound to the caller's phone: the
 * visitor shows their companions' codes too. Anyone else's visit is "not found".
 */
export async function visitPasses(
  ctx: RequestContext,
  visitId: string,
  installationId: string,
  count: number,
): Promise<VisitPass[]> {
  const me = ctx.principal?.personId;
  const visit = me && isUuid(visitId) ? await ctx.em.findOne(Visit, { id: visitId, visitor: me }) : null;
  if (!visit) throw VisitorErrors.notFound();
  if (!(LIVE_STATUSES as readonly VisitStatus[]).includes(visit.status)) throw VisitorErrors.notApproved();
  if (visit.validUntil.getTime() <= Date.now()) throw VisitorErrors.ended();
  const people = await peopleOf(ctx.em, [visit.id]);
  const passes: VisitPass[] = [];
  for (const p of people) {
    const batch = await issuePassCodes(ctx, p.personId, installationId, count);
    passes.push({ personId: p.personId, name: p.name, codes: batch.codes });
  }
  return passes;
}
