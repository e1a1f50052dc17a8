import type { CalendarDayInput, CalendarDayKind } from '../gql/graphql';

export interface CalendarGroup {
  name: string;
  kind: CalendarDayKind;
  dates: string[];
  /** Consecutive dates merged: [first, last]. */
  runs: Array<[string, string]>;
}

export type RangeProblem =
  | 'calendar.nameRequired'
  | 'calendar.dateRequired'
  | 'calendar.outsideYear'
  | 'calendar.endBeforeStart'
  | 'calendar.tooLong'
  | 'calendar.overlaps';

const DAY_MS = 86_400_000;
const MAX_RANGE_DAYS = 31;

function epochDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday, for a YYYY-MM-DD date. */
export function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function expandRange(start: string, end: string): string[] {
  const first = epochDay(start);
  const last = epochDay(end || start);
  const out: string[] = [];
  for (let day = first; day <= last; day++) out.push(dateOf(day));
  return out;
}

/** What stops a range of days from being added to the year being edited; null when it may be. */
export function rangeProblem(
  year: number,
  range: { name: string; start: string; end: string },
  existing: readonly CalendarDayInput[],
): RangeProblem | null {
  if (!range.name.trim()) return 'calendar.nameRequired';
  if (!range.start) return 'calendar.dateRequired';
  const end = range.end || range.start;
  if (!range.start.startsWith(`${year}-`) || !end.startsWith(`${year}-`)) return 'calendar.outsideYear';
  if (end < range.start) return 'calendar.endBeforeStart';
  const dates = expandRange(range.start, end);
  if (dates.length > MAX_RANGE_DAYS) return 'calendar.tooLong';
  const taken = new Set(existing.map((day) => day.date));
  if (dates.some((date) => taken.has(date))) return 'calendar.overlaps';
  return null;
}

/** Days in date order, grouped by name and kind as the State Council's notice lists them. */
export function groupCalendar(days: readonly CalendarDayInput[]): CalendarGroup[] {
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  const groups = new Map<string, CalendarGroup>();
  for (const day of sorted) {
    const key = `${day.kind}\u0000${day.name}`;
    const group = groups.get(key) ?? { name: day.name, kind: day.kind, dates: [], runs: [] };
    group.dates.push(day.date);
    const last = group.runs.at(-1);
    if (last && epochDay(last[1]) === epochDay(day.date) - 1) last[1] = day.date;
    else group.runs.push([day.date, day.date]);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => a.dates[0].localeCompare(b.dates[0]));
}
