// The holiday calendar is data that admins enter each year from the State Council's notice
// (放假调休安排); nothing here knows any year's dates. Compiled once per calendar object into sets
// of epoch days, so a decision looks up an integer instead of formatting a date string.
import { parseLocalDate, weekdayOfEpochDay } from './local-time.js';

export type DayKind = 'WORKDAY' | 'WEEKEND' | 'HOLIDAY';
export const DAY_KINDS: readonly DayKind[] = ['WORKDAY', 'WEEKEND', 'HOLIDAY'];

export interface HolidayCalendar {
  /** 'YYYY-MM-DD' statutory days off (法定节假日放假), whatever weekday they fall on. */
  readonly holidays: readonly string[];
  /** 'YYYY-MM-DD' make-up working days (调休上班) that fall on a weekend. */
  readonly workdays: readonly string[];
}

export const EMPTY_CALENDAR: HolidayCalendar = Object.freeze({ holidays: [], workdays: [] });

interface CompiledCalendar {
  holidays: ReadonlySet<number>;
  workdays: ReadonlySet<number>;
}

// Keyed by identity: callers treat calendars as immutable values and replace them on change.
const compiled = new WeakMap<HolidayCalendar, CompiledCalendar>();

function days(dates: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (const d of dates) {
    const day = parseLocalDate(d);
    // A gate must keep deciding on bad data; checkHolidayCalendar refuses it at input time instead.
    if (day !== null) out.add(day);
  }
  return out;
}

function compile(calendar: HolidayCalendar): CompiledCalendar {
  let c = compiled.get(calendar);
  if (!c) {
    c = { holidays: days(calendar.holidays), workdays: days(calendar.workdays) };
    compiled.set(calendar, c);
  }
  return c;
}

/** Kind of a local day given as an epoch day; a date listed as both counts as a holiday. */
export function dayKindOfEpochDay(calendar: HolidayCalendar, epochDay: number): DayKind {
  const c = compile(calendar);
  if (c.holidays.has(epochDay)) return 'HOLIDAY';
  if (c.workdays.has(epochDay)) return 'WORKDAY';
  return weekdayOfEpochDay(epochDay) >= 6 ? 'WEEKEND' : 'WORKDAY';
}

/** Kind of a local date 'YYYY-MM-DD': a 调休 Saturday is a WORKDAY, a holiday on a Monday a HOLIDAY. */
export function dayKind(calendar: HolidayCalendar, localDate: string): DayKind {
  const day = parseLocalDate(localDate);
  if (day === null) throw new RangeError(`not a date: ${localDate}`);
  return dayKindOfEpochDay(calendar, day);
}

/** Problems an admin must fix before a calendar is saved (Chinese, shown in the admin UI); empty when fine. */
export function checkHolidayCalendar(calendar: HolidayCalendar): string[] {
  const problems: string[] = [];
  const holidays = new Set<number>();
  for (const d of calendar.holidays) {
    const day = parseLocalDate(d);
    if (day === null) problems.push(`节假日日期格式错误：${d}（应为 YYYY-MM-DD）`);
    else holidays.add(day);
  }
  for (const d of calendar.workdays) {
    const day = parseLocalDate(d);
    if (day === null) problems.push(`调休上班日日期格式错误：${d}（应为 YYYY-MM-DD）`);
    else if (holidays.has(day)) problems.push(`${d} 不能既是节假日又是调休上班日`);
    else if (weekdayOfEpochDay(day) < 6) problems.push(`${d} 不是周末，无需登记为调休上班日`);
  }
  return problems;
}
