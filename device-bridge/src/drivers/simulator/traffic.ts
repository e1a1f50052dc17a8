import {
  buildTopic,
  type CommandAckPayload,
  type DeviceStatePayload,
  type DoorAlarm,
  type DoorEventPayload,
  MQTT_CONTRACT_VERSION,
  type ScanEventPayload,
} from '@park/schema/mqtt';
import type { GateCommand } from '../../kinds/index.js';
import { errorMessage, type Logger } from '../../logger.js';
import type { Random } from './random.js';
import {
  DEFAULT_MIX,
  forcedCloseAfterMs,
  nextDelayMs,
  planDoorCycle,
  planNext,
  type SimDevice,
  type TrafficAction,
  type TrafficIntent,
  type TrafficMix,
  type TrafficWorld,
} from './traffic-plan.js';

/** Time as the generator sees it: the system's, or a fake one in tests. */
export interface Clock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  // Unref'd: simulated traffic never keeps a process alive on its own.
  setTimeout: (run, ms) => setTimeout(run, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface TrafficOptions {
  siteId: string;
  /** Mean events per minute outside shift changes; must be positive. */
  perMinute: number;
  devices: readonly SimDevice[];
  /** What the bridge knows now; undefined while it has no gate cache (the devices then wait). */
  world(): Pick<TrafficWorld, 'index' | 'presenceOf'> | undefined;
  publish(topic: string, payload: string, options: { retain: boolean }): Promise<void>;
  /** Per-device sequence numbers that survive restarts (SeqStore). */
  seq: { next(deviceId: string): Promise<number> };
  logger: Logger;
  random?: Random;
  clock?: Clock;
  /** How long a door may stand open before the controller reports HELD_OPEN. */
  holdOpenLimitMs?: number;
  mix?: TrafficMix;
  /**
   * Resolves once the bridge listens (it subscribes after its extensions started): the devices report
   * their doors and start scanning only then, so nothing is sent into the void. Now when unset.
   */
  ready?: Promise<void>;
}

export interface TrafficStats {
  planned: Record<TrafficIntent, number>;
  /** Answers the bridge gave to this generator's scans. */
  unlocked: number;
  denied: number;
  doorEvents: number;
  failures: number;
}

// Answers that never come (a scan refused as a frame, a bridge restart) must not pile up.
const MAX_AWAITED = 1_000;

/**
 * Simulated devices going about a plant's day on the real topics: scans at a Poisson rate, doors that
 * open after an unlock and close again (or are held open past the limit), the occasional forced door.
 * Announces the devices' availability on start and stop, reports each door closed when it boots (as a
 * controller reports its contact), and shuts any door it holds open on stop.
 */
export class TrafficGenerator {
  readonly stats: TrafficStats = {
    planned: {
      valid: 0,
      'no-grant': 0,
      'unknown-card': 0,
      'dead-card': 0,
      'stranger-qr': 0,
      'forced-open': 0,
    },
    unlocked: 0,
    denied: 0,
    doorEvents: 0,
    failures: 0,
  };
  private readonly random: Random;
  private readonly clock: Clock;
  private readonly holdOpenLimitMs: number;
  private readonly log: Logger;
  private readonly timers = new Set<unknown>();
  private readonly inFlight = new Set<Promise<unknown>>();
  /** `${deviceId}:${seq}` of scans waiting for their answer. */
  private readonly awaited = new Map<string, SimDevice>();
  /** Passage point → the door device holding it open. */
  private readonly openDoors = new Map<string, SimDevice>();
  private running = false;
  private waitingForCache = false;

  constructor(private readonly options: TrafficOptions) {
    if (!(options.perMinute > 0)) throw new Error('simulated traffic needs a positive rate');
    this.random = options.random ?? Math.random;
    this.clock = options.clock ?? systemClock;
    this.holdOpenLimitMs = options.holdOpenLimitMs ?? 30_000;
    this.log = options.logger.child({ component: 'simulated-traffic' });
  }

  /** Announces the devices online; the traffic begins when `ready` resolves (at once without it). */
  async start(): Promise<void> {
    this.running = true;
    await this.announce(true);
    const boot = async (): Promise<void> => {
      for (const door of this.options.devices.filter((d) => d.kind === 'door')) {
        if (this.running) await this.door(door, false);
      }
      if (this.running) this.scheduleNext();
    };
    if (!this.options.ready) return boot();
    // Not awaited by stop(): `ready` may never come, and then there is nothing to wait for.
    this.options.ready.then(boot).catch((error: unknown) => {
      this.stats.failures++;
      this.log.warn({ err: errorMessage(error) }, 'simulated devices could not boot');
    });
  }

  /** Stops planning, lets what is in flight finish, closes held doors, announces the devices offline. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    for (const timer of this.timers) this.clock.clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled(this.inFlight);
    for (const door of this.openDoors.values()) await this.door(door, false).catch(() => undefined);
    this.openDoors.clear();
    await this.announce(false).catch((error: unknown) =>
      this.log.warn({ err: errorMessage(error) }, 'could not announce simulated devices offline'),
    );
  }

  /** The bridge answered a scan. A door this generator unlocked opens and closes like a real one. */
  answered(deviceId: string, seq: number, command: GateCommand): void {
    const key = `${deviceId}:${seq}`;
    const device = this.awaited.get(key);
    if (!device) return;
    this.awaited.delete(key);
    if (command.kind === 'deny') {
      this.stats.denied++;
      return;
    }
    this.stats.unlocked++;
    if (device.kind === 'door' && this.running && !this.openDoors.has(device.passagePointId)) {
      this.doorCycle(device);
    }
  }

  /**
   * The bridge sent one of these devices a command that answers no scan (a remote open, a mode
   * change): it confirms it on `evt/ack` as a controller does, and a remotely opened door opens.
   */
  async commanded(deviceId: string, commandId: string, kind: 'unlock' | 'mode'): Promise<void> {
    const device = this.options.devices.find((d) => d.id === deviceId);
    if (!device) return;
    const seq = await this.options.seq.next(deviceId);
    const ack: CommandAckPayload = {
      seq,
      at: new Date(this.clock.now()).toISOString(),
      commandId,
      status: 'ok',
    };
    await this.options.publish(
      buildTopic({ type: 'device-event', site: this.options.siteId, deviceId, kind: 'ack' }),
      JSON.stringify(ack),
      { retain: false },
    );
    if (
      kind === 'unlock' &&
      device.kind === 'door' &&
      this.running &&
      !this.openDoors.has(device.passagePointId)
    )
      this.doorCycle(device);
  }

  /** Plans and publishes one action now (the timer loop calls it; tests may too). */
  async step(): Promise<TrafficAction | undefined> {
    const world = this.options.world();
    if (!world) {
      if (!this.waitingForCache) this.log.info('no gate cache yet: simulated devices wait for one');
      this.waitingForCache = true;
      return undefined;
    }
    this.waitingForCache = false;
    const action = planNext(
      {
        ...world,
        devices: this.options.devices,
        openDoors: new Set(this.openDoors.keys()),
        now: this.clock.now(),
      },
      this.random,
      this.options.mix ?? DEFAULT_MIX,
    );
    if (!action) return undefined;
    const device = this.options.devices.find((d) => d.id === action.deviceId)!;
    if (action.type === 'scan') {
      this.stats.planned[action.intent]++;
      await this.scan(device, action.credential);
    } else {
      this.stats.planned['forced-open']++;
      this.openDoors.set(device.passagePointId, device);
      await this.door(device, true, 'FORCED_OPEN');
      this.later(forcedCloseAfterMs(this.random), () => this.close(device));
    }
    this.log.debug({ ...action, credential: undefined }, 'simulated device event');
    return action;
  }

  private scheduleNext(): void {
    const delay = nextDelayMs(this.random, this.options.perMinute, this.clock.now());
    this.later(delay, () => {
      this.scheduleNext();
      return this.step();
    });
  }

  private doorCycle(device: SimDevice): void {
    const cycle = planDoorCycle(this.random, this.holdOpenLimitMs);
    this.openDoors.set(device.passagePointId, device);
    this.later(cycle.openAfterMs, () => this.door(device, true));
    if (cycle.heldOpen) {
      this.later(cycle.openAfterMs + this.holdOpenLimitMs, () => this.door(device, true, 'HELD_OPEN'));
    }
    this.later(cycle.openAfterMs + cycle.closeAfterMs, () => this.close(device));
  }

  private async close(device: SimDevice): Promise<void> {
    this.openDoors.delete(device.passagePointId);
    await this.door(device, false);
  }

  private async scan(device: SimDevice, credential: ScanEventPayload['credential']): Promise<void> {
    await this.publishEvent(device, 'scan', { credential }, (seq) => {
      // Before publishing: the answer can arrive before the broker acknowledges the scan.
      this.awaited.set(`${device.id}:${seq}`, device);
      if (this.awaited.size > MAX_AWAITED) this.awaited.delete(this.awaited.keys().next().value!);
    });
  }

  private async door(device: SimDevice, open: boolean, alarm?: DoorAlarm): Promise<void> {
    const body: Omit<DoorEventPayload, 'seq' | 'at'> = alarm ? { open, alarm } : { open };
    await this.publishEvent(device, 'door', body);
    this.stats.doorEvents++;
  }

  private async publishEvent(
    device: SimDevice,
    kind: 'scan' | 'door',
    body: Omit<ScanEventPayload, 'seq' | 'at'> | Omit<DoorEventPayload, 'seq' | 'at'>,
    beforePublish?: (seq: number) => void,
  ): Promise<void> {
    const seq = await this.options.seq.next(device.id);
    const payload = { seq, at: new Date(this.clock.now()).toISOString(), ...body };
    beforePublish?.(seq);
    const topic = buildTopic({ type: 'device-event', site: this.options.siteId, deviceId: device.id, kind });
    await this.options.publish(topic, JSON.stringify(payload), { retain: false });
  }

  private async announce(online: boolean): Promise<void> {
    const state: DeviceStatePayload = { online, contract: MQTT_CONTRACT_VERSION };
    for (const device of this.options.devices) {
      const topic = buildTopic({ type: 'device-state', site: this.options.siteId, deviceId: device.id });
      await this.options.publish(topic, JSON.stringify(state), { retain: true });
    }
  }

  /** Runs `task` after `ms` unless stopped first; its failure is counted and logged, never thrown. */
  private later(ms: number, task: () => Promise<unknown>): void {
    if (!this.running) return;
    const timer = this.clock.setTimeout(() => {
      this.timers.delete(timer);
      if (!this.running) return;
      const running = task()
        .catch((error: unknown) => {
          this.stats.failures++;
          this.log.warn({ err: errorMessage(error) }, 'simulated device event failed');
        })
        .finally(() => this.inFlight.delete(running));
      this.inFlight.add(running);
    }, ms);
    this.timers.add(timer);
  }
}
