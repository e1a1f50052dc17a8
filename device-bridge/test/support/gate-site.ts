// A small power plant as the API's gateSnapshot would hand it to the bridge:
//   东港电厂厂区 (PUBLIC)
//   ├─ 办公楼 (OFFICE, office hours)
//   └─ 生产区 (PRODUCTION, anti-passback HARD, max 800)
//      ├─ 集控室 (KEY, HARD, max 6, approved temporary grants only)
//      └─ 油库 (KEY, two-person rule 30 s, HAZCHEM certificate, max 4)
// Lanes 1 and 2 are turnstiles from the plant road into production; the rota schedule is 24/7 so the
// scenarios do not depend on the hour the tests run.
import { randomUUID } from 'node:crypto';
import {
  type Area,
  type AreaPolicy,
  type GateCache,
  type GateCard,
  type GatePerson,
  generatePassKey,
  type PassagePoint,
  type PassSigner,
  type SecurityLevel,
  type WeeklySchedule,
} from '@park/core';
import type { DeviceConfig } from '../../src/index.js';

const area = (
  id: string,
  parentId: string | null,
  level: SecurityLevel,
  policy: Partial<AreaPolicy> = {},
): Area => ({
  id,
  parentId,
  securityLevel: level,
  policy: { antiPassback: 'OFF', requiredQualifications: [], ...policy },
});

export const AREA = {
  plant: randomUUID(),
  office: randomUUID(),
  production: randomUUID(),
  control: randomUUID(),
  oil: randomUUID(),
};
export const POINT = { lane1: randomUUID(), lane2: randomUUID(), control: randomUUID(), oil: randomUUID() };

const ROTA: WeeklySchedule = {
  id: 'rota-24x7',
  timeZone: 'Asia/Shanghai',
  dayKinds: ['WORKDAY', 'WEEKEND', 'HOLIDAY'],
  intervals: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
};
const OFFICE_HOURS: WeeklySchedule = {
  id: 'office-hours',
  dayKinds: ['WORKDAY'],
  intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '07:30', end: '18:00' })),
};

const lane = (id: string): PassagePoint => ({
  id,
  kind: 'TURNSTILE',
  fromAreaId: AREA.plant,
  toAreaId: AREA.production,
  failMode: 'SAFE',
});

const person = (name: string, grants: GatePerson['grants'], extra: Partial<GatePerson> = {}): GatePerson => ({
  id: randomUUID(),
  name,
  status: 'ACTIVE',
  type: 'EMPLOYEE',
  grants,
  ...extra,
});

export interface GateSite {
  cache: GateCache;
  signer: PassSigner;
  people: Record<'wang' | 'li' | 'zhang' | 'zhao', GatePerson>;
  cards: { wang: string; zhangLost: string; zhangNew: string; unknownHolder: string };
}

export async function buildGateSite(): Promise<GateSite> {
  const now = Date.now();
  const { signer, publicJwk } = await generatePassKey(`pass-${randomUUID().slice(0, 8)}`);
  const production = (id: string) => ({
    id,
    areaId: AREA.production,
    source: 'POST' as const,
    scheduleId: ROTA.id,
  });
  const people = {
    wang: person('王建国', [production(randomUUID())]),
    li: person('李明', [
      { id: randomUUID(), areaId: AREA.office, source: 'POST', scheduleId: OFFICE_HOURS.id },
    ]),
    zhang: person('张伟', [production(randomUUID())]),
    zhao: person('赵强', [
      production(randomUUID()),
      {
        id: randomUUID(),
        areaId: AREA.control,
        source: 'TEMPORARY',
        validFrom: now - 3_600_000,
        validUntil: now + 8 * 3_600_000,
      },
    ]),
  };
  const cards: GateCard[] = [
    { number: 'A1B2C3D4', status: 'ACTIVE', personId: people.wang.id },
    { number: '0099AA01', status: 'LOST', personId: people.zhang.id },
    { number: '0099AA02', status: 'ACTIVE', personId: people.zhang.id },
    { number: '77EE0001', status: 'RETURNED', personId: people.li.id },
    { number: 'DEADBEEF', status: 'ACTIVE', personId: randomUUID() },
  ];
  const cache: GateCache = {
    version: 1,
    cursor: '1024',
    generatedAt: now,
    areas: [
      area(AREA.plant, null, 'PUBLIC'),
      area(AREA.office, AREA.plant, 'OFFICE'),
      area(AREA.production, AREA.plant, 'PRODUCTION', { antiPassback: 'HARD', maxOccupancy: 800 }),
      area(AREA.control, AREA.production, 'KEY', {
        antiPassback: 'HARD',
        maxOccupancy: 6,
        postDefaultsApply: false,
      }),
      area(AREA.oil, AREA.production, 'KEY', {
        twoPersonRule: { withinSeconds: 30 },
        requiredQualifications: ['HAZCHEM'],
        maxOccupancy: 4,
      }),
    ],
    points: [
      lane(POINT.lane1),
      lane(POINT.lane2),
      {
        id: POINT.control,
        kind: 'DOOR',
        fromAreaId: AREA.production,
        toAreaId: AREA.control,
        failMode: 'SECURE',
      },
      { id: POINT.oil, kind: 'DOOR', fromAreaId: AREA.production, toAreaId: AREA.oil, failMode: 'SECURE' },
    ],
    schedules: [ROTA, OFFICE_HOURS],
    calendar: {
      holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-05'],
      workdays: ['2026-09-27'],
    },
    people: Object.values(people),
    cards,
    passJwks: { keys: [publicJwk] },
  };
  return {
    cache,
    signer,
    people,
    cards: { wang: 'A1B2C3D4', zhangLost: '0099AA01', zhangNew: '0099AA02', unknownHolder: 'DEADBEEF' },
  };
}

const device = (
  id: string,
  kind: DeviceConfig['kind'],
  point: string,
  direction: 'IN' | 'OUT',
): DeviceConfig => ({
  id,
  kind,
  passagePointId: point,
  direction,
  driver: 'generic-json',
  pulseMs: kind === 'door' ? 5_000 : undefined,
  floors: undefined,
});

/** The registry the scenarios run with: two entry lanes, the way out through lane 1, the control-room door. */
export const DEVICES: DeviceConfig[] = [
  device('lane-1', 'turnstile', POINT.lane1, 'IN'),
  device('lane-2', 'turnstile', POINT.lane2, 'IN'),
  device('lane-1-out', 'turnstile', POINT.lane1, 'OUT'),
  device('door-control', 'door', POINT.control, 'IN'),
];
