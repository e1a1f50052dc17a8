import { describe, expect, it } from 'vitest';
import {
  formatEpochDay,
  isValidTimeZone,
  localTime,
  parseLocalDate,
  weekdayOfEpochDay,
} from './local-time.js';

const utc = (iso: string) => Date.parse(iso);
const wall = (instant: number, zone: string) => {
  const t = localTime(instant, zone);
  const hh = String(Math.floor(t.minute / 60)).padStart(2, '0');
  const mm = String(t.minute % 60).padStart(2, '0');
  return `${formatEpochDay(t.epochDay)} ${hh}:${mm} w${t.weekday}`;
};

describe('local time in a zone', () => {
  it('reads Shanghai as UTC+8 all year, defaulting to it', () => {
    expect(wall(utc('2025-01-15T01:00:00Z'), 'Asia/Shanghai')).toBe('2025-01-15 09:00 w3');
    expect(wall(utc('2025-07-15T01:00:00Z'), 'Asia/Shanghai')).toBe('2025-07-15 09:00 w2');
    expect(localTime(utc('2025-07-15T01:00:00Z'))).toEqual(
      localTime(utc('2025-07-15T01:00:00Z'), 'Asia/Shanghai'),
    );
  });

  it('reads Berlin as UTC+1 in winter and UTC+2 in summer', () => {
    expect(wall(utc('2025-01-15T05:45:00Z'), 'Europe/Berlin')).toBe('2025-01-15 06:45 w3');
    expect(wall(utc('2025-07-15T05:45:00Z'), 'Europe/Berlin')).toBe('2025-07-15 07:45 w2');
  });

  it('jumps from 01:59 to 03:00 at the exact instant Berlin springs forward', () => {
    expect(wall(utc('2025-03-30T00:59:59Z'), 'Europe/Berlin')).toBe('2025-03-30 01:59 w7');
    expect(wall(utc('2025-03-30T01:00:00Z'), 'Europe/Berlin')).toBe('2025-03-30 03:00 w7');
  });

  it('shows 02:30 twice when Berlin falls back', () => {
    expect(wall(utc('2025-10-26T00:30:00Z'), 'Europe/Berlin')).toBe('2025-10-26 02:30 w7');
    expect(wall(utc('2025-10-26T01:30:00Z'), 'Europe/Berlin')).toBe('2025-10-26 02:30 w7');
  });

  it('handles a half-hour shift in the middle of a UTC hour (Lord Howe Island)', () => {
    expect(wall(utc('2025-10-04T15:29:59Z'), 'Australia/Lord_Howe')).toBe('2025-10-05 01:59 w7');
    expect(wall(utc('2025-10-04T15:30:00Z'), 'Australia/Lord_Howe')).toBe('2025-10-05 02:30 w7');
  });

  it('agrees with Intl on thousands of instants across zones, cached or not', () => {
    const zones = [
      'Asia/Shanghai',
      'Europe/Berlin',
      'America/New_York',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
    ];
    const reference = zones.map(
      (timeZone) => new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }),
    );
    let seed = 7;
    for (let n = 0; n < 5000; n++) {
      seed = (seed * 48271) % 2147483647;
      const instant = utc('2024-01-01T00:00:00Z') + (seed % (2 * 366 * 86_400)) * 1000;
      const k = n % zones.length;
      expect(wall(instant, zones[k]).slice(0, 16)).toBe(reference[k].format(instant));
    }
  });
});

describe('local dates', () => {
  it('parses real dates and refuses impossible ones', () => {
    expect(parseLocalDate('2024-02-29')).toBe(utc('2024-02-29T00:00:00Z') / 86_400_000);
    expect(parseLocalDate('2025-02-29')).toBeNull();
    expect(parseLocalDate('2025-1-01')).toBeNull();
  });

  it('knows 1970-01-01 was a Thursday and 2025-10-11 a Saturday', () => {
    expect(weekdayOfEpochDay(0)).toBe(4);
    expect(weekdayOfEpochDay(parseLocalDate('2025-10-11')!)).toBe(6);
    expect(weekdayOfEpochDay(-1)).toBe(3);
  });

  it('tells a known zone from a made-up one', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Asia/Beijing')).toBe(false);
  });
});
