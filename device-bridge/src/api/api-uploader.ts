import type { AccessEvent } from '../journal/access-event.js';
import type { EventUploader } from '../journal/uploader.js';
import type { ApiClient } from './api-client.js';

const INGEST = `mutation($e:[DeviceEventInput!]!){ingestDeviceEvents(events:$e){accepted duplicates}}`;

/** The fields of a journaled event the API's DeviceEventInput takes; the rest stays in the journal. */
export function toDeviceEventInput(e: AccessEvent): Record<string, unknown> {
  return {
    deviceId: e.deviceId,
    seq: e.seq,
    occurredAt: e.occurredAt,
    passagePointId: e.passagePointId,
    direction: e.direction,
    personId: e.personId,
    credentialKind: e.credentialKind,
    credentialRef: e.credentialRef,
    result: e.result,
    reason: e.reason,
    decidedOffline: e.decidedOffline,
    antiPassbackViolation: e.antiPassbackViolation,
  };
}

/**
 * Uploads journal batches through `ingestDeviceEvents`. The API stores each (device, seq) once and
 * answers for the whole batch, so a batch it took is accepted in full, new events and repeats alike.
 */
export class ApiEventUploader implements EventUploader {
  readonly name = 'api';

  constructor(private readonly api: ApiClient) {}

  async upload(batch: readonly AccessEvent[]): Promise<readonly string[]> {
    if (batch.length === 0) return [];
    await this.api.request(INGEST, { e: batch.map(toDeviceEventInput) });
    return batch.map((e) => e.id);
  }
}
