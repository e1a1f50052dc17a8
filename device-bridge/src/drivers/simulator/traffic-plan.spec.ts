import { type GateIndex, indexGateCache } from '@park/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AREA, buildGateSite, DEVICES, type GateSite, POINT } from '../../../test/support/gate-site.js';
import { type Random, seededRandom } from './random.js';
import {
  DEFAULT_MIX,
  nextDelayMs,
  planDoorCycle,
  planNext,
  type SimDevice,
  shiftFactor,
  type TrafficAction,
  type TrafficIntent,
  type TrafficMix,
  type TrafficWorld,
} from './traffic-plan.js';

/** Exactly these numbers, in order: for choices that depend on one draw. */
function scripted(...values: number[]): Random {
  return () => {
    const value = values.shift();
    if (value === undefined) throw new Error('the script ran out of random numbers');
    return value;
  };
}

const only = (intent: TrafficIntent): TrafficMix =>
  Object.fromEntries(Object.keys(DEFAULT_MIX).map((k) => [k, k === intent ? 1 : 0])) as TrafficMix;

const device = (id: string): SimDevice => DEVICES.find((d) => d.id === id)!;
// 2026-03-02 is a Monday; 02:00 UTC is 10:00 in Shanghai, between shift changes.
const MONDAY_10AM = Date.parse('2026-03-02T02:00:00Z');

describe('the simulated traffic plan', () => {
  let site: GateSite;
  let index: GateIndex;
  beforeAll(async () => {
    site = await buildGateSite();
    index = indexGateCache(site.cache);
  });

  function world(
    over: Partial<TrafficWorld> & { presence?: Record<string, string | null> } = {},
  ): TrafficWorld {
    const { presence = {}, ...rest } = over;
    return {
      index,
      devices: DEVICES,
      presenceOf: (personId) => presence[personId],
      openDoors: new Set(),
      now: MONDAY_10AM,
      ...rest,
    };
  }

  const plans = (w: TrafficWorld, count: number, mix?: TrafficMix, seed = 1): TrafficAction[] => {
    const random = seededRandom(seed);
    return Array.from({ length: count }, () => planNext(w, random, mix)!);
  };

  it('is mostly valid card scans, with every kind of everyday refusal and a forced door now and then', () => {
    const actions = plans(world(), 2_000);
    const count = (intent: TrafficIntent) =>
      actions.filter((a) => (a.type === 'scan' ? a.intent : a.type) === intent).length;
    expect(count('valid') / actions.length).toBeGreaterThan(0.75);
    for (const intent of ['no-grant', 'unknown-card', 'dead-card', 'stranger-qr', 'forced-open'] as const) {
      expect(count(intent), intent).toBeGreaterThan(0);
    }
  });

  it('is the same traffic for the same seed', () => {
    expect(plans(world(), 50, DEFAULT_MIX, 7)).toEqual(plans(world(), 50, DEFAULT_MIX, 7));
  });

  it('lets in only people with a live card and a grant for the area behind the device', () => {
    const w = world({ devices: [device('lane-1'), device('door-control')] });
    const granted = new Map([
      [site.people.wang.id, [POINT.lane1]],
      [site.people.zhang.id, [POINT.lane1]],
    ]);
    for (const action of plans(w, 300, only('valid'))) {
      expect(action.type).toBe('scan');
      if (action.type !== 'scan') continue;
      const point = DEVICES.find((d) => d.id === action.deviceId)!.passagePointId;
      expect(granted.get(action.personId!)).toContain(point);
      expect(action.credential.kind).toBe('CARD');
      const number = action.credential.kind === 'CARD' ? action.credential.number : '';
      expect(index.cards.get(number)).toMatchObject({ status: 'ACTIVE', personId: action.personId });
    }
  });

  it('does not send in someone the bridge saw go in, nor out someone it saw leave', () => {
    const inside = { [site.people.wang.id]: AREA.production };
    const outside = { [site.people.wang.id]: AREA.plant };
    const entering = plans(world({ devices: [device('lane-1')], presence: inside }), 100, only('valid'));
    expect(entering.map((a) => a.type === 'scan' && a.personId)).not.toContain(site.people.wang.id);
    const leaving = plans(world({ devices: [device('lane-1-out')], presence: outside }), 100, only('valid'));
    expect(leaving.map((a) => a.type === 'scan' && a.personId)).not.toContain(site.people.wang.id);
  });

  it('sends out through an exit device the people the bridge saw inside', () => {
    const presence = { [site.people.zhang.id]: AREA.production };
    const actions = plans(world({ devices: [device('lane-1-out')], presence }), 20, only('valid'));
    expect(new Set(actions.map((a) => a.type === 'scan' && a.personId))).toEqual(
      new Set([site.people.zhang.id]),
    );
  });

  it('takes everyone with a card who works behind an exit to be inside while the bridge has seen nobody go in', () => {
    const actions = plans(world({ devices: [device('lane-1-out')] }), 200, only('valid'));
    // 赵强 passes with his phone only: no card to simulate him with.
    const { wang, zhang } = site.people;
    expect(new Set(actions.map((a) => a.type === 'scan' && a.personId))).toEqual(
      new Set([wang.id, zhang.id]),
    );
  });

  it('falls back to a stranger’s card when nobody may pass anywhere', () => {
    const presence = Object.fromEntries(Object.values(site.people).map((p) => [p.id, AREA.production]));
    const [action] = plans(world({ devices: [device('lane-1')], presence }), 1, only('valid'));
    expect(action).toMatchObject({ type: 'scan', intent: 'unknown-card', personId: null });
  });

  it('tries a door a person has no grant for', () => {
    const actions = plans(world({ devices: [device('door-control')] }), 100, only('no-grant'));
    const people = new Set(actions.map((a) => a.type === 'scan' && a.personId));
    expect(people.has(site.people.zhao.id)).toBe(false);
    expect(people.has(site.people.wang.id)).toBe(true);
  });

  it('shows lost and returned cards', () => {
    const numbers = new Set(
      plans(world(), 100, only('dead-card')).map(
        (a) => a.type === 'scan' && a.credential.kind === 'CARD' && a.credential.number,
      ),
    );
    expect(numbers).toEqual(new Set(['0099AA01', '77EE0001']));
  });

  it('makes up a card number no one holds', () => {
    // Weighted pick, device pick, then a number that is registered (re-rolled) and one that is not.
    const random = scripted(0, 0, 0xa1b2c3d4 / 2 ** 32, 0x00c0ffee / 2 ** 32);
    expect(planNext(world(), random, only('unknown-card'))).toMatchObject({
      type: 'scan',
      intent: 'unknown-card',
      deviceId: DEVICES[0].id,
      credential: { kind: 'CARD', number: '00C0FFEE' },
    });
  });

  it('holds a code that is not a pass to a reader', () => {
    const [action] = plans(world(), 1, only('stranger-qr'));
    expect(action).toMatchObject({ type: 'scan', intent: 'stranger-qr', credential: { kind: 'QR' } });
  });

  it('forces only doors, and only a door that is not already open', () => {
    const [forced] = plans(world(), 1, only('forced-open'));
    expect(forced).toEqual({ type: 'forced-open', deviceId: 'door-control', passagePointId: POINT.control });
    const [instead] = plans(world({ openDoors: new Set([POINT.control]) }), 1, only('forced-open'));
    expect(instead).toMatchObject({ type: 'scan', intent: 'valid' });
  });

  it('plans nothing without devices', () => {
    expect(planNext(world({ devices: [] }), seededRandom(1))).toBeUndefined();
  });
});

describe('doors and timing', () => {
  it('closes a door a few seconds after it opened, or reports it held open past the limit', () => {
    expect(planDoorCycle(scripted(0, 0.5, 0.5), 30_000)).toEqual({
      openAfterMs: 600,
      closeAfterMs: 4_000,
      heldOpen: false,
    });
    const held = planDoorCycle(scripted(0.9999, 0.01, 0), 30_000);
    expect(held).toEqual({ openAfterMs: 2_000, closeAfterMs: 35_000, heldOpen: true });
  });

  it('triples the traffic at the 08:00, 16:00 and 24:00 shift changes and quietens it at night', () => {
    const at = (shanghai: string) => Date.parse(`2026-03-02T${shanghai}:00+08:00`);
    expect(shiftFactor(at('07:45'))).toBe(3);
    expect(shiftFactor(at('16:20'))).toBe(3);
    expect(shiftFactor(at('23:50'))).toBe(3);
    expect(shiftFactor(at('10:00'))).toBe(1);
    expect(shiftFactor(at('03:00'))).toBe(0.3);
  });

  it('spaces events as a Poisson stream at the configured rate, capped at ten times the mean', () => {
    expect(nextDelayMs(() => 0.5, 60, MONDAY_10AM)).toBe(Math.round(Math.LN2 * 1_000));
    expect(nextDelayMs(() => 0.5, 60, Date.parse('2026-03-02T08:00:00+08:00'))).toBe(
      Math.round((Math.LN2 * 1_000) / 3),
    );
    expect(nextDelayMs(() => 1 - 1e-12, 60, MONDAY_10AM)).toBe(10_000);
    const random = seededRandom(3);
    const mean =
      Array.from({ length: 5_000 }, () => nextDelayMs(random, 30, MONDAY_10AM)).reduce((a, b) => a + b) /
      5_000;
    expect(mean).toBeGreaterThan(1_800);
    expect(mean).toBeLessThan(2_200);
  });
});
