import { describe, expect, it } from 'vitest';
import { expandRange, groupCalendar, rangeProblem, weekdayOf } from './calendar-days';

const SPRING = expandRange('2025-01-28', '2025-02-04').map((date) => ({
  date,
  kind: 'HOLIDAY' as const,
  name: '春节',
}));

describe('calendar days', () => {
  it('expands a range day by day across a month end, and a single day to itself', () => {
    expect(expandRange('2025-01-30', '2025-02-02')).toEqual([
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-02',
    ]);
    expect(expandRange('2025-05-01', '')).toEqual(['2025-05-01']);
  });

  it('knows the weekday of a date whatever the time zone', () => {
    expect(weekdayOf('2025-01-26')).toBe(7);
    expect(weekdayOf('2025-02-08')).toBe(6);
  });

  it('groups a holiday and its make-up workdays as the notice lists them', () => {
    const days = [
      ...SPRING,
      { date: '2025-01-26', kind: 'WORKDAY' as const, name: '春节' },
      { date: '2025-02-08', kind: 'WORKDAY' as const, name: '春节' },
    ];
    const groups = groupCalendar(days);
    expect(groups.map((g) => [g.name, g.kind, g.runs])).toEqual([
      [
        '春节',
        'WORKDAY',
        [
          ['2025-01-26', '2025-01-26'],
          ['2025-02-08', '2025-02-08'],
        ],
      ],
      ['春节', 'HOLIDAY', [['2025-01-28', '2025-02-04']]],
    ]);
    expect(groups[1].dates).toHaveLength(8);
  });

  it('refuses a range outside the year, backwards, too long, or over days already listed', () => {
    const range = { name: '国庆', start: '2025-10-01', end: '2025-10-08' };
    expect(rangeProblem(2025, range, [])).toBeNull();
    expect(rangeProblem(2025, { ...range, name: ' ' }, [])).toBe('calendar.nameRequired');
    expect(rangeProblem(2025, { ...range, start: '' }, [])).toBe('calendar.dateRequired');
    expect(rangeProblem(2026, range, [])).toBe('calendar.outsideYear');
    expect(rangeProblem(2025, { ...range, end: '2025-09-30' }, [])).toBe('calendar.endBeforeStart');
    expect(rangeProblem(2025, { ...range, end: '2025-11-30' }, [])).toBe('calendar.tooLong');
    expect(rangeProblem(2025, { name: '春节', start: '2025-02-04', end: '' }, SPRING)).toBe(
      'calendar.overlaps',
    );
  });
});
