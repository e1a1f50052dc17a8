import type { AccessEvent } from './access-event.js';

/**
 * Delivers journaled events to the API. The API client (ingestDeviceEvents) implements it next.
 * Batches come in journal order; the watermark advances over the longest accepted prefix, so a batch
 * only partly accepted is offered again from its first refused event. That may resend events the API
 * already holds: it stores each idempotency key once, which is what makes the replay exactly-once.
 */
export interface EventUploader {
  /** For logs. */
  readonly name: string;
  /** Resolves with the ids the API now holds (newly stored or already known); rejects when unreachable. */
  upload(batch: readonly AccessEvent[]): Promise<readonly string[]>;
}

/** Until the API client exists: accepts nothing, so every event stays in the journal for later. */
export const noopUploader: EventUploader = {
  name: 'none',
  async upload(): Promise<readonly string[]> {
    return [];
  },
};
