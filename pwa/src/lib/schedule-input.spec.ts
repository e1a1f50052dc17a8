import { describe, expect, it } from 'vitest';
import { OFFICE_HOURS } from '../test/access-fixtures';
import {
  emptyScheduleForm,
  hasProblems,
  isOvernight,
  scheduleProblems,
  toScheduleInput,
} from './schedule-input';
import { summarizeWeek } from './schedule-summary';

describe('schedule input', () => {
  it('starts as office hours on working days, which is valid as it is once named', () => {
    const values = { ...emptyScheduleForm(), name: '办公' };
    expect(hasProblems(scheduleProblems(values))).toBe(false);
    expect(toScheduleInput(values)).toMatchObject({
      name: '办公',
      timeZone: 'Asia/Shanghai',
      dayKinds: ['WORKDAY'],
      intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '18:00' })),
    });
  });

  it('names every problem: no name, unknown zone, no kind of day, a range that starts where it ends', () => {
    const values = emptyScheduleForm();
    values.timeZone = 'Mars/Olympus';
    values.dayKinds = [];
    values.week[2] = [
      { start: '09:00', end: '09:00' },
      { start: '', end: '10:00' },
    ];
    expect(scheduleProblems(values)).toEqual({
      name: 'schedule.nameRequired',
      timeZone: 'schedule.timeZoneInvalid',
      dayKinds: 'schedule.dayKindsRequired',
      ranges: { '3-0': 'schedule.sameStartEnd', '3-1': 'schedule.timeInvalid' },
    });
  });

  it('refuses a week without any time range', () => {
    const values = { ...emptyScheduleForm(), name: '空' };
    values.week = values.week.map(() => []);
    expect(scheduleProblems(values).intervals).toBe('schedule.intervalsRequired');
  });

  it('treats a night shift that ends before it starts as running past midnight', () => {
    expect(isOvernight({ start: '20:00', end: '08:00' })).toBe(true);
    expect(isOvernight({ start: '08:00', end: '20:00' })).toBe(false);
  });

  it('sums up a week as runs of days sharing the same times', () => {
    const groups = summarizeWeek([...OFFICE_HOURS.intervals, { weekday: 7, start: '20:00', end: '08:00' }]);
    expect(groups).toEqual([
      {
        runs: [[1, 5]],
        ranges: [
          { start: '08:00', end: '12:00' },
          { start: '13:30', end: '17:30' },
        ],
      },
      { runs: [[7, 7]], ranges: [{ start: '20:00', end: '08:00' }] },
    ]);
    const split = summarizeWeek([1, 3, 4].map((weekday) => ({ weekday, start: '08:00', end: '09:00' })));
    expect(split[0].runs).toEqual([
      [1, 1],
      [3, 4],
    ]);
  });
});
