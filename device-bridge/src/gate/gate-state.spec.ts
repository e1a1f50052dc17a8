import type { Area, PassagePoint } from '@park/core';
import { describe, expect, it } from 'vitest';
import { GateState } from './gate-state.js';

const area = (id: string, parentId: string | null): Area => ({
  id,
  parentId,
  securityLevel: 'PRODUCTION',
  policy: { antiPassback: 'HARD', requiredQualifications: [] },
});
const AREAS = new Map(
  [area('plant', null), area('production', 'plant'), area('control', 'production')].map((a) => [a.id, a]),
);
const point = (id: string, from: string, to: string, group?: string): PassagePoint => ({
  id,
  kind: 'DOOR',
  fromAreaId: from,
  toAreaId: to,
  failMode: 'SECURE',
  interlockGroupId: group ?? null,
});
const LANE = point('lane', 'plant', 'production');
const MANTRAP_A = point('door-a', 'production', 'control', 'mantrap');
const MANTRAP_B = point('door-b', 'production', 'control', 'mantrap');
const POINTS = new Map([LANE, MANTRAP_A, MANTRAP_B].map((p) => [p.id, p]));

function site(state = new GateState()): GateState {
  state.useSite(AREAS, POINTS);
  return state;
}

describe('the gate state', () => {
  it('counts a person in their area and in every area around it', () => {
    const state = site();
    state.moved('wang', 'control');
    state.moved('li', 'production');
    expect([
      state.occupancyOf('control'),
      state.occupancyOf('production'),
      state.occupancyOf('plant'),
    ]).toEqual([1, 2, 2]);

    state.moved('wang', 'plant');
    expect([
      state.occupancyOf('control'),
      state.occupancyOf('production'),
      state.occupancyOf('plant'),
    ]).toEqual([0, 1, 2]);
  });

  it('assumes a person it knows nothing about is where the passage starts', () => {
    const state = site();
    expect(state.decisionState('stranger', LANE, 'IN').presenceAreaId).toBe('plant');
    expect(state.decisionState('stranger', LANE, 'OUT').presenceAreaId).toBe('production');
    state.moved('stranger', null);
    expect(state.decisionState('stranger', LANE, 'OUT').presenceAreaId).toBeNull();
  });

  it('never counts an area below zero when someone it never saw enter leaves', () => {
    const state = site();
    state.moved('wang', null);
    state.moved('wang', 'production');
    state.moved('wang', 'plant');
    expect(state.occupancyOf('production')).toBe(0);
  });

  it('marks an interlock group busy while one of its doors stands open', () => {
    const state = site();
    expect(state.doorChanged('door-a', true)).toBe(true);
    expect(state.doorChanged('door-a', true)).toBe(false);
    expect(state.decisionState('wang', MANTRAP_B, 'IN').openInterlock.get('mantrap')).toEqual(
      new Set(['door-a']),
    );

    state.doorChanged('door-a', false);
    expect(state.decisionState('wang', MANTRAP_B, 'IN').openInterlock.get('mantrap')).toBeUndefined();
  });

  it('holds two-person scans per passage point and releases each once', () => {
    const state = site();
    state.hold('door-a', { scanId: 'dev:1', personId: 'wang', at: 1_000 });
    expect(state.decisionState('li', MANTRAP_A, 'IN').pendingScans).toHaveLength(1);
    expect(state.decisionState('li', MANTRAP_B, 'IN').pendingScans).toHaveLength(0);
    state.release('door-a', 'dev:1');
    expect(state.decisionState('li', MANTRAP_A, 'IN').pendingScans).toHaveLength(0);
  });

  it('comes back from its JSON with presence, occupancy, held scans and open doors', () => {
    const state = site();
    state.moved('wang', 'control');
    state.hold('door-a', { scanId: 'dev:1', personId: 'li', at: 1_000 });
    state.doorChanged('door-b', true);

    const restored = site(GateState.fromData(JSON.parse(JSON.stringify(state.toData()))));

    expect(restored.presenceOf('wang')).toBe('control');
    expect(restored.occupancyOf('production')).toBe(1);
    expect(restored.decisionState('zhao', MANTRAP_A, 'IN')).toMatchObject({
      pendingScans: [{ scanId: 'dev:1', personId: 'li', at: 1_000 }],
      openInterlock: new Map([['mantrap', new Set(['door-b'])]]),
    });
  });

  it('tells its file about every change', () => {
    const state = site();
    let changes = 0;
    state.onChange = () => changes++;
    state.moved('wang', 'production');
    state.doorChanged('door-a', true);
    state.hold('door-a', { scanId: 'x', personId: 'wang', at: 0 });
    expect(changes).toBe(3);
  });
});
