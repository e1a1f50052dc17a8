// A site as the bridge's decision cache holds it, for the gate bench: 厂区 ⊃ 生产区 ⊃ 集控室, one
// turnstile lane into the production area with hard anti-passback and an occupancy limit, and for
// every person the grants the API would sync: a post grant on a 24/7 rota schedule, plus an expired
// temporary grant to the control room, so the engine walks schedules and skips a dead grant.
import type { Area, Grant, PassagePoint, Person, SiteData, WeeklySchedule } from '@park/core';

export const PLANT = 'area-plant';
export const PRODUCTION = 'area-production';
const CONTROL_ROOM = 'area-control-room';

const policy = (antiPassback: Area['policy']['antiPassback'], maxOccupancy: number | null = null) => ({
  antiPassback,
  maxOccupancy,
  requiredQualifications: [],
});

const ROTA: WeeklySchedule = {
  id: 'schedule-rota',
  intervals: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
};

export const SITE: SiteData = {
  areas: new Map<string, Area>([
    [PLANT, { id: PLANT, parentId: null, securityLevel: 'PUBLIC', policy: policy('OFF') }],
    [
      PRODUCTION,
      { id: PRODUCTION, parentId: PLANT, securityLevel: 'PRODUCTION', policy: policy('HARD', 50_000) },
    ],
    [
      CONTROL_ROOM,
      { id: CONTROL_ROOM, parentId: PRODUCTION, securityLevel: 'KEY', policy: policy('HARD', 20) },
    ],
  ]),
  schedules: new Map([[ROTA.id, ROTA]]),
  calendar: { holidays: ['2026-10-01', '2026-10-02', '2026-10-03'], workdays: ['2026-09-28'] },
};

export const LANE: PassagePoint = {
  id: 'turnstile-production-1',
  kind: 'TURNSTILE',
  fromAreaId: PLANT,
  toAreaId: PRODUCTION,
  failMode: 'SAFE',
};

export interface CachedPerson {
  person: Person;
  grants: Grant[];
  /** Innermost area the person is in now, as the bridge's presence table has it. */
  presence: string | null;
}

export function cachedPeople(ids: string[]): Map<string, CachedPerson> {
  return new Map(
    ids.map((id, i) => [
      id,
      {
        person: { id, status: 'ACTIVE', type: 'EMPLOYEE' },
        grants: [
          { id: `g-tmp-${i}`, areaId: CONTROL_ROOM, source: 'TEMPORARY', validUntil: Date.UTC(2025, 0, 1) },
          { id: `g-post-${i}`, areaId: PRODUCTION, source: 'POST', scheduleId: ROTA.id },
        ],
        presence: PLANT,
      },
    ]),
  );
}
