// Wall-clock parts of an instant in an IANA time zone, computed for every scan at every gate.
// Intl.DateTimeFormat is the only correct source of zone rules in pure JS, but formatToParts costs
// microseconds, so it runs once per zone and UTC hour: the hour's offset is cached, and the rest is
// integer arithmetic. An hour that contains an offset change (DST, or Australia/Lord_Howe's
// half-hour shift at :30 UTC) is marked as such and resolved exactly for each instant.

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface LocalTime {
  /** Local calendar day as days since 1970-01-01. */
  epochDay: number;
  /** Minutes since local midnight, 0…1439. */
  minute: number;
  weekday: Weekday;
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const MS_MINUTE = 60_000;
const MS_HOUR = 3_600_000;
export const MS_DAY = 86_400_000;
// Enough for months of live traffic per zone; a benchmark scanning random years only churns it.
const MAX_CACHED_HOURS = 8192;
const MIXED = Number.NaN;

const formatters = new Map<string, Intl.DateTimeFormat>();
const hourOffsets = new Map<string, Map<number, number>>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone; isValidTimeZone turns that into a boolean.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offset (local minus UTC, in ms) at one instant, straight from Intl. */
function exactOffset(timeZone: string, instant: number): number {
  const whole = instant - (((instant % 1000) + 1000) % 1000);
  const p = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  for (const part of formatter(timeZone).formatToParts(whole)) {
    if (part.type in p) p[part.type as keyof typeof p] = Number(part.value);
  }
  const wall = new Date(0);
  wall.setUTCFullYear(p.year, p.month - 1, p.day);
  wall.setUTCHours(p.hour, p.minute, p.second, 0);
  return wall.getTime() - whole;
}

/** Local minus UTC in ms; zones change offset at most once in any hour, which the cache relies on. */
export function zoneOffset(timeZone: string, instant: number): number {
  const hour = Math.floor(instant / MS_HOUR);
  let zone = hourOffsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    hourOffsets.set(timeZone, zone);
  }
  let offset = zone.get(hour);
  if (offset === undefined) {
    const first = exactOffset(timeZone, hour * MS_HOUR);
    const last = exactOffset(timeZone, (hour + 1) * MS_HOUR - 1);
    offset = first === last ? first : MIXED;
    if (zone.size >= MAX_CACHED_HOURS) zone.clear();
    zone.set(hour, offset);
  }
  return Number.isNaN(offset) ? exactOffset(timeZone, instant) : offset;
}

export function weekdayOfEpochDay(epochDay: number): Weekday {
  // 1970-01-01 was a Thursday.
  return (((((epochDay + 3) % 7) + 7) % 7) + 1) as Weekday;
}

/** Wall-clock day, minute and weekday of `instant` (epoch ms) in `timeZone`. */
export function localTime(instant: number, timeZone: string = DEFAULT_TIME_ZONE): LocalTime {
  const local = instant + zoneOffset(timeZone, instant);
  const epochDay = Math.floor(local / MS_DAY);
  const minute = Math.floor((local - epochDay * MS_DAY) / MS_MINUTE);
  return { epochDay, minute, weekday: weekdayOfEpochDay(epochDay) };
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' → epoch day, or null when it is not a real calendar date. */
export function parseLocalDate(date: string): number | null {
  const m = LOCAL_DATE.exec(date);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Date.UTC rolls 02-30 over into March; a round trip catches it.
  return formatEpochDay(ms / MS_DAY) === date ? ms / MS_DAY : null;
}

export function formatEpochDay(epochDay: number): string {
  return new Date(epochDay * MS_DAY).toISOString().slice(0, 10);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}
