import { describe, expect, it } from 'vitest';
import { AREAS, EMPLOYEE, entry, grant, NOW, siteWith } from './access.fixtures.js';
import type { Area, DecisionInput, Person, RecentPassage } from './access.types.js';
import { decide } from './decide.js';
import { escortWindow } from './escort.js';

// The production area requires an escort within 20 s; the office does not.
const ESCORTED_SITE = siteWith(
  AREAS.map(
    (a): Area =>
      a.id === 'production' ? { ...a, policy: { ...a.policy, escort: { withinSeconds: 20 } } } : a,
  ),
);
const VISITOR: Person = { id: 'p-visitor', status: 'ACTIVE', type: 'VISITOR' };
const HOST = 'p-host';
const visitGrant = (areaId: string) => grant(areaId, { source: 'VISIT', escortIds: [HOST] });
const passed = (personId: string, secondsAgo: number, direction: 'IN' | 'OUT' = 'IN'): RecentPassage => ({
  personId,
  at: NOW - secondsAgo * 1000,
  direction,
});

const visitorInto = (areaId: string, recentPassages: RecentPassage[], over: Partial<DecisionInput> = {}) =>
  decide(
    entry(areaId, {
      person: VISITOR,
      credential: { kind: 'QR' },
      grants: [visitGrant(areaId)],
      site: ESCORTED_SITE,
      state: { recentPassages },
      ...over,
    }),
  );

describe('escort rule', () => {
  it('lets a visitor into the production area right behind their host', () => {
    expect(visitorInto('production', [passed(HOST, 5)])).toMatchObject({ allow: true });
  });

  it('refuses a visitor whose host has not just passed that door, with ESCORT_REQUIRED in Chinese', () => {
    expect(visitorInto('production', [])).toMatchObject({
      allow: false,
      reason: 'ESCORT_REQUIRED',
      message: '该区域须由被访人或其指定的陪同人陪同进入：请陪同人先刷卡通过',
    });
  });

  it('refuses when the host passed longer ago than the window allows', () => {
    expect(visitorInto('production', [passed(HOST, 21)])).toMatchObject({ reason: 'ESCORT_REQUIRED' });
    expect(visitorInto('production', [passed(HOST, 20)])).toMatchObject({ allow: true });
  });

  it('does not count somebody else, the host walking out, or a passage after the scan', () => {
    expect(visitorInto('production', [passed('p-stranger', 2)])).toMatchObject({ reason: 'ESCORT_REQUIRED' });
    expect(visitorInto('production', [passed(HOST, 2, 'OUT')])).toMatchObject({ reason: 'ESCORT_REQUIRED' });
    expect(visitorInto('production', [passed(HOST, -3)])).toMatchObject({ reason: 'ESCORT_REQUIRED' });
  });

  it('binds areas inside an escort-required area too', () => {
    const inner = visitorInto('boiler', [], { grants: [visitGrant('production')] });
    expect(inner).toMatchObject({ reason: 'ESCORT_REQUIRED' });
  });

  it('refuses a visitor grant that names no escort', () => {
    expect(
      visitorInto('production', [passed(HOST, 1)], { grants: [grant('production', { source: 'VISIT' })] }),
    ).toMatchObject({ reason: 'ESCORT_REQUIRED' });
  });

  it('leaves employees, exits and areas without the mark alone', () => {
    const employee = decide(
      entry('production', { person: EMPLOYEE, grants: [grant('production')], site: ESCORTED_SITE }),
    );
    expect(employee).toMatchObject({ allow: true });
    expect(visitorInto('office', [])).toMatchObject({ allow: true });
    const out = decide({
      ...entry('production', { person: VISITOR, grants: [], site: ESCORTED_SITE }),
      direction: 'OUT',
      state: { ...entry('production').state, presenceAreaId: 'production' },
    });
    expect(out).toMatchObject({ allow: true });
  });

  it('says about a grant before the escort: a visitor without a visit grant hears VISIT_NOT_APPROVED', () => {
    expect(visitorInto('production', [passed(HOST, 1)], { grants: [] })).toMatchObject({
      reason: 'VISIT_NOT_APPROVED',
    });
  });

  it('tells callers when they must supply recent passages', () => {
    const areas = ESCORTED_SITE.areas;
    expect(escortWindow(areas, 'boiler', VISITOR, 'IN')).toBe(20);
    expect(escortWindow(areas, 'office', VISITOR, 'IN')).toBeNull();
    expect(escortWindow(areas, 'production', VISITOR, 'OUT')).toBeNull();
    expect(escortWindow(areas, 'production', EMPLOYEE, 'IN')).toBeNull();
  });
});
