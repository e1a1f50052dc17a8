import type { RemoteCommand } from './api/sync-types.js';
import type { AccessEvent } from './journal/access-event.js';
import type { Watermark } from './journal/watermark.js';
import type { DeviceEventEnvelope } from './mqtt/payloads.js';

/** Everything extensions tell each other. Adding an event here is the only way to add one. */
export interface BridgeEvents {
  'device.availability': { deviceId: string; online: boolean; previous: boolean | undefined };
  /** A device event whose envelope passed validation; upload/journal listens to this (next issue). */
  'device.event': { deviceId: string; kind: string; envelope: DeviceEventEnvelope };
  'api.reachability': { reachable: boolean; status: number | undefined; error: string | undefined };
  /** A scan was decided and answered; the event is journaled. Times from scan in, in ms. */
  'access.decision': { event: AccessEvent; decisionMs: number; commandMs: number };
  /** A new gate cache replaced the old one (in memory and on disk). */
  'gate.cache': { cursor: string; generatedAt: number; source: string };
  /** The uploader accepted events; the watermark moved here. */
  'journal.uploaded': Watermark;
  /** A command without a seq went to a device (remote open, mode); it answers on `evt/ack`. */
  'device.command': { deviceId: string; commandId: string; kind: 'unlock' | 'mode' };
  /** A command from the API (sync stream), to carry out and acknowledge by id. */
  'api.command': RemoteCommand;
  /** Drop the cursor and fetch a full snapshot (a RESYNC command). */
  'api.resync': Record<string, never>;
}

export type Listener<T> = (payload: T) => void | Promise<void>;

/** What code outside the bridge may do with the bus: listen, never emit. */
export interface EventSource<Events> {
  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): () => void;
}

/**
 * A listener that throws (or rejects) must not stop the other listeners nor the message that caused the
 * event, so failures go to `onError` instead of back to the emitter.
 */
export class EventBus<Events> implements EventSource<Events> {
  private readonly listeners = new Map<keyof Events, Set<Listener<never>>>();

  constructor(private readonly onError: (event: keyof Events, error: unknown) => void) {}

  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener as Listener<never>);
    return () => set.delete(listener as Listener<never>);
  }

  emit<K extends keyof Events>(event: K, payload: Events[K]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        const result = (listener as Listener<Events[K]>)(payload);
        if (result instanceof Promise) result.catch((error: unknown) => this.onError(event, error));
      } catch (error) {
        this.onError(event, error);
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
