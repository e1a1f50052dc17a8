// A site as the API's gateSnapshot hands it to a bridge (GateCache), for the scan-to-unlock bench:
// 厂区 ⊃ 生产区 (hard anti-passback), `lanes` entry turnstiles into production, and `people`
// employees whose post opens production on a 24/7 rota, each with the pass key's public half.
import { randomUUID } from 'node:crypto';
import type { GateCache, GatePerson, Jwks, PassagePoint, WeeklySchedule } from '@park/core';

export interface BridgeSite {
  cache: GateCache;
  people: string[];
  /** The bridge's device registry: lane-1 … lane-N, entry turnstiles. */
  devices: { id: string; kind: 'turnstile'; passagePointId: string; direction: 'IN' }[];
}

const ROTA: WeeklySchedule = {
  id: 'rota-24x7',
  timeZone: 'Asia/Shanghai',
  dayKinds: ['WORKDAY', 'WEEKEND', 'HOLIDAY'],
  intervals: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
};

export function bridgeSite(opts: {
  people: number;
  lanes: number;
  passKey: Jwks['keys'][number];
}): BridgeSite {
  const plant = randomUUID();
  const production = randomUUID();
  const points: PassagePoint[] = Array.from({ length: opts.lanes }, () => ({
    id: randomUUID(),
    kind: 'TURNSTILE',
    fromAreaId: plant,
    toAreaId: production,
    failMode: 'SAFE',
  }));
  const people: GatePerson[] = Array.from({ length: opts.people }, (_, i) => ({
    id: randomUUID(),
    name: `职工${i}`,
    status: 'ACTIVE',
    type: 'EMPLOYEE',
    grants: [{ id: randomUUID(), areaId: production, source: 'POST', scheduleId: ROTA.id }],
  }));
  return {
    cache: {
      version: 1,
      cursor: '1',
      generatedAt: Date.now(),
      areas: [
        {
          id: plant,
          parentId: null,
          securityLevel: 'PUBLIC',
          policy: { antiPassback: 'OFF', requiredQualifications: [] },
        },
        {
          id: production,
          parentId: plant,
          securityLevel: 'PRODUCTION',
          policy: { antiPassback: 'HARD', requiredQualifications: [] },
        },
      ],
      points,
      schedules: [ROTA],
      calendar: { holidays: [], workdays: [] },
      people,
      cards: [],
      passJwks: { keys: [opts.passKey] },
    },
    people: people.map((p) => p.id),
    devices: points.map((p, i) => ({
      id: `lane-${i + 1}`,
      kind: 'turnstile',
      passagePointId: p.id,
      direction: 'IN',
    })),
  };
}
