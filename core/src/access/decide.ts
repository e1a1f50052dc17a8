// The access decision: one pure function shared by the API (decideAccess) and the device bridge,
// so a gate deciding offline answers exactly as the server would. Default deny.
//
// Order of checks — cheapest and most specific first, state last, so the reason a person sees is
// about them before it is about the door:
//   1. CARD_LOST          a reported-lost card is somebody else's hand: refused both ways
//   2. PERSON_INACTIVE    offboarded or suspended
//   3. CARD_INVALID       returned, replaced or voided card
//   4. grants (IN only)   HOLIDAY > OUTSIDE_SCHEDULE > GRANT_NOT_YET_VALID > GRANT_EXPIRED > NO_GRANT
//                         (VISIT_NOT_APPROVED instead of NO_GRANT for a visitor)
//   5. qualifications     TRAINING_MISSING, CERTIFICATE_EXPIRED (IN only)
//      ESCORT_REQUIRED    a visitor entering an escort-required area without their escort just
//                         ahead (IN only; escort.ts)
//   6. ANTI_PASSBACK      HARD refuses; SOFT lets through with antiPassbackViolation
//   7. AREA_FULL          (IN only)
//   8. INTERLOCK_BUSY     both ways: a mantrap door cannot open while its sibling is open
//   9. SECOND_PERSON_REQUIRED  last, so a scan is only ever held when everything else passed
// Leaving (OUT) needs no grant, schedule or qualification: an exit must never trap anyone whose
// grant ended while inside. It still answers to the credential, anti-passback and interlock checks.
import { scheduleState } from '../time/schedule.js';
import type { Area, Decision, DecisionInput, PendingScan } from './access.types.js';
import { areaChain, isInside } from './area-tree.js';
import { deny } from './deny-reasons.js';
import { escorted, escortWindowOf } from './escort.js';
import { findGrant, qualificationProblem } from './grants.js';

export function decide(input: DecisionInput): Decision {
  const { at, person, credential, point, direction, site, state } = input;
  const card = credential.kind === 'CARD' ? credential.status : null;
  if (card === 'LOST') return deny('CARD_LOST');
  if (person.status !== 'ACTIVE') return deny('PERSON_INACTIVE');
  if (card !== null && card !== 'ACTIVE') return deny('CARD_INVALID', card);

  const chain = areaChain(site.areas, point.toAreaId);
  if (chain.length === 0) return deny('NO_GRANT', `unknown area ${point.toAreaId}`);
  const area = chain[0];
  const entering = direction === 'IN';

  let grantId: string | null = null;
  if (entering) {
    const verdict = findGrant(person, input.grants, chain, at, site);
    if (!verdict.ok) return deny(verdict.reason, verdict.detail);
    grantId = verdict.grant.id;
    const missing = qualificationProblem(person, chain, at);
    if (missing) return deny(missing.reason, missing.detail);
    const escortWithin = person.type === 'VISITOR' ? escortWindowOf(chain) : null;
    if (escortWithin !== null && !escorted(verdict.grant, state.recentPassages ?? [], at, escortWithin)) {
      return deny('ESCORT_REQUIRED');
    }
  }

  // Entering an area you are already in, or leaving one you are not in, means a card was passed
  // back or someone tailgated. Presence inside a sub-area counts as inside.
  const inside = isInside(site.areas, state.presenceAreaId, area.id);
  const passback = entering ? inside : !inside;
  if (passback && area.policy.antiPassback === 'HARD') {
    return deny('ANTI_PASSBACK', state.presenceAreaId ?? 'outside');
  }

  const rule = entering ? area.policy.twoPersonRule : null;
  const partner = rule ? heldPartner(state.pendingScans, person.id, at, rule.withinSeconds) : null;

  const max = entering ? area.policy.maxOccupancy : null;
  if (max != null) {
    // A released partner walks in with this person, so both must fit.
    const count = state.occupancy.get(area.id) ?? 0;
    if (count + (partner ? 2 : 1) > max) return deny('AREA_FULL', `${count}/${max}`);
  }

  if (point.interlockGroupId) {
    for (const open of state.openInterlock.get(point.interlockGroupId) ?? []) {
      if (open !== point.id) return deny('INTERLOCK_BUSY', open);
    }
  }

  if (rule && !partner) return deny('SECOND_PERSON_REQUIRED');

  return {
    allow: true,
    grantId,
    presenceAfter: entering ? area.id : point.fromAreaId,
    antiPassbackViolation: passback && area.policy.antiPassback === 'SOFT',
    releasedScan: partner,
    startNormalOpen: entering && startsNormalOpen(input, area),
  };
}

/**
 * Two-person rule: the first authorised scan is held (SECOND_PERSON_REQUIRED) and the caller keeps
 * it; a different person's authorised scan within the window releases the oldest such held scan and
 * both pass. The caller drops a released scan so it cannot be released twice.
 */
function heldPartner(
  pending: readonly PendingScan[],
  personId: string,
  at: number,
  withinSeconds: number,
): PendingScan | null {
  const since = at - withinSeconds * 1000;
  let oldest: PendingScan | null = null;
  for (const scan of pending) {
    if (scan.personId === personId || scan.at < since || scan.at > at) continue;
    if (oldest === null || scan.at < oldest.at) oldest = scan;
  }
  return oldest;
}

function startsNormalOpen(input: DecisionInput, area: Area): boolean {
  const { point, site, at } = input;
  // Holding a door open would defeat a two-person rule or a mantrap, so those never go normal-open.
  if (!point.firstCardNormalOpen || area.policy.twoPersonRule || point.interlockGroupId) return false;
  if (point.normalOpenScheduleId == null) return true;
  const schedule = site.schedules.get(point.normalOpenScheduleId);
  return schedule !== undefined && scheduleState(schedule, at, site.calendar) === 'OPEN';
}
