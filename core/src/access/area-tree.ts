// Walks the area tree. Bad data (a cycle, a dangling parent) must not hang or crash a gate, so
// every walk is bounded and simply stops where the data ends.
import type { Area, Direction, PassagePoint } from './access.types.js';

const MAX_DEPTH = 32;

/** The area and its ancestors, innermost first; empty when the area is unknown. */
export function areaChain(areas: ReadonlyMap<string, Area>, areaId: string): Area[] {
  const chain: Area[] = [];
  let area = areas.get(areaId);
  while (area && chain.length < MAX_DEPTH) {
    chain.push(area);
    area = area.parentId === null ? undefined : areas.get(area.parentId);
  }
  return chain;
}

/** Whether `areaId` is `ancestorId` or lies inside it. */
export function isInside(
  areas: ReadonlyMap<string, Area>,
  areaId: string | null,
  ancestorId: string,
): boolean {
  let id = areaId;
  for (let depth = 0; id !== null && depth < MAX_DEPTH; depth++) {
    if (id === ancestorId) return true;
    id = areas.get(id)?.parentId ?? null;
  }
  return false;
}

export function postDefaultsApply(area: Area): boolean {
  return area.policy.postDefaultsApply ?? area.securityLevel !== 'KEY';
}

/**
 * Where a person is taken to be when nothing is recorded about them (never passed a gate, or the
 * record was lost): where this passage starts. Anti-passback is about contradicting what is known;
 * guessing "outside" would refuse every first exit after a fresh install. API and gates both use
 * this, so they decide alike.
 */
export function presenceOrAssumed(
  known: string | null | undefined,
  point: Pick<PassagePoint, 'fromAreaId' | 'toAreaId'>,
  direction: Direction,
): string | null {
  if (known !== undefined) return known;
  return direction === 'IN' ? point.fromAreaId : point.toAreaId;
}
