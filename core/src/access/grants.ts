// Which grant lets a person into an area now, or the most useful reason none does.
//
// Inheritance: a grant on an area covers the area and everything below it, except that a KEY area
// is a wall: a grant from above never reaches into it (or below it), so 集控室 always needs a grant
// of its own — or one on a KEY area that contains it. A POST grant (岗位默认) counts only when every
// area from the target up to the granted one allows post defaults, so a key area that refuses them
// cannot be reached by a post grant on itself either.
import { scheduleState } from '../time/schedule.js';
import type { Area, Grant, Person, SiteData } from './access.types.js';
import { postDefaultsApply } from './area-tree.js';
import type { DenyReason } from './deny-reasons.js';

export type GrantVerdict =
  | { readonly ok: true; readonly grant: Grant }
  | { readonly ok: false; readonly reason: DenyReason; readonly detail?: string };

// When no grant is usable, the reason closest to passing wins: the person holds a grant but it is
// the wrong hour, or it starts later, or it ended; otherwise there is simply none.
const RANK: Partial<Record<DenyReason, number>> = {
  GRANT_EXPIRED: 1,
  GRANT_NOT_YET_VALID: 2,
  OUTSIDE_SCHEDULE: 3,
  HOLIDAY: 4,
};

/** Why one covering grant does not admit at `at`, or null when it does. */
function grantProblem(grant: Grant, at: number, site: SiteData): DenyReason | null {
  if (grant.validFrom != null && at < grant.validFrom) return 'GRANT_NOT_YET_VALID';
  if (grant.validUntil != null && at >= grant.validUntil) return 'GRANT_EXPIRED';
  if (grant.scheduleId == null) return null;
  const schedule = site.schedules.get(grant.scheduleId);
  // A schedule missing from the cache fails closed.
  if (!schedule) return 'OUTSIDE_SCHEDULE';
  return stateReason(scheduleState(schedule, at, site.calendar));
}

function stateReason(state: 'OPEN' | 'CLOSED' | 'HOLIDAY'): DenyReason | null {
  return state === 'OPEN' ? null : state === 'HOLIDAY' ? 'HOLIDAY' : 'OUTSIDE_SCHEDULE';
}

/** The first usable grant (in the caller's order) covering chain[0], the target area. */
export function findGrant(
  person: Person,
  grants: readonly Grant[],
  chain: readonly Area[],
  at: number,
  site: SiteData,
): GrantVerdict {
  // Grants may sit on chain[0..reach]: reach stops at the first KEY area, the wall.
  let reach = 0;
  while (reach < chain.length - 1 && chain[reach].securityLevel !== 'KEY') reach++;
  let postReach = -1;
  while (postReach < reach && postDefaultsApply(chain[postReach + 1])) postReach++;

  let best: DenyReason | null = null;
  let bestGrant: Grant | null = null;
  for (const grant of grants) {
    if (grant.revokedAt != null && grant.revokedAt <= at) continue;
    let depth = 0;
    while (depth <= reach && chain[depth].id !== grant.areaId) depth++;
    if (depth > reach) continue;
    if (grant.source === 'POST' && depth > postReach) continue;
    const problem = grantProblem(grant, at, site);
    if (problem === null) return { ok: true, grant };
    if (best === null || (RANK[problem] ?? 0) > (RANK[best] ?? 0)) {
      best = problem;
      bestGrant = grant;
    }
  }
  if (best !== null) return { ok: false, reason: best, detail: bestGrant?.id };
  return { ok: false, reason: person.type === 'VISITOR' ? 'VISIT_NOT_APPROVED' : 'NO_GRANT' };
}

/** Qualifications required by the target area and every area around it. */
export function qualificationProblem(
  person: Person,
  chain: readonly Area[],
  at: number,
): { reason: DenyReason; detail: string } | null {
  const held = person.qualifications ?? {};
  for (const area of chain) {
    for (const name of area.policy.requiredQualifications) {
      if (!Object.hasOwn(held, name)) return { reason: 'TRAINING_MISSING', detail: name };
      const until = held[name];
      if (until !== null && at >= until) return { reason: 'CERTIFICATE_EXPIRED', detail: name };
    }
  }
  return null;
}
