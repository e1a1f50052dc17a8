// Weekly schedules (时间段). Intervals are wall-clock times in the schedule's zone; one that ends at
// or before its start crosses midnight and belongs to the day it starts (a 20:00–08:00 night shift
// that starts on a workday still admits at 03:00 on the holiday after it).
import { type DayKind, dayKindOfEpochDay, type HolidayCalendar } from './calendar.js';
import { DEFAULT_TIME_ZONE, isValidTimeZone, localTime, type Weekday } from './local-time.js';

export interface ScheduleInterval {
  /** 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  /** 'HH:MM', 00:00–23:59. */
  readonly start: string;
  /** 'HH:MM' or '24:00'; at or before `start` means the interval ends the next day. */
  readonly end: string;
}

export interface WeeklySchedule {
  readonly id: string;
  /** IANA zone; defaults to Asia/Shanghai. */
  readonly timeZone?: string;
  readonly intervals: readonly ScheduleInterval[];
  /**
   * Kinds of day on which the intervals apply; default all three. An office schedule is ['WORKDAY']
   * (closed on holidays and weekends, open on 调休 Saturdays); a production shift lists all three.
   * Leaving HOLIDAY out is how a schedule is "closed on holidays".
   */
  readonly dayKinds?: readonly DayKind[];
  /** Whose intervals a make-up working day on a weekend follows; default 1 (Monday). */
  readonly makeUpWorkdayAs?: Weekday;
}

/** OPEN; CLOSED; or HOLIDAY when it is closed because the day is a holiday it does not apply on. */
export type ScheduleState = 'OPEN' | 'CLOSED' | 'HOLIDAY';

interface CompiledSchedule {
  zone: string;
  usable: boolean;
  /** Per weekday 1…7, flat [start, end) pairs in minutes; end > 1440 for intervals crossing midnight. */
  week: number[][];
  kinds: Record<DayKind, boolean>;
  makeUpAs: Weekday;
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

function clock(text: string, allow24: boolean): number | null {
  if (allow24 && text === '24:00') return 1440;
  const m = CLOCK.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

function intervalProblem(i: ScheduleInterval): string | null {
  if (!Number.isInteger(i.weekday) || i.weekday < 1 || i.weekday > 7) return `星期应为 1–7：${i.weekday}`;
  const start = clock(i.start, false);
  const end = clock(i.end, true);
  if (start === null || end === null) return `时间格式应为 HH:MM：${i.start}–${i.end}`;
  if (start === end) return `开始与结束相同，含义不明：${i.start}–${i.end}`;
  return null;
}

const compiled = new WeakMap<WeeklySchedule, CompiledSchedule>();

function compile(s: WeeklySchedule): CompiledSchedule {
  let c = compiled.get(s);
  if (c) return c;
  const zone = s.timeZone ?? DEFAULT_TIME_ZONE;
  const week: number[][] = [[], [], [], [], [], [], [], []];
  for (const i of s.intervals) {
    // Bad intervals are skipped, never thrown: the gate fails closed and checkSchedule refuses them earlier.
    if (intervalProblem(i)) continue;
    const start = clock(i.start, false) as number;
    const end = clock(i.end, true) as number;
    week[i.weekday].push(start, end > start ? end : end + 1440);
  }
  const kinds = s.dayKinds ?? ['WORKDAY', 'WEEKEND', 'HOLIDAY'];
  c = {
    zone,
    usable: isValidTimeZone(zone),
    week,
    kinds: {
      WORKDAY: kinds.includes('WORKDAY'),
      WEEKEND: kinds.includes('WEEKEND'),
      HOLIDAY: kinds.includes('HOLIDAY'),
    },
    makeUpAs: s.makeUpWorkdayAs ?? 1,
  };
  compiled.set(s, c);
  return c;
}

function covers(pairs: number[], minute: number): boolean {
  for (let k = 0; k < pairs.length; k += 2) if (pairs[k] <= minute && minute < pairs[k + 1]) return true;
  return false;
}

/** State of a schedule at an instant (epoch ms), using the caller's holiday calendar. */
export function scheduleState(
  schedule: WeeklySchedule,
  instant: number,
  calendar: HolidayCalendar,
): ScheduleState {
  const c = compile(schedule);
  if (!c.usable) return 'CLOSED';
  const now = localTime(instant, c.zone);
  let holidayBlocked = false;
  // Today's intervals at `minute`, then yesterday's overnight ones at `minute + 1440`.
  for (let back = 0; back <= 1; back++) {
    const day = now.epochDay - back;
    const kind = dayKindOfEpochDay(calendar, day);
    const weekday = back === 0 ? now.weekday : now.weekday === 1 ? 7 : now.weekday - 1;
    const follows = kind === 'WORKDAY' && weekday >= 6 ? c.makeUpAs : weekday;
    if (!covers(c.week[follows], now.minute + back * 1440)) continue;
    if (c.kinds[kind]) return 'OPEN';
    if (kind === 'HOLIDAY') holidayBlocked = true;
  }
  if (holidayBlocked) return 'HOLIDAY';
  return !c.kinds.HOLIDAY && dayKindOfEpochDay(calendar, now.epochDay) === 'HOLIDAY' ? 'HOLIDAY' : 'CLOSED';
}

export function isWithinSchedule(
  schedule: WeeklySchedule,
  instant: number,
  calendar: HolidayCalendar,
): boolean {
  return scheduleState(schedule, instant, calendar) === 'OPEN';
}

/** Problems an admin must fix before a schedule is saved (Chinese, for the admin UI); empty when fine. */
export function checkSchedule(schedule: WeeklySchedule): string[] {
  const problems: string[] = [];
  const zone = schedule.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(zone)) problems.push(`未知时区：${zone}`);
  for (const i of schedule.intervals) {
    const p = intervalProblem(i);
    if (p) problems.push(p);
  }
  for (const k of schedule.dayKinds ?? []) {
    if (k !== 'WORKDAY' && k !== 'WEEKEND' && k !== 'HOLIDAY') problems.push(`未知日期类型：${k}`);
  }
  const m = schedule.makeUpWorkdayAs;
  if (m !== undefined && !(Number.isInteger(m) && m >= 1 && m <= 7))
    problems.push(`调休上班日参照星期应为 1–7：${m}`);
  return problems;
}
