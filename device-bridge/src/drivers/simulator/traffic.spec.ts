import { type GateIndex, indexGateCache } from '@park/core';
import { parseTopic, validateMessage } from '@park/schema/mqtt';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGateSite, DEVICES, POINT } from '../../../test/support/gate-site.js';
import type { GateCommand } from '../../kinds/index.js';
import { type Random, seededRandom } from './random.js';
import { type Clock, TrafficGenerator, type TrafficOptions } from './traffic.js';
import { DEFAULT_MIX, type TrafficIntent, type TrafficMix } from './traffic-plan.js';

/** Timers that fire only when the test moves time on. */
class FakeClock implements Clock {
  private timers: Array<{ id: number; at: number; run: () => void }> = [];
  private ids = 0;
  constructor(public time: number) {}
  now = () => this.time;
  setTimeout = (run: () => void, ms: number): unknown => {
    const id = ++this.ids;
    this.timers.push({ id, at: this.time + ms, run });
    return id;
  };
  clearTimeout = (id: unknown): void => {
    this.timers = this.timers.filter((t) => t.id !== id);
  };
  /** Fires every timer due within `ms`, in order, letting what each one started settle. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await settle();
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.run();
    }
    this.time = end;
    await settle();
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve));
const MONDAY_10AM = Date.parse('2026-03-02T10:00:00+08:00');
const only = (intent: TrafficIntent): TrafficMix =>
  Object.fromEntries(Object.keys(DEFAULT_MIX).map((k) => [k, k === intent ? 1 : 0])) as TrafficMix;
const unlock = (seq: number): GateCommand => ({
  kind: 'unlock',
  body: { id: `c-${seq}`, seq, allow: true, pulseMs: 5_000 },
});

interface Sent {
  topic: string;
  json: Record<string, unknown>;
  retain: boolean;
  at: number;
}

describe('the simulated traffic generator', () => {
  let index: GateIndex;
  beforeAll(async () => {
    index = indexGateCache((await buildGateSite()).cache);
  });

  function generator(over: Partial<TrafficOptions> & { random?: Random } = {}) {
    const clock = new FakeClock(MONDAY_10AM);
    const sent: Sent[] = [];
    /** Scans to refuse at the broker before accepting again. */
    const faults = { scans: 0 };
    const counters = new Map<string, number>();
    const traffic = new TrafficGenerator({
      siteId: 'plant',
      perMinute: 60,
      devices: DEVICES,
      world: () => ({ index, presenceOf: () => undefined }),
      publish: async (topic, payload, { retain }) => {
        if (faults.scans > 0 && topic.endsWith('/evt/scan')) {
          faults.scans--;
          throw new Error('broker gone');
        }
        sent.push({ topic, json: JSON.parse(payload), retain, at: clock.now() });
      },
      seq: { next: async (id) => counters.set(id, (counters.get(id) ?? 0) + 1).get(id)! },
      logger: pino({ level: 'silent' }),
      random: seededRandom(11),
      clock,
      ...over,
    });
    const doors = () => sent.filter((s) => s.topic === 'park/plant/dev/door-control/evt/door');
    return { traffic, clock, sent, doors, faults };
  }

  it('announces its devices online and their doors closed, then scans at the configured rate', async () => {
    const { traffic, clock, sent } = generator();
    await traffic.start();
    expect(sent.filter((s) => s.retain)).toEqual(
      DEVICES.map((d) => ({
        topic: `park/plant/dev/${d.id}/state`,
        json: { online: true, contract: 1 },
        retain: true,
        at: MONDAY_10AM,
      })),
    );
    expect(sent.at(-1)).toMatchObject({
      topic: 'park/plant/dev/door-control/evt/door',
      json: { seq: 1, open: false },
    });

    await clock.advance(10 * 60_000);
    const scans = sent.filter((s) => s.topic.endsWith('/evt/scan'));
    // 60 a minute for ten minutes, give or take what a Poisson stream gives.
    expect(scans.length).toBeGreaterThan(480);
    expect(scans.length).toBeLessThan(720);
    await traffic.stop();
  });

  it('publishes only what the contract allows, each device counting its seq up by one', async () => {
    const { traffic, clock, sent } = generator({ perMinute: 600 });
    await traffic.start();
    await clock.advance(60_000);
    await traffic.stop();
    const seqs = new Map<string, number[]>();
    for (const { topic, json } of sent) {
      const parsed = parseTopic(topic)!;
      expect(validateMessage(parsed, json), topic).toMatchObject({ ok: true });
      if (parsed.type === 'device-event')
        seqs.set(parsed.deviceId, [...(seqs.get(parsed.deviceId) ?? []), json.seq as number]);
    }
    expect([...seqs.keys()].sort()).toEqual(DEVICES.map((d) => d.id).sort());
    for (const list of seqs.values()) expect(list).toEqual(list.map((_, i) => i + 1));
  });

  it('opens a door the bridge unlocked for it, then closes it again a few seconds later', async () => {
    // One value for every draw: the scan, then a door cycle of 1.3 s to open and 4 s open.
    const { traffic, clock, doors } = generator({
      perMinute: 0.001,
      random: () => 0.5,
      mix: only('no-grant'),
    });
    await traffic.start();
    const action = await traffic.step();
    expect(action).toMatchObject({ deviceId: 'door-control', intent: 'no-grant' });
    traffic.answered('door-control', 2, unlock(2));
    await clock.advance(60_000);
    expect(doors().map((d) => [d.json.open, d.json.alarm, d.at - MONDAY_10AM])).toEqual([
      [false, undefined, 0],
      [true, undefined, 1_300],
      [false, undefined, 5_300],
    ]);
    expect(traffic.stats.unlocked).toBe(1);
    await traffic.stop();
  });

  it('now and then leaves a door open past the limit, which the door reports as HELD_OPEN', async () => {
    const { traffic, clock, doors } = generator({
      perMinute: 0.001,
      random: () => 0.01,
      mix: only('no-grant'),
      holdOpenLimitMs: 30_000,
    });
    await traffic.start();
    await traffic.step();
    traffic.answered('door-control', 2, unlock(2));
    await clock.advance(60_000);
    expect(doors().map((d) => [d.json.open, d.json.alarm, d.at - MONDAY_10AM])).toEqual([
      [false, undefined, 0],
      [true, undefined, 614],
      [true, 'HELD_OPEN', 30_614],
      [false, undefined, 35_764],
    ]);
    await traffic.stop();
  });

  it('reports a forced door and pulls it shut; a denied scan opens nothing', async () => {
    const { traffic, clock, doors } = generator({ perMinute: 0.001, mix: only('forced-open') });
    await traffic.start();
    expect(await traffic.step()).toEqual({
      type: 'forced-open',
      deviceId: 'door-control',
      passagePointId: POINT.control,
    });
    await clock.advance(10_000);
    expect(doors().map((d) => [d.json.open, d.json.alarm])).toEqual([
      [false, undefined],
      [true, 'FORCED_OPEN'],
      [false, undefined],
    ]);
    traffic.answered('door-control', 99, unlock(99));
    traffic.answered('door-control', 3, {
      kind: 'deny',
      body: { id: 'd', seq: 3, reason: 'NO_GRANT', message: '无' },
    });
    await clock.advance(60_000);
    expect(doors()).toHaveLength(3);
    expect(traffic.stats).toMatchObject({ unlocked: 0, denied: 0 });
    await traffic.stop();
  });

  it('stops at once: shuts the doors it holds open, says its devices are offline, and nothing fires later', async () => {
    const { traffic, clock, sent } = generator({ mix: only('forced-open') });
    await traffic.start();
    await traffic.step();
    const before = sent.length;
    await traffic.stop();
    expect(sent.slice(before).map((s) => [s.topic, s.json.open ?? s.json.online])).toEqual([
      ['park/plant/dev/door-control/evt/door', false],
      ...DEVICES.map((d) => [`park/plant/dev/${d.id}/state`, false]),
    ]);
    const after = sent.length;
    await clock.advance(10 * 60_000);
    expect(sent.length).toBe(after);
    await traffic.stop();
    expect(sent.length).toBe(after);
  });

  it('reports doors and scans only once the bridge listens', async () => {
    let listening: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => {
      listening = resolve;
    });
    const { traffic, clock, sent } = generator({ ready });
    await traffic.start();
    await clock.advance(60_000);
    expect(sent.every((s) => s.topic.endsWith('/state'))).toBe(true);
    listening();
    await clock.advance(60_000);
    expect(sent.filter((s) => s.topic.includes('/evt/')).length).toBeGreaterThan(30);
    await traffic.stop();
  });

  it('waits quietly while the bridge has no gate cache', async () => {
    const { traffic, clock, sent } = generator({ world: () => undefined });
    await traffic.start();
    const announced = sent.length;
    await clock.advance(60_000);
    expect(sent.length).toBe(announced);
    await traffic.stop();
  });

  it('keeps going when a publish fails, and counts the failure', async () => {
    const { traffic, clock, sent, faults } = generator({ perMinute: 600 });
    faults.scans = 1;
    await traffic.start();
    await clock.advance(60_000);
    await traffic.stop();
    expect(traffic.stats.failures).toBe(1);
    expect(sent.filter((s) => s.topic.endsWith('/evt/scan')).length).toBeGreaterThan(100);
  });
});
