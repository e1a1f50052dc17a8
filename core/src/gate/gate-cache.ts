import type { Area, CardStatus, Grant, PassagePoint, Person, SiteData } from '../access/access.types.js';
import type { Jwks } from '../pass/pass-keys.js';
import type { HolidayCalendar } from '../time/calendar.js';
import type { WeeklySchedule } from '../time/schedule.js';

/**
 * Everything a site's gates need to decide without the API, as the API hands it out and the bridge
 * keeps it on disk: plain JSON (arrays, epoch milliseconds), so it survives a file round trip. The
 * same shapes the decision engine takes, so the gate decides exactly as the server would.
 */
export interface GateCache {
  /** Format version: a bridge refuses a cache it does not understand and asks for a full one. */
  readonly version: 1;
  /** Position in the API's change log this cache reflects; the bridge resumes from it. */
  readonly cursor: string;
  readonly generatedAt: number;
  readonly areas: readonly Area[];
  readonly points: readonly PassagePoint[];
  readonly schedules: readonly WeeklySchedule[];
  readonly calendar: HolidayCalendar;
  readonly people: readonly GatePerson[];
  /** Every card number a gate may be shown that is not simply unknown: live ones and dead ones. */
  readonly cards: readonly GateCard[];
  /** Public keys of the QR pass issuer (never token keys). */
  readonly passJwks: Jwks;
}

export interface GatePerson extends Person {
  readonly name: string;
  readonly grants: readonly Grant[];
}

export interface GateCard {
  readonly number: string;
  readonly status: CardStatus;
  readonly personId: string;
}

export const GATE_CACHE_VERSION = 1;

/** The engine's lookup form of a cache, built once per cache change. */
export interface GateIndex {
  readonly site: SiteData;
  readonly points: ReadonlyMap<string, PassagePoint>;
  readonly people: ReadonlyMap<string, GatePerson>;
  readonly cards: ReadonlyMap<string, GateCard>;
}

export function indexGateCache(cache: GateCache): GateIndex {
  if (cache.version !== GATE_CACHE_VERSION)
    throw new Error(`unsupported gate cache version ${cache.version}`);
  return {
    site: {
      areas: new Map(cache.areas.map((a) => [a.id, a])),
      schedules: new Map(cache.schedules.map((s) => [s.id, s])),
      calendar: cache.calendar,
    },
    points: new Map(cache.points.map((p) => [p.id, p])),
    people: new Map(cache.people.map((p) => [p.id, p])),
    // A number can appear on a dead card and a live one; the live one is what the gate must see.
    cards: new Map(
      [...cache.cards]
        .sort(
          (a, b) =>
            Number(a.status === 'ACTIVE' || a.status === 'LOST') -
            Number(b.status === 'ACTIVE' || b.status === 'LOST'),
        )
        .map((c) => [c.number, c]),
    ),
  };
}
