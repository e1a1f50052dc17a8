import { describe, expect, it } from 'vitest';
import type { WeeklySchedule } from '../time/schedule.js';
import { EMPLOYEE, grant, NOW, siteWith } from './access.fixtures.js';
import { type Area, floorMask } from './index.js';

// An office tower: the lobby (floor 1), offices on 2–3, the dispatch centre on 40 (a key area).
const floorArea = (
  id: string,
  parentId: string | null,
  securityLevel: Area['securityLevel'] = 'OFFICE',
): Area => ({
  id,
  parentId,
  securityLevel,
  policy: { antiPassback: 'OFF', requiredQualifications: [] },
});
const tower: Area[] = [
  floorArea('tower', null),
  floorArea('f1', 'tower'),
  floorArea('f2', 'tower'),
  floorArea('f3', 'tower'),
  floorArea('f40', 'tower', 'KEY'),
];
const floors = new Map([
  [1, 'f1'],
  [2, 'f2'],
  [3, 'f3'],
  [40, 'f40'],
]);
const nights: WeeklySchedule = { id: 'nights', intervals: [{ weekday: 4, start: '20:00', end: '06:00' }] };
const site = siteWith(tower, [nights]);

describe('elevator floor mask', () => {
  it('opens every ordinary floor to a tower-wide grant but not the key-area floor', () => {
    const m = floorMask({ at: NOW, person: EMPLOYEE, grants: [grant('tower')], site, floors });
    expect(m).toEqual({ floors: [1, 2, 3], mask: 0b1110n });
  });

  it('adds floor 40 for someone with a dispatch-centre grant, beyond 32 bits', () => {
    const m = floorMask({ at: NOW, person: EMPLOYEE, grants: [grant('f1'), grant('f40')], site, floors });
    expect(m.floors).toEqual([1, 40]);
    expect(m.mask).toBe((1n << 40n) | 2n);
  });

  it('leaves out a floor whose grant is outside its schedule right now', () => {
    const m = floorMask({
      at: NOW,
      person: EMPLOYEE,
      grants: [grant('f1'), grant('f2', { scheduleId: 'nights' })],
      site,
      floors,
    });
    expect(m.floors).toEqual([1]);
  });

  it('gives an inactive person no floors at all', () => {
    const m = floorMask({
      at: NOW,
      person: { ...EMPLOYEE, status: 'INACTIVE' },
      grants: [grant('tower')],
      site,
      floors,
    });
    expect(m).toEqual({ floors: [], mask: 0n });
  });

  it('leaves a negative or fractional floor number locked instead of failing', () => {
    const odd = new Map([
      [-1, 'f1'],
      [2.5, 'f2'],
      [3, 'f3'],
    ]);
    expect(
      floorMask({ at: NOW, person: EMPLOYEE, grants: [grant('tower')], site, floors: odd }).floors,
    ).toEqual([3]);
  });
});
