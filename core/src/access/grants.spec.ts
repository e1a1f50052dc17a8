import { describe, expect, it } from 'vitest';
import type { HolidayCalendar } from '../time/calendar.js';
import type { WeeklySchedule } from '../time/schedule.js';
import { AREAS, at, EMPLOYEE, entry, grant, NOW, OFFICE_HOURS, siteWith } from './access.fixtures.js';
import type { Person } from './access.types.js';
import { presenceOrAssumed } from './area-tree.js';
import { decide } from './decide.js';

const reason = (d: ReturnType<typeof decide>) => (d.allow ? 'ALLOW' : d.reason);

describe('grant inheritance', () => {
  it('lets a production grant open the boiler house inside it', () => {
    expect(decide(entry('boiler', { grants: [grant('production')] }))).toMatchObject({
      allow: true,
      grantId: 'g-production',
    });
  });

  it('does not let a production grant into the control room, a key area', () => {
    expect(reason(decide(entry('control', { grants: [grant('production')] })))).toBe('NO_GRANT');
  });

  it('does not let a whole-plant grant reach the engineering station inside the control room', () => {
    expect(reason(decide(entry('eng', { grants: [grant('plant')] })))).toBe('NO_GRANT');
  });

  it('lets a control-room grant open the engineering station inside it', () => {
    expect(decide(entry('eng', { grants: [grant('control')] })).allow).toBe(true);
  });

  it('does not let a grant on a child area open its parent', () => {
    expect(reason(decide(entry('production', { grants: [grant('boiler')] })))).toBe('NO_GRANT');
  });

  it('tells a visitor without an approved visit so, rather than "no grant"', () => {
    const visitor: Person = { id: 'v-1', status: 'ACTIVE', type: 'VISITOR' };
    expect(reason(decide(entry('office', { person: visitor, grants: [] })))).toBe('VISIT_NOT_APPROVED');
  });
});

describe('post defaults (岗位默认权限)', () => {
  const post = (areaId: string) => grant(areaId, { source: 'POST' });

  it('opens ordinary areas', () => {
    expect(decide(entry('boiler', { grants: [post('production')] })).allow).toBe(true);
  });

  it('never opens a key area that has not been marked to take them', () => {
    expect(reason(decide(entry('control', { grants: [post('control')] })))).toBe('NO_GRANT');
  });

  it('does not open a room inside a key area that refuses them', () => {
    expect(reason(decide(entry('eng', { grants: [post('control')] })))).toBe('NO_GRANT');
  });

  it('opens a key area marked to take them, such as this switch room', () => {
    const electrician = { ...EMPLOYEE, qualifications: { ELECTRICIAN: null } };
    expect(decide(entry('switch', { person: electrician, grants: [post('switch')] })).allow).toBe(true);
  });

  it('opens the control room with an approved temporary grant where a post default cannot', () => {
    const temporary = grant('control', {
      source: 'TEMPORARY',
      validFrom: NOW - 3_600_000,
      validUntil: NOW + 3_600_000,
    });
    expect(decide(entry('control', { grants: [post('control'), temporary] })).allow).toBe(true);
  });
});

describe('grant windows, checked at the moment of the scan', () => {
  const window = { validFrom: at('2025-10-09T08:00:00+08:00'), validUntil: at('2025-10-09T12:00:00+08:00') };
  const temporary = grant('control', { source: 'TEMPORARY', ...window });

  it('opens a key-area door until its window closes', () => {
    expect(decide(entry('control', { grants: [temporary], at: window.validUntil - 1 })).allow).toBe(true);
  });

  it('refuses a contractor whose grant window ended a second ago', () => {
    const d = decide(entry('control', { grants: [temporary], at: window.validUntil + 1000 }));
    expect(d).toMatchObject({ allow: false, reason: 'GRANT_EXPIRED', detail: 'g-control' });
  });

  it('refuses at the very millisecond the window ends', () => {
    expect(reason(decide(entry('control', { grants: [temporary], at: window.validUntil })))).toBe(
      'GRANT_EXPIRED',
    );
  });

  it('refuses a grant that starts in a minute as not yet valid', () => {
    expect(reason(decide(entry('control', { grants: [temporary], at: window.validFrom - 60_000 })))).toBe(
      'GRANT_NOT_YET_VALID',
    );
  });

  it('prefers "not yet valid" over "expired" when yesterday’s permit ended and tomorrow’s has not begun', () => {
    const yesterday = grant('control', { id: 'old', validUntil: NOW - 86_400_000 });
    const tomorrow = grant('control', { id: 'next', validFrom: NOW + 86_400_000 });
    expect(decide(entry('control', { grants: [yesterday, tomorrow] }))).toMatchObject({
      reason: 'GRANT_NOT_YET_VALID',
      detail: 'next',
    });
  });

  it('lets one valid grant win over an expired one for the same area', () => {
    const expired = grant('production', { id: 'old', validUntil: NOW - 1 });
    expect(decide(entry('boiler', { grants: [expired, grant('boiler')] }))).toMatchObject({
      allow: true,
      grantId: 'g-boiler',
    });
  });

  it('ignores a revoked grant, and one revoked for later still holds now', () => {
    expect(reason(decide(entry('boiler', { grants: [grant('boiler', { revokedAt: NOW - 1 })] })))).toBe(
      'NO_GRANT',
    );
    expect(decide(entry('boiler', { grants: [grant('boiler', { revokedAt: NOW + 1 })] })).allow).toBe(true);
  });
});

describe('grants with a schedule', () => {
  const NATIONAL_DAY: HolidayCalendar = {
    holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'],
    workdays: ['2025-09-28', '2025-10-11'],
  };
  const office = grant('office', { scheduleId: OFFICE_HOURS.id });
  const site = siteWith(AREAS, [OFFICE_HOURS], NATIONAL_DAY);
  const scan = (iso: string, grants = [office]) =>
    reason(decide(entry('office', { grants, site, at: at(iso) })));

  it('opens the office at 07:30 on a weekday and not at 07:29', () => {
    expect(scan('2025-10-09T07:30:00+08:00')).toBe('ALLOW');
    expect(scan('2025-10-09T07:29:59+08:00')).toBe('OUTSIDE_SCHEDULE');
  });

  it('keeps the office shut on a National Day holiday that falls on a Wednesday', () => {
    expect(scan('2025-10-01T09:00:00+08:00')).toBe('HOLIDAY');
  });

  it('opens the office on the make-up Saturday (调休上班)', () => {
    expect(scan('2025-10-11T09:00:00+08:00')).toBe('ALLOW');
  });

  it('answers "holiday" over "outside schedule" when one grant is shut for each', () => {
    const night: WeeklySchedule = { id: 'night', intervals: [{ weekday: 3, start: '20:00', end: '23:00' }] };
    const both = siteWith(AREAS, [OFFICE_HOURS, night], NATIONAL_DAY);
    const grants = [grant('office', { id: 'n', scheduleId: 'night' }), office];
    expect(reason(decide(entry('office', { grants, site: both, at: at('2025-10-01T09:00:00+08:00') })))).toBe(
      'HOLIDAY',
    );
  });

  it('fails closed when the grant names a schedule the cache does not have', () => {
    expect(scan('2025-10-09T09:00:00+08:00', [grant('office', { scheduleId: 'gone' })])).toBe(
      'OUTSIDE_SCHEDULE',
    );
  });
});

describe('presence nobody recorded', () => {
  it('is taken to be where the passage starts, in either direction, and a record always wins', () => {
    const point = { fromAreaId: 'site', toAreaId: 'prod' };
    expect(presenceOrAssumed(undefined, point, 'IN')).toBe('site');
    expect(presenceOrAssumed(undefined, point, 'OUT')).toBe('prod');
    expect(presenceOrAssumed('ccr', point, 'IN')).toBe('ccr');
    expect(presenceOrAssumed(null, point, 'IN')).toBeNull();
  });
});
