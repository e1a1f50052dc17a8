import type { Direction } from '@park/core';
import type { MqttClient } from 'mqtt';
import type { ScanCredential } from '../../kinds/index.js';
import { buildTopic } from '../../mqtt/topics.js';

/** A command the bridge sent to a simulated device. */
export interface ReceivedCommand {
  /** The `cmd/{kind}` level: `unlock`, `deny`, or `error` for a refused frame. */
  kind: string;
  payload: Record<string, unknown>;
  /** performance.now() on arrival. */
  receivedAt: number;
}

export interface ScanAnswer extends ReceivedCommand {
  /** Scan published → answer received, through the broker and the bridge. */
  latencyMs: number;
}

export interface ScanOptions {
  direction?: Direction;
  /** Reuse a sequence number: a retransmission. Defaults to the next one. */
  seq?: number;
}

type Waiter = { from: number; match: (c: ReceivedCommand) => boolean; resolve: (c: ReceivedCommand) => void };

/**
 * One turnstile lane speaking the generic JSON protocol: publishes scans with its own sequence
 * numbers and door contacts, and records every command it is sent, as a real lane's controller would.
 */
export class SimulatedTurnstile {
  readonly commands: ReceivedCommand[] = [];
  /** Set: commands without a seq (remote open, mode) are refused on `evt/ack` with this reason. */
  refuseCommands: string | null = null;
  /** Set: such commands get no acknowledgement at all (a controller that hangs). */
  silent = false;
  private seq = 0;
  private readonly waiters = new Set<Waiter>();

  constructor(
    readonly id: string,
    private readonly siteId: string,
    private readonly client: MqttClient,
    private readonly timeoutMs: number,
  ) {}

  /** Presents a credential and resolves with the bridge's answer to that seq (unlock, deny or error). */
  async scan(credential: ScanCredential, options: ScanOptions = {}): Promise<ScanAnswer> {
    const seq = options.seq ?? ++this.seq;
    const body = {
      seq,
      at: new Date().toISOString(),
      credential,
      ...(options.direction ? { direction: options.direction } : {}),
    };
    const from = this.commands.length;
    const sentAt = performance.now();
    const answer = this.waitFor((c) => c.payload.seq === seq, from);
    await this.publish('scan', JSON.stringify(body));
    const received = await answer;
    return { ...received, latencyMs: received.receivedAt - sentAt };
  }

  /** Reports the door contact (interlock). */
  async door(open: boolean): Promise<void> {
    await this.publish('door', JSON.stringify({ seq: ++this.seq, at: new Date().toISOString(), open }));
  }

  /** Publishes any payload on `evt/{kind}`, e.g. a broken frame; the answer is for waitFor. */
  async sendRaw(kind: string, payload: string): Promise<void> {
    await this.publish(kind, payload);
  }

  /** The first command at or after index `from` that matches. */
  waitFor(match: (c: ReceivedCommand) => boolean, from = 0): Promise<ReceivedCommand> {
    const found = this.commands.slice(from).find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { from, match, resolve };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`${this.id}: no matching command within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      waiter.resolve = (c) => {
        clearTimeout(timer);
        resolve(c);
      };
      this.waiters.add(waiter);
    });
  }

  /** Called by the simulator for every command on this device's topics. */
  receive(kind: string, payload: Record<string, unknown>): void {
    const command: ReceivedCommand = { kind, payload, receivedAt: performance.now() };
    this.commands.push(command);
    // A command that answers no scan (remote open, a mode change) is confirmed on evt/ack (contract).
    if ((kind === 'unlock' || kind === 'mode') && payload.seq === undefined && typeof payload.id === 'string')
      void this.acknowledge(payload.id);
    for (const waiter of this.waiters) {
      if (!waiter.match(command)) continue;
      this.waiters.delete(waiter);
      waiter.resolve(command);
    }
  }

  private async acknowledge(commandId: string): Promise<void> {
    if (this.silent) return;
    const refused = this.refuseCommands;
    const ack = {
      seq: ++this.seq,
      at: new Date().toISOString(),
      commandId,
      status: refused === null ? 'ok' : 'error',
      ...(refused === null ? {} : { reason: refused }),
    };
    await this.publish('ack', JSON.stringify(ack)).catch(() => undefined);
  }

  private async publish(kind: string, payload: string): Promise<void> {
    const topic = buildTopic({ type: 'device-event', site: this.siteId, deviceId: this.id, kind });
    await this.client.publishAsync(topic, payload, { qos: 1 });
  }
}
