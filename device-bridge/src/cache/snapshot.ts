import {
  type Area,
  GATE_CACHE_VERSION,
  type GateCache,
  type GateIndex,
  importPublicJwks,
  indexGateCache,
  type PassKeySet,
  type SiteData,
} from '@park/core';

/** A gate cache with everything derived from it, built once per cache so no scan pays for it. */
export interface CacheSnapshot {
  readonly cache: GateCache;
  readonly index: GateIndex;
  /**
   * The site with HARD anti-passback turned SOFT. Offline, the bridge's presence may miss passages
   * decided elsewhere (another bridge, a guard's remote open), so refusing on it could lock someone
   * in or out; it grants and flags instead, and the API sorts it out when the events arrive.
   */
  readonly offlineSite: SiteData;
  /** The pass issuer's public keys, imported once (a bad key set is refused with the whole cache). */
  readonly passKeys: PassKeySet;
}

export class InvalidCacheError extends Error {
  override name = 'InvalidCacheError';
}

const ARRAYS = ['areas', 'points', 'schedules', 'people', 'cards'] as const;

/** Throws InvalidCacheError for anything the engine could trip over later, at a gate, mid-scan. */
export function buildSnapshot(value: unknown): CacheSnapshot {
  if (typeof value !== 'object' || value === null) throw new InvalidCacheError('gate cache is not an object');
  const cache = value as GateCache;
  if (cache.version !== GATE_CACHE_VERSION) {
    throw new InvalidCacheError(`unsupported gate cache version ${String(cache.version)}`);
  }
  if (typeof cache.cursor !== 'string' || !Number.isFinite(cache.generatedAt)) {
    throw new InvalidCacheError('gate cache needs a cursor and generatedAt');
  }
  for (const name of ARRAYS) {
    if (!Array.isArray(cache[name])) throw new InvalidCacheError(`gate cache "${name}" is not an array`);
  }
  const { calendar } = cache;
  if (!Array.isArray(calendar?.holidays) || !Array.isArray(calendar?.workdays)) {
    throw new InvalidCacheError('gate cache calendar needs holidays and workdays');
  }
  if (!cache.people.every((p) => Array.isArray(p?.grants))) {
    throw new InvalidCacheError('every person in the gate cache needs a grants array');
  }
  let passKeys: PassKeySet;
  try {
    passKeys = importPublicJwks(cache.passJwks);
  } catch (error) {
    throw new InvalidCacheError(`gate cache pass keys: ${(error as Error).message}`);
  }
  const index = indexGateCache(cache);
  return { cache, index, offlineSite: softenAntiPassback(index.site), passKeys };
}

export function softenAntiPassback(site: SiteData): SiteData {
  const areas = new Map<string, Area>();
  for (const [id, area] of site.areas) {
    areas.set(
      id,
      area.policy.antiPassback === 'HARD'
        ? { ...area, policy: { ...area.policy, antiPassback: 'SOFT' } }
        : area,
    );
  }
  return { ...site, areas };
}
