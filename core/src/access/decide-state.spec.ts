import { describe, expect, it } from 'vitest';
import { EMPLOYEE, entry, grant, NOW, OFFICE_HOURS, point } from './access.fixtures.js';
import type { DecisionInput, PendingScan } from './access.types.js';
import { decide } from './decide.js';

const reason = (input: DecisionInput) => {
  const d = decide(input);
  return d.allow ? 'ALLOW' : d.reason;
};

describe('anti-passback', () => {
  const into = (presenceAreaId: string | null, antiPassback: 'HARD' | 'SOFT') => {
    const input = entry('production', { grants: [grant('production')], state: { presenceAreaId } });
    const area = input.site.areas.get('production')!;
    const areas = new Map(input.site.areas).set('production', {
      ...area,
      policy: { ...area.policy, antiPassback },
    });
    return { ...input, site: { ...input.site, areas } };
  };

  it('refuses entry to the production area for someone already inside it under HARD', () => {
    expect(reason(into('production', 'HARD'))).toBe('ANTI_PASSBACK');
  });

  it('counts someone in the boiler house as inside the production area', () => {
    expect(reason(into('boiler', 'HARD'))).toBe('ANTI_PASSBACK');
  });

  it('lets the same passage through under SOFT, flagged for the log, as the bridge does offline', () => {
    expect(decide(into('production', 'SOFT'))).toMatchObject({ allow: true, antiPassbackViolation: true });
  });

  it('refuses leaving an area the person was never recorded entering under HARD', () => {
    const out = { ...into('plant', 'HARD'), direction: 'OUT' as const };
    expect(reason(out)).toBe('ANTI_PASSBACK');
  });

  it('lets an ordinary entry and exit through without a flag', () => {
    expect(decide(into('plant', 'HARD'))).toMatchObject({ allow: true, antiPassbackViolation: false });
    const out = { ...into('production', 'HARD'), direction: 'OUT' as const };
    expect(decide(out)).toMatchObject({ allow: true, antiPassbackViolation: false, presenceAfter: 'plant' });
  });
});

describe('occupancy', () => {
  const control = (count: number) =>
    entry('control', { state: { presenceAreaId: 'production', occupancy: new Map([['control', count]]) } });

  it('refuses a fourth person into the control room limited to three', () => {
    expect(decide(control(3))).toMatchObject({ allow: false, reason: 'AREA_FULL', detail: '3/3' });
  });

  it('admits the third', () => {
    expect(reason(control(2))).toBe('ALLOW');
  });

  it('lets anyone leave a full room', () => {
    expect(
      reason({ ...control(3), direction: 'OUT', state: { ...control(3).state, presenceAreaId: 'control' } }),
    ).toBe('ALLOW');
  });
});

describe('two-person rule at the oil depot', () => {
  const hazchem: Record<string, number | null> = { HAZCHEM: null };
  const zhang = { ...EMPLOYEE, qualifications: hazchem };
  const li = { ...EMPLOYEE, id: 'p-li', qualifications: hazchem };
  const held: PendingScan = { scanId: 'scan-1', personId: 'p-wang', at: NOW };
  const scan = (person = zhang, pendingScans: PendingScan[] = [], at = NOW, occupancy = 0) =>
    decide(
      entry('oil', {
        person,
        at,
        state: { presenceAreaId: 'production', pendingScans, occupancy: new Map([['oil', occupancy]]) },
      }),
    );

  it('holds the first authorised scan and asks for a second person', () => {
    expect(scan()).toMatchObject({ allow: false, reason: 'SECOND_PERSON_REQUIRED' });
  });

  it('opens for both when a second authorised person scans within 30 seconds', () => {
    expect(scan(li, [held], NOW + 29_000)).toMatchObject({ allow: true, releasedScan: held });
  });

  it('does not count the same person scanning twice', () => {
    expect(scan(zhang, [held], NOW + 5_000)).toMatchObject({ reason: 'SECOND_PERSON_REQUIRED' });
  });

  it('lets a held scan lapse after 30 seconds', () => {
    expect(scan(li, [held], NOW + 30_001)).toMatchObject({ reason: 'SECOND_PERSON_REQUIRED' });
  });

  it('releases the oldest of several held scans', () => {
    const older = { scanId: 'scan-0', personId: 'p-zhao', at: NOW - 10_000 };
    expect(scan(li, [held, older], NOW + 1_000)).toMatchObject({ releasedScan: older });
  });

  it('never holds a scan that would be refused anyway', () => {
    expect(scan({ ...li, qualifications: {} })).toMatchObject({ reason: 'TRAINING_MISSING' });
  });

  it('refuses the pair when only one of them would still fit', () => {
    expect(scan(li, [held], NOW + 1_000, 3)).toMatchObject({ reason: 'AREA_FULL' });
  });
});

describe('interlock (mantrap)', () => {
  const inner = point('control', { id: 'inner', interlockGroupId: 'trap-1' });
  const open = (...ids: string[]) => ({ openInterlock: new Map([['trap-1', new Set(ids)]]) });

  it('keeps the inner door shut while the outer door of its group is open', () => {
    expect(decide(entry('control', { point: inner, state: open('outer') }))).toMatchObject({
      reason: 'INTERLOCK_BUSY',
      detail: 'outer',
    });
  });

  it('opens when the only open door of the group is this one', () => {
    expect(reason(entry('control', { point: inner, state: open('inner') }))).toBe('ALLOW');
  });

  it('applies on the way out as well', () => {
    const out = entry('control', {
      point: inner,
      direction: 'OUT',
      state: { presenceAreaId: 'control', ...open('outer') },
    });
    expect(reason(out)).toBe('INTERLOCK_BUSY');
  });
});

describe('first-card normal-open (首卡常开)', () => {
  const lobby = point('office', { firstCardNormalOpen: true, normalOpenScheduleId: OFFICE_HOURS.id });
  const office = (at: number) => decide(entry('office', { point: lobby, at }));

  it('puts the lobby door into normal-open on an authorised entry during office hours', () => {
    expect(office(NOW)).toMatchObject({ allow: true, startNormalOpen: true });
  });

  it('does not hold it open for an entry outside office hours', () => {
    expect(office(NOW + 12 * 3_600_000)).toMatchObject({ allow: true, startNormalOpen: false });
  });

  it('never holds a mantrap door open', () => {
    const trap = point('office', { firstCardNormalOpen: true, interlockGroupId: 'trap-1' });
    expect(decide(entry('office', { point: trap }))).toMatchObject({ startNormalOpen: false });
  });
});
