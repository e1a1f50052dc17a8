import { setGrantEscorts } from '../access/grant.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type RequestContext } from '../common/context.js';
import { isUuid } from '../common/ids.js';
import { PersonStatus, PersonType } from '../identity/identity.enums.js';
import { Person } from '../identity/person.entity.js';
import type { AssignVisitEscortsInput } from './book-visit.input.js';
import type { Visit } from './visit.entity.js';
import { audienceOf, lockVisit, peopleOf } from './visit.queries.js';
import { seesAllVisits } from './visit.service.js';
import { escortsOf } from './visit-pass.service.js';
import { LIVE_STATUSES, VisitStatus } from './visitor.enums.js';
import { VisitorErrors } from './visitor.errors.js';
import { VisitChanged } from './visitor.events.js';

/**
 * The host (or 保卫部) names who else may take the visitor into escort-required areas (陪同人): a
 * shift colleague when the host is busy. Active employees only, never someone of the visit itself.
 * Before approval or while the visit is live; an approved pass changes at once (its grants, and so every gate). The list
 * replaces the previous one; an empty list leaves the host as the only escort.
 */
export async function assignVisitEscorts(
  ctx: RequestContext,
  input: AssignVisitEscortsInput,
): Promise<Visit> {
  const max = ctx.config.VISIT_MAX_ESCORTS;
  const wanted = [...new Set(input.escortIds)];
  if (wanted.length > max) throw VisitorErrors.tooManyEscorts(max);
  wanted.forEach((id, i) => {
    if (!isUuid(id)) throw VisitorErrors.badEscort(`escortIds[${i}]`);
  });
  return inTransaction(ctx, async (tx) => {
    const visit = await lockVisit(tx, input.visitId);
    const me = ctx.principal?.personId;
    if (!visit || !(seesAllVisits(ctx) || (me && visit.host.id === me))) throw VisitorErrors.notFound();
    const open =
      visit.status === VisitStatus.PENDING || (LIVE_STATUSES as readonly string[]).includes(visit.status);
    if (!open || visit.validUntil.getTime() <= Date.now()) throw VisitorErrors.ended();
    const people = new Set((await peopleOf(tx.em, [visit.id])).map((p) => p.personId));
    const staff = wanted.length
      ? await tx.em.find(Person, {
          id: { $in: wanted },
          type: PersonType.EMPLOYEE,
          status: PersonStatus.ACTIVE,
        })
      : [];
    const ok = new Set(staff.map((p) => p.id));
    wanted.forEach((id, i) => {
      if (!ok.has(id) || people.has(id)) throw VisitorErrors.badEscort(`escortIds[${i}]`);
    });
    // The host escorts anyway: naming them again changes nothing.
    const escorts = wanted.filter((id) => id !== visit.host.id);
    const before = [...visit.escortIds];
    visit.escortIds = escorts;
    await setGrantEscorts(tx, visit.grantIds, escortsOf(visit), { visitId: visit.id });
    await recordAudit(tx, {
      action: 'VISIT_ESCORTS',
      entityType: 'Visit',
      entityId: visit.id,
      before: { escortIds: before },
      after: { escortIds: escorts },
    });
    tx.emit?.(new VisitChanged(audienceOf(visit), 'ESCORTS', visit.status));
    return visit;
  });
}
