import type { TimeRange } from './schedule-input';

export interface WeekGroup {
  /** Runs of consecutive weekdays sharing these ranges, e.g. [[1, 5]] for Monday to Friday. */
  runs: Array<[number, number]>;
  ranges: TimeRange[];
}

interface Interval extends TimeRange {
  weekday: number;
}

/** Groups the weekdays that share the same ranges, so "周一至周五 08:00–18:00" reads as one line. */
export function summarizeWeek(intervals: readonly Interval[]): WeekGroup[] {
  const byDay = new Map<number, TimeRange[]>();
  for (const { weekday, start, end } of intervals) {
    byDay.set(weekday, [...(byDay.get(weekday) ?? []), { start, end }]);
  }
  const groups = new Map<string, { days: number[]; ranges: TimeRange[] }>();
  for (const day of [...byDay.keys()].sort((a, b) => a - b)) {
    const ranges = [...(byDay.get(day) ?? [])].sort((a, b) => a.start.localeCompare(b.start));
    const key = ranges.map((r) => `${r.start}-${r.end}`).join(',');
    const group = groups.get(key) ?? { days: [], ranges };
    group.days.push(day);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ days, ranges }) => ({ runs: runsOf(days), ranges }));
}

function runsOf(days: number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (const day of days) {
    const last = runs.at(-1);
    if (last && last[1] === day - 1) last[1] = day;
    else runs.push([day, day]);
  }
  return runs;
}
