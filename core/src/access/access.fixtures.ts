// A small power plant for the access specs:
//   plant 厂区 (PUBLIC)
//   ├─ office 办公楼 (OFFICE)
//   └─ production 生产区 (PRODUCTION, anti-passback HARD)
//      ├─ boiler 锅炉房 (PRODUCTION)
//      ├─ control 集控室 (KEY, max 3) └─ eng 工程师站 (OFFICE, inside the key area)
//      ├─ oil 油库 (KEY, two-person 30 s, HAZCHEM, max 4)
//      └─ switch 配电室 (KEY, marked to take post defaults, ELECTRICIAN)
import { EMPTY_CALENDAR, type HolidayCalendar } from '../time/calendar.js';
import type { WeeklySchedule } from '../time/schedule.js';
import type {
  Area,
  AreaPolicy,
  DecisionInput,
  DecisionState,
  Grant,
  PassagePoint,
  Person,
  SecurityLevel,
} from './access.types.js';

export const at = (iso: string): number => Date.parse(iso);
/** Thursday 2025-10-09, 09:00 in Shanghai: an ordinary working morning. */
export const NOW = at('2025-10-09T09:00:00+08:00');

function area(
  id: string,
  parentId: string | null,
  securityLevel: SecurityLevel,
  policy: Partial<AreaPolicy> = {},
): Area {
  return {
    id,
    parentId,
    securityLevel,
    policy: { antiPassback: 'OFF', requiredQualifications: [], ...policy },
  };
}

export const AREAS: Area[] = [
  area('plant', null, 'PUBLIC'),
  area('office', 'plant', 'OFFICE'),
  area('production', 'plant', 'PRODUCTION', { antiPassback: 'HARD' }),
  area('boiler', 'production', 'PRODUCTION'),
  area('control', 'production', 'KEY', { maxOccupancy: 3 }),
  area('eng', 'control', 'OFFICE'),
  area('oil', 'production', 'KEY', {
    twoPersonRule: { withinSeconds: 30 },
    requiredQualifications: ['HAZCHEM'],
    maxOccupancy: 4,
  }),
  area('switch', 'production', 'KEY', { postDefaultsApply: true, requiredQualifications: ['ELECTRICIAN'] }),
];

export const OFFICE_HOURS: WeeklySchedule = {
  id: 'office-hours',
  dayKinds: ['WORKDAY'],
  intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '07:30', end: '18:00' })),
};

export function siteWith(
  areas: Area[] = AREAS,
  schedules: WeeklySchedule[] = [OFFICE_HOURS],
  calendar: HolidayCalendar = EMPTY_CALENDAR,
) {
  return {
    areas: new Map(areas.map((a) => [a.id, a])),
    schedules: new Map(schedules.map((s) => [s.id, s])),
    calendar,
  };
}

export const SITE = siteWith();

export function point(toAreaId: string, extra: Partial<PassagePoint> = {}): PassagePoint {
  const fromAreaId = AREAS.find((a) => a.id === toAreaId)?.parentId ?? null;
  return { id: `door-${toAreaId}`, kind: 'DOOR', fromAreaId, toAreaId, failMode: 'SECURE', ...extra };
}

export const EMPLOYEE: Person = { id: 'p-wang', status: 'ACTIVE', type: 'EMPLOYEE' };

export function grant(areaId: string, extra: Partial<Grant> = {}): Grant {
  return { id: `g-${areaId}`, areaId, source: 'PERSONAL', ...extra };
}

export const EMPTY_STATE: DecisionState = {
  presenceAreaId: null,
  occupancy: new Map(),
  pendingScans: [],
  openInterlock: new Map(),
};

/** An entry into `toAreaId` by an employee with a card, overridable piece by piece. */
export type EntryOverrides = Partial<Omit<DecisionInput, 'state'>> & { state?: Partial<DecisionState> };

export function entry(toAreaId: string, over: EntryOverrides = {}): DecisionInput {
  return {
    at: NOW,
    person: EMPLOYEE,
    credential: { kind: 'CARD', status: 'ACTIVE' },
    point: point(toAreaId),
    direction: 'IN',
    grants: [grant(toAreaId)],
    site: SITE,
    ...over,
    state: {
      ...EMPTY_STATE,
      presenceAreaId: AREAS.find((a) => a.id === toAreaId)?.parentId ?? null,
      ...over.state,
    },
  };
}
