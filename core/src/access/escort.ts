// 陪同 (escort rule): in an area marked "escort required", a visitor passes a door only right behind
// one of their escorts — the visit's host, or whoever else the visit's grant names — who went IN
// through that same door at most N seconds earlier. The escorts travel with the visitor's grant
// (`escortIds`), the recent passages with the caller's state, so the API and the gates decide alike.
import type { Area, Direction, Grant, Person, RecentPassage } from './access.types.js';
import { areaChain } from './area-tree.js';

/**
 * How many seconds an escort may be ahead when `person` enters `areaId`, or null when no escort is
 * needed: the rule binds visitors only, and only when the area or an area around it requires one.
 */
export function escortWindow(
  areas: ReadonlyMap<string, Area>,
  areaId: string,
  person: Pick<Person, 'type'>,
  direction: Direction,
): number | null {
  if (direction !== 'IN' || person.type !== 'VISITOR') return null;
  return escortWindowOf(areaChain(areas, areaId));
}

/** The innermost escort requirement along an area chain (innermost first), in seconds. */
export function escortWindowOf(chain: readonly Area[]): number | null {
  for (const area of chain) if (area.policy.escort) return area.policy.escort.withinSeconds;
  return null;
}

/** Whether one of the grant's escorts went IN at this point within the window before `at`. */
export function escorted(
  grant: Pick<Grant, 'escortIds'>,
  recent: readonly RecentPassage[],
  at: number,
  withinSeconds: number,
): boolean {
  const escorts = grant.escortIds ?? [];
  if (escorts.length === 0) return false;
  const since = at - withinSeconds * 1000;
  return recent.some(
    (p) => p.direction === 'IN' && p.at >= since && p.at <= at && escorts.includes(p.personId),
  );
}
