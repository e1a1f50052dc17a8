import { describe, expect, it } from 'vitest';
import { EMPTY_CALENDAR, type HolidayCalendar } from './calendar.js';
import { checkSchedule, isWithinSchedule, scheduleState, type WeeklySchedule } from './schedule.js';

const cst = (local: string) => Date.parse(`${local}+08:00`);
const AUTUMN: HolidayCalendar = {
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'],
  workdays: ['2025-09-28', '2025-10-11'],
};
const weekdays = (start: string, end: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end }));
const everyDay = (start: string, end: string) =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end }));

const office: WeeklySchedule = { id: 'office', dayKinds: ['WORKDAY'], intervals: weekdays('07:30', '18:00') };
const nightShift: WeeklySchedule = {
  id: 'night',
  dayKinds: ['WORKDAY'],
  intervals: weekdays('20:00', '08:00'),
};

describe('a weekday office schedule, 07:30–18:00', () => {
  it('opens at 07:30 sharp and closes at 18:00 sharp', () => {
    expect(isWithinSchedule(office, cst('2025-10-09T07:29:59'), EMPTY_CALENDAR)).toBe(false);
    expect(isWithinSchedule(office, cst('2025-10-09T07:30:00'), EMPTY_CALENDAR)).toBe(true);
    expect(isWithinSchedule(office, cst('2025-10-09T17:59:59'), EMPTY_CALENDAR)).toBe(true);
    expect(isWithinSchedule(office, cst('2025-10-09T18:00:00'), EMPTY_CALENDAR)).toBe(false);
  });

  it('is closed, not "holiday", on an ordinary Saturday', () => {
    expect(scheduleState(office, cst('2025-10-18T09:00:00'), AUTUMN)).toBe('CLOSED');
  });

  it('is shut for the holiday on National Day, a Wednesday', () => {
    expect(scheduleState(office, cst('2025-10-01T09:00:00'), AUTUMN)).toBe('HOLIDAY');
  });

  it('opens on a make-up Saturday with Monday’s hours', () => {
    expect(scheduleState(office, cst('2025-10-11T07:30:00'), AUTUMN)).toBe('OPEN');
    expect(scheduleState(office, cst('2025-10-11T07:30:00'), EMPTY_CALENDAR)).toBe('CLOSED');
  });

  it('follows another weekday’s hours on a make-up day when told to', () => {
    const shortFriday: WeeklySchedule = {
      ...office,
      id: 'short-friday',
      intervals: [...weekdays('07:30', '18:00').slice(0, 4), { weekday: 5, start: '07:30', end: '12:00' }],
      makeUpWorkdayAs: 5,
    };
    expect(scheduleState(shortFriday, cst('2025-10-11T13:00:00'), AUTUMN)).toBe('CLOSED');
    expect(scheduleState(shortFriday, cst('2025-10-11T11:00:00'), AUTUMN)).toBe('OPEN');
  });
});

describe('a night shift crossing midnight, 20:00–08:00', () => {
  it('admits at 03:00 on Saturday for the shift that began on Friday', () => {
    expect(isWithinSchedule(nightShift, cst('2025-10-18T03:00:00'), EMPTY_CALENDAR)).toBe(true);
    expect(isWithinSchedule(nightShift, cst('2025-10-18T08:00:00'), EMPTY_CALENDAR)).toBe(false);
    expect(isWithinSchedule(nightShift, cst('2025-10-18T20:00:00'), EMPTY_CALENDAR)).toBe(false);
  });

  it('wraps from Sunday night into Monday morning', () => {
    const sundays: WeeklySchedule = { id: 'sun', intervals: [{ weekday: 7, start: '22:00', end: '06:00' }] };
    expect(isWithinSchedule(sundays, cst('2025-10-20T05:59:00'), EMPTY_CALENDAR)).toBe(true);
    expect(isWithinSchedule(sundays, cst('2025-10-21T05:59:00'), EMPTY_CALENDAR)).toBe(false);
  });

  it('lets the shift that began on the eve of a holiday finish on the holiday morning', () => {
    expect(scheduleState(nightShift, cst('2025-10-01T03:00:00'), AUTUMN)).toBe('OPEN');
    expect(scheduleState(nightShift, cst('2025-10-01T20:30:00'), AUTUMN)).toBe('HOLIDAY');
  });

  it('blames the holiday when the shift would have started on one', () => {
    expect(scheduleState(nightShift, cst('2025-10-09T03:00:00'), AUTUMN)).toBe('HOLIDAY');
  });
});

describe('schedules that apply every day', () => {
  const production: WeeklySchedule = { id: 'prod', intervals: everyDay('00:00', '24:00') };

  it('keeps a round-the-clock production schedule open on a holiday at midnight', () => {
    expect(scheduleState(production, cst('2025-10-01T00:00:00'), AUTUMN)).toBe('OPEN');
    expect(scheduleState(production, cst('2025-10-04T23:59:59'), AUTUMN)).toBe('OPEN');
  });
});

describe('time zones', () => {
  const berlinOffice: WeeklySchedule = { ...office, id: 'berlin', timeZone: 'Europe/Berlin' };
  const summer = Date.parse('2025-07-01T05:45:00Z');
  const winter = Date.parse('2025-01-15T05:45:00Z');

  it('reads the same UTC instant as 07:45 in a Berlin summer and 06:45 in a Berlin winter', () => {
    expect(isWithinSchedule(berlinOffice, summer, EMPTY_CALENDAR)).toBe(true);
    expect(isWithinSchedule(berlinOffice, winter, EMPTY_CALENDAR)).toBe(false);
  });

  it('reads both instants as 13:45 in Shanghai, which has no daylight saving', () => {
    expect(isWithinSchedule(office, summer, EMPTY_CALENDAR)).toBe(true);
    expect(isWithinSchedule(office, winter, EMPTY_CALENDAR)).toBe(true);
  });

  it('never opens an interval that falls in the hour Berlin skips, and opens right after it', () => {
    const skipped = { weekday: 7, start: '02:00', end: '03:00' };
    const early: WeeklySchedule = { id: 'early', timeZone: 'Europe/Berlin', intervals: [skipped] };
    const after = { ...early, id: 'after', intervals: [{ weekday: 7, start: '03:00', end: '04:00' }] };
    for (let t = Date.parse('2025-03-29T23:00:00Z'); t < Date.parse('2025-03-30T03:00:00Z'); t += 60_000) {
      expect(isWithinSchedule(early, t, EMPTY_CALENDAR)).toBe(false);
    }
    expect(isWithinSchedule(after, Date.parse('2025-03-30T00:59:59Z'), EMPTY_CALENDAR)).toBe(false);
    expect(isWithinSchedule(after, Date.parse('2025-03-30T01:00:00Z'), EMPTY_CALENDAR)).toBe(true);
  });
});

describe('bad schedules', () => {
  it('fails closed on an unknown time zone instead of throwing at the gate', () => {
    const lost: WeeklySchedule = {
      id: 'lost',
      timeZone: 'Asia/Beijing',
      intervals: everyDay('00:00', '24:00'),
    };
    expect(scheduleState(lost, cst('2025-10-09T09:00:00'), EMPTY_CALENDAR)).toBe('CLOSED');
  });

  it('skips a malformed interval and keeps the good ones', () => {
    const mixed: WeeklySchedule = {
      id: 'mixed',
      intervals: [
        { weekday: 4, start: '25:00', end: '26:00' },
        { weekday: 4, start: '08:00', end: '09:30' },
      ],
    };
    expect(isWithinSchedule(mixed, cst('2025-10-09T09:00:00'), EMPTY_CALENDAR)).toBe(true);
  });

  it('lists every problem, in Chinese, before an admin can save it', () => {
    const bad = {
      id: 'bad',
      timeZone: 'Mars/Olympus',
      dayKinds: ['WORKDAY', 'PAYDAY'],
      makeUpWorkdayAs: 8,
      intervals: [
        { weekday: 0, start: '08:00', end: '09:00' },
        { weekday: 1, start: '8:00', end: '09:00' },
        { weekday: 2, start: '09:00', end: '09:00' },
      ],
    } as unknown as WeeklySchedule;
    expect(checkSchedule(bad)).toEqual([
      '未知时区：Mars/Olympus',
      '星期应为 1–7：0',
      '时间格式应为 HH:MM：8:00–09:00',
      '开始与结束相同，含义不明：09:00–09:00',
      '未知日期类型：PAYDAY',
      '调休上班日参照星期应为 1–7：8',
    ]);
    expect(checkSchedule(office)).toEqual([]);
  });
});
