import type { ScheduleInput } from '../gql/graphql';

export type DayKind = 'WORKDAY' | 'WEEKEND' | 'HOLIDAY';
export const DAY_KINDS: readonly DayKind[] = ['WORKDAY', 'WEEKEND', 'HOLIDAY'];
/** 1 = Monday … 7 = Sunday, as the API counts. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export interface TimeRange {
  start: string;
  end: string;
}

export interface ScheduleFormValues {
  name: string;
  timeZone: string;
  dayKinds: DayKind[];
  /** week[0] is Monday. */
  week: TimeRange[][];
}

export type ScheduleProblem =
  | 'schedule.nameRequired'
  | 'schedule.timeZoneInvalid'
  | 'schedule.dayKindsRequired'
  | 'schedule.intervalsRequired'
  | 'schedule.timeInvalid'
  | 'schedule.sameStartEnd';

export interface ScheduleProblems {
  name?: ScheduleProblem;
  timeZone?: ScheduleProblem;
  dayKinds?: ScheduleProblem;
  intervals?: ScheduleProblem;
  /** Keyed by `${weekday}-${index}`. */
  ranges: Record<string, ScheduleProblem>;
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** An office template: Monday to Friday, working days only (so closed on holidays, open on 调休 Saturdays). */
export function emptyScheduleForm(): ScheduleFormValues {
  const office = (): TimeRange[] => [{ start: '08:00', end: '18:00' }];
  return {
    name: '',
    timeZone: DEFAULT_TIME_ZONE,
    dayKinds: ['WORKDAY'],
    week: WEEKDAYS.map((day) => (day <= 5 ? office() : [])),
  };
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A range that ends at or before its start runs past midnight into the next day. */
export function isOvernight(range: TimeRange): boolean {
  return CLOCK.test(range.start) && CLOCK.test(range.end) && range.end < range.start;
}

export function scheduleProblems(values: ScheduleFormValues): ScheduleProblems {
  const problems: ScheduleProblems = { ranges: {} };
  if (!values.name.trim()) problems.name = 'schedule.nameRequired';
  if (!isValidTimeZone(values.timeZone.trim())) problems.timeZone = 'schedule.timeZoneInvalid';
  if (!values.dayKinds.length) problems.dayKinds = 'schedule.dayKindsRequired';
  if (!values.week.some((ranges) => ranges.length)) problems.intervals = 'schedule.intervalsRequired';
  values.week.forEach((ranges, day) => {
    ranges.forEach((range, index) => {
      const key = `${day + 1}-${index}`;
      if (!CLOCK.test(range.start) || !CLOCK.test(range.end)) problems.ranges[key] = 'schedule.timeInvalid';
      else if (range.start === range.end) problems.ranges[key] = 'schedule.sameStartEnd';
    });
  });
  return problems;
}

export function hasProblems(problems: ScheduleProblems): boolean {
  return Object.keys(problems).length > 1 || Object.keys(problems.ranges).length > 0;
}

export function toScheduleInput(values: ScheduleFormValues): ScheduleInput {
  return {
    name: values.name.trim(),
    timeZone: values.timeZone.trim(),
    dayKinds: DAY_KINDS.filter((kind) => values.dayKinds.includes(kind)),
    intervals: values.week.flatMap((ranges, day) =>
      ranges.map(({ start, end }) => ({ weekday: day + 1, start, end })),
    ),
  };
}
