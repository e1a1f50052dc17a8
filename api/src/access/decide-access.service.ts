import {
  type Credential,
  type DecisionState,
  decide,
  deny,
  escortWindow,
  presenceOrAssumed,
} from '@park/core';
import type { RequestContext } from '../common/context.js';
import { DomainError } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { decisionFacts, recentPassages } from './decide-access.query.js';
import { AccessDenied, AccessGranted, type DecideAccessInput } from './decide-access.types.js';

/**
 * The server's decision for one presentation at one passage point, by the same pure engine the
 * gates run (`@park/core`). Expected refusals are AccessDenied results, not errors; only a request
 * that names no credential or an unknown passage point is a caller error.
 *
 * Site data (areas, doors, schedules) comes from the in-memory SiteDirectory; everything about the
 * person is read fresh, in one statement, so a card reported lost or a grant revoked a moment ago
 * is refused by the very next decision, whichever API copy made the change.
 */
export async function decideAccess(
  ctx: RequestContext,
  input: DecideAccessInput,
): Promise<AccessGranted | AccessDenied> {
  const { site, points } = await ctx.site.get(ctx.em);
  const point = isUuid(input.passagePointId) ? points.get(input.passagePointId) : undefined;
  if (!point) throw new DomainError('UNKNOWN_PASSAGE_POINT', '通行点不存在', { field: 'passagePointId' });
  if ([input.cardNumber, input.qrToken, input.personId].filter(Boolean).length !== 1) {
    throw new DomainError('VALIDATION', '须且只能提供卡号、通行码或人员之一', { field: 'cardNumber' });
  }
  const direction = input.direction;
  // The engine reads occupancy only of the area being entered, and only when that area has a limit.
  const occupancyOf =
    direction === 'IN' && site.areas.get(point.toAreaId)?.policy.maxOccupancy != null ? point.toAreaId : null;
  let who: { cardNumber: string } | { personId: string } | null;
  if (input.cardNumber) {
    who = { cardNumber: input.cardNumber.trim().toUpperCase() };
  } else if (input.qrToken) {
    const check = ctx.passVerifier.current().verify(input.qrToken, input.at ?? new Date());
    if (!check.ok) {
      const d = deny(check.reason);
      return { code: d.reason, message: d.message, personId: null };
    }
    who = { personId: check.personId };
  } else {
    who = isUuid(input.personId) ? { personId: input.personId! } : null;
  }
  const facts = who ? await decisionFacts(ctx.em, who, occupancyOf) : null;
  if (!facts && input.cardNumber) return denied('CARD_INVALID', null, '卡号未登记');
  const person = facts?.person;
  if (!facts || !person) return denied('CARD_INVALID', null, '人员未登记');
  const credential: Credential = facts.cardStatus
    ? { kind: 'CARD', status: facts.cardStatus }
    : { kind: input.qrToken ? 'QR' : 'FACE' };
  const at = input.at ?? new Date();
  // Only a visitor entering an escort-required area needs the door's recent passages.
  const escortWithin = escortWindow(site.areas, point.toAreaId, person, direction);
  const state: DecisionState = {
    presenceAreaId: presenceOrAssumed(facts.presenceAreaId, point, direction),
    occupancy: new Map(facts.occupancy == null ? [] : [[point.toAreaId, facts.occupancy]]),
    pendingScans: [],
    openInterlock: new Map(),
    recentPassages: escortWithin === null ? [] : await recentPassages(ctx.em, point.id, at, escortWithin),
  };
  const decision = decide({
    at: at.getTime(),
    person: { id: person.id, status: person.status, type: person.type },
    credential,
    point,
    direction,
    grants: facts.grants,
    site,
    state,
  });
  if (!decision.allow) return { code: decision.reason, message: decision.message, personId: person.id };
  return {
    personId: person.id,
    personName: person.name,
    grantId: decision.grantId,
    antiPassbackViolation: decision.antiPassbackViolation,
  };
}

function denied(reason: 'CARD_INVALID', personId: string | null, detail: string): AccessDenied {
  const d = deny(reason, detail);
  return { code: d.reason, message: d.message, personId };
}
