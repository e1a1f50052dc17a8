import { SecurityLevel } from '../access/access.enums.js';
import { AccessResult } from '../access/access-event.types.js';
import { PassageDirection } from '../access/decide-access.types.js';
import type { StoredEvent } from '../access/event-ingest.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type RequestContext } from '../common/context.js';
import { audienceOf, IDS, insideNow, lockVisit, peopleOf } from './visit.queries.js';
import { checkOut } from './visit.service.js';
import { VisitStatus } from './visitor.enums.js';
import { VisitChanged } from './visitor.events.js';

/**
 * The main gates: the passage points listed in VISIT_MAIN_GATES (codes), or, when none are, every
 * point that leads from a public area (厂前区) into a non-public one. Passing one inwards is arriving
 * at the visit; passing one outwards is leaving it.
 */
export async function mainGates(ctx: RequestContext): Promise<ReadonlySet<string>> {
  const codes = ctx.config.VISIT_MAIN_GATES;
  if (codes.length > 0) {
    const rows = await ctx.em
      .getConnection()
      .execute<{ id: string }[]>(`select id from passage_point where code = any(string_to_array(?, ','))`, [
        codes.join(','),
      ]);
    return new Set(rows.map((r) => r.id));
  }
  const { site, points } = await ctx.site.get(ctx.em);
  const level = (id: string | null) => (id ? site.areas.get(id)?.securityLevel : undefined);
  return new Set(
    [...points.values()]
      .filter(
        (p) => level(p.fromAreaId) === SecurityLevel.PUBLIC && level(p.toAreaId) !== SecurityLevel.PUBLIC,
      )
      .map((p) => p.id),
  );
}

/**
 * Check-in and check-out from the gates' own record (listens to PassagesIngested; never part of
 * ingest): a visit's first granted entry through a main gate inside its window checks it in; a
 * granted exit through a main gate, after which none of its people is inside any more, checks it out
 * and ends its pass. Events are taken in time order; a late duplicate changes nothing.
 */
export async function applyPassages(ctx: RequestContext, stored: readonly StoredEvent[]): Promise<number> {
  const granted = stored.filter(
    (e) => e.result === AccessResult.GRANTED && e.personId && e.passagePointId && e.direction,
  );
  if (granted.length === 0) return 0;
  const gates = await mainGates(ctx);
  const atGates = granted
    .filter((e) => gates.has(e.passagePointId!))
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  if (atGates.length === 0) return 0;
  const people = [...new Set(atGates.map((e) => e.personId!))];
  const live = await ctx.em.getConnection().execute<{ visit_id: string; person_id: string }[]>(
    `select vp.visit_id, vp.person_id from visit_person vp join visit v on v.id = vp.visit_id
      where vp.person_id = ${IDS} and v.status in ('APPROVED', 'CHECKED_IN')`,
    [people.join(',')],
  );
  if (live.length === 0) return 0;
  let changed = 0;
  for (const visitId of new Set(live.map((r) => r.visit_id))) {
    const mine = new Set(live.filter((r) => r.visit_id === visitId).map((r) => r.person_id));
    const events = atGates.filter((e) => mine.has(e.personId!));
    changed += await inTransaction(ctx, (tx) => applyToVisit(tx, visitId, events));
  }
  return changed;
}

async function applyToVisit(
  tx: RequestContext,
  visitId: string,
  events: readonly StoredEvent[],
): Promise<number> {
  const visit = await lockVisit(tx, visitId);
  if (!visit) return 0;
  let changed = 0;
  for (const e of events) {
    const t = e.occurredAt.getTime();
    if (
      e.direction === PassageDirection.IN &&
      visit.status === VisitStatus.APPROVED &&
      t >= visit.validFrom.getTime() &&
      t < visit.validUntil.getTime()
    ) {
      visit.status = VisitStatus.CHECKED_IN;
      visit.checkedInAt = e.occurredAt;
      await recordAudit(tx, {
        action: 'VISIT_CHECK_IN',
        entityType: 'Visit',
        entityId: visit.id,
        after: {
          status: visit.status,
          checkedInAt: e.occurredAt,
          personId: e.personId,
          passagePointId: e.passagePointId,
        },
      });
      tx.emit?.(new VisitChanged(audienceOf(visit), 'CHECKED_IN', visit.status));
      changed++;
    } else if (e.direction === PassageDirection.OUT && visit.status === VisitStatus.CHECKED_IN) {
      const people = (await peopleOf(tx.em, [visit.id])).map((p) => p.personId);
      if ((await insideNow(tx.em, people)).length > 0) continue;
      await checkOut(tx, visit, e.occurredAt, 'gate');
      changed++;
    }
  }
  return changed;
}
