import type { GateCache, GateCard, GatePerson } from './gate-cache.js';

/**
 * What changed for some people since `fromCursor`, as of `cursor`: each listed person's whole gate
 * record (people and cards are replaced, never merged field by field), so applying a patch twice, or
 * one that repeats a state the cache already has, changes nothing.
 */
export interface GatePatch {
  readonly fromCursor: string;
  readonly cursor: string;
  readonly generatedAt: number;
  /** Active people, upserted by id with all their grants. */
  readonly people: readonly GatePerson[];
  /** People the gates must forget (offboarded, deactivated): no grants, cards listed below as dead. */
  readonly removedPeople: readonly string[];
  /** Every card the cache should hold for the people above and the removed ones, live or dead. */
  readonly cards: readonly GateCard[];
}

export type PatchOutcome = 'applied' | 'stale' | 'gap';

/** Cursors are decimal audit sequence numbers; compared as numbers, not strings ("9" < "10"). */
export function compareCursors(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Whether `patch` may be applied to a cache at `cursor`: `stale` when the cache is already at or past
 * it (an old message arriving late must not roll a person back), `gap` when changes between the two
 * would be skipped (the bridge must resume from its cursor instead).
 */
export function patchFits(cursor: string, patch: GatePatch): PatchOutcome {
  if (compareCursors(patch.cursor, cursor) <= 0) return 'stale';
  if (compareCursors(patch.fromCursor, cursor) > 0) return 'gap';
  return 'applied';
}

/** A new cache with the patch applied; the input is left alone (the gates may be reading it). */
export function applyGatePatch(cache: GateCache, patch: GatePatch): GateCache {
  const touched = new Set<string>([...patch.people.map((p) => p.id), ...patch.removedPeople]);
  return {
    ...cache,
    cursor: patch.cursor,
    generatedAt: patch.generatedAt,
    people: [...cache.people.filter((p) => !touched.has(p.id)), ...patch.people],
    cards: [...cache.cards.filter((c) => !touched.has(c.personId)), ...patch.cards],
  };
}
