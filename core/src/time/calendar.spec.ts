import { describe, expect, it } from 'vitest';
import { checkHolidayCalendar, dayKind, EMPTY_CALENDAR, type HolidayCalendar } from './calendar.js';

// Sample admin data in the shape of a State Council notice (国庆节、中秋节 2025); tests only.
const AUTUMN: HolidayCalendar = {
  holidays: [
    '2025-10-01',
    '2025-10-02',
    '2025-10-03',
    '2025-10-04',
    '2025-10-05',
    '2025-10-06',
    '2025-10-07',
    '2025-10-08',
  ],
  workdays: ['2025-09-28', '2025-10-11'],
};

describe('day kinds', () => {
  it('treats an ordinary Thursday as a workday and an ordinary Saturday as weekend', () => {
    expect(dayKind(AUTUMN, '2025-10-09')).toBe('WORKDAY');
    expect(dayKind(AUTUMN, '2025-10-18')).toBe('WEEKEND');
  });

  it('counts a make-up Saturday and a make-up Sunday (调休上班) as workdays', () => {
    expect(dayKind(AUTUMN, '2025-10-11')).toBe('WORKDAY');
    expect(dayKind(AUTUMN, '2025-09-28')).toBe('WORKDAY');
  });

  it('counts a holiday on a Wednesday and one on a Saturday as holidays', () => {
    expect(dayKind(AUTUMN, '2025-10-01')).toBe('HOLIDAY');
    expect(dayKind(AUTUMN, '2025-10-04')).toBe('HOLIDAY');
  });

  it('knows nothing about any year until an admin enters it', () => {
    expect(dayKind(EMPTY_CALENDAR, '2025-10-01')).toBe('WORKDAY');
  });

  it('lets a holiday win when a date is listed as both', () => {
    expect(dayKind({ holidays: ['2025-10-11'], workdays: ['2025-10-11'] }, '2025-10-11')).toBe('HOLIDAY');
  });

  it('throws on a malformed date asked about directly', () => {
    expect(() => dayKind(AUTUMN, '2025/10/01')).toThrow(RangeError);
  });
});

describe('checking a calendar before it is saved', () => {
  it('accepts a well-formed notice', () => {
    expect(checkHolidayCalendar(AUTUMN)).toEqual([]);
  });

  it('reports bad dates, conflicts and make-up days that are not weekends, in Chinese', () => {
    const problems = checkHolidayCalendar({
      holidays: ['2025-10-32', '2025-10-11'],
      workdays: ['2025-10-11', '2025-10-09'],
    });
    expect(problems).toEqual([
      '节假日日期格式错误：2025-10-32（应为 YYYY-MM-DD）',
      '2025-10-11 不能既是节假日又是调休上班日',
      '2025-10-09 不是周末，无需登记为调休上班日',
    ]);
  });
});
