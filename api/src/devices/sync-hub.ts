import type { EntityManager } from '@mikro-orm/postgresql';
import { currentCursor, executeOn } from '../access/gate-snapshot.service.js';
import { AuditAppended } from '../audit/audit.events.js';
import type { AppServices, RequestContext } from '../common/context.js';
import { Channel } from './channel.js';
import { pendingCommands } from './command.service.js';
import type { DeviceSyncMessage, SyncCommand } from './device-sync.types.js';
import { DeviceCommandQueued } from './devices.events.js';
import { cursorOf, gateChangesSince } from './gate-changes.js';

interface Subscriber {
  siteId: string;
  deliver(message: DeviceSyncMessage): void;
}

/**
 * Feeds every connected bridge of this API copy. After each commit that wrote the audit log (and every
 * SYNC_POLL_MS, for commits made by other API copies) it computes one patch from its cursor to the
 * present and hands it to every subscriber, in order: patches leave here with increasing, contiguous
 * cursors. A bridge joining gets its own catch-up first; it drops any later message it is already past.
 */
export class DeviceSyncHub {
  private cursor = '0';
  private readonly subscribers = new Set<Subscriber>();
  private queue: Promise<void> = Promise.resolve();
  private waiting = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly unsubscribe: Array<() => void> = [];

  constructor(
    private readonly services: Omit<AppServices, 'deviceSync'>,
    private readonly fork: () => EntityManager,
  ) {}

  async start(): Promise<void> {
    this.cursor = await currentCursor(executeOn(this.fork()));
    this.unsubscribe.push(
      this.services.bus.subscribe(AuditAppended, () => this.nudge()),
      this.services.bus.subscribe(DeviceCommandQueued, (e) => this.sendCommand(e.siteId, e.command)),
    );
    this.timer = setInterval(() => this.nudge(), this.services.config.SYNC_POLL_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    for (const off of this.unsubscribe.splice(0)) off();
  }

  /** Serialised: two quick commits yield two patches in order, never two overlapping ones out of order. */
  nudge(): Promise<void> {
    // A run already waiting reads the newest cursor when it starts: it covers this nudge too.
    if (this.waiting) return this.queue;
    this.waiting = true;
    this.queue = this.queue
      .then(() => {
        this.waiting = false;
        return this.advance();
      })
      .catch((err: unknown) => this.services.log.error({ err }, 'gate sync: computing changes failed'));
    return this.queue;
  }

  /** A bridge's stream: its catch-up from `from` (with unacknowledged commands), then every live message. */
  open(siteId: string, from: string | null | undefined): AsyncIterableIterator<DeviceSyncMessage> {
    const early: DeviceSyncMessage[] = [];
    let ready = false;
    const subscriber: Subscriber = {
      siteId,
      deliver: (m) => (ready ? channel.push(m) : early.push(m)),
    };
    const channel = new Channel<DeviceSyncMessage>(() => this.subscribers.delete(subscriber));
    // Listening before the catch-up is read: nothing committed meanwhile can fall between the two.
    this.subscribers.add(subscriber);
    void this.catchUp(siteId, from).then(
      (first) => {
        channel.push(first);
        for (const m of early.splice(0)) channel.push(m);
        ready = true;
      },
      (err: unknown) => {
        this.services.log.error({ err, siteId }, 'gate sync: catch-up failed');
        channel.close();
      },
    );
    return channel;
  }

  private async catchUp(siteId: string, from: string | null | undefined): Promise<DeviceSyncMessage> {
    const ctx = this.context();
    const changes = await gateChangesSince(ctx, from, this.services.config.SYNC_MAX_PATCH_ENTRIES);
    return {
      cursor: cursorOf(changes),
      snapshot: changes.snapshot ?? null,
      patch: changes.patch ?? null,
      commands: await pendingCommands(this.context(), siteId),
    };
  }

  private async advance(): Promise<void> {
    const ctx = this.context();
    const latest = await currentCursor(executeOn(ctx.em));
    if (latest === this.cursor) return;
    if (this.subscribers.size === 0) {
      // Nobody to tell; a bridge that connects later catches up from its own cursor.
      this.cursor = latest;
      return;
    }
    const changes = await gateChangesSince(ctx, this.cursor, this.services.config.SYNC_MAX_PATCH_ENTRIES);
    const message: DeviceSyncMessage = {
      cursor: cursorOf(changes),
      snapshot: changes.snapshot ?? null,
      patch: changes.patch ?? null,
      commands: [],
    };
    this.cursor = message.cursor;
    for (const s of this.subscribers) s.deliver(message);
  }

  private sendCommand(siteId: string, command: SyncCommand): void {
    for (const s of this.subscribers) {
      if (s.siteId === siteId)
        s.deliver({ cursor: this.cursor, snapshot: null, patch: null, commands: [command] });
    }
  }

  private context(): RequestContext {
    return { ...this.services, deviceSync: this, em: this.fork(), principal: null, requestId: 'system' };
  }
}
