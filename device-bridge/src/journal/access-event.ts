import type { DenyReason, Direction } from '@park/core';
import type { GateCommand } from '../kinds/index.js';

/**
 * One passage attempt, granted or denied, as journaled (one JSON line) and later uploaded. The field
 * names follow the API's `DeviceEventInput` (ingestDeviceEvents), so the uploader only drops extras.
 */
export interface AccessEvent {
  /** Idempotency key: `${deviceId}:${seq}`. The API stores each key once, whoever sends it how often. */
  id: string;
  deviceId: string;
  seq: number;
  /** ISO-8601, the bridge's clock when it decided. */
  occurredAt: string;
  /** The device's own timestamp, when it sent one: kept to spot a device with a wrong clock. */
  deviceAt: string | null;
  passagePointId: string | null;
  direction: Direction | null;
  personId: string | null;
  credentialKind: 'QR' | 'CARD';
  /** Card number, or the pass id (jti) of a QR that verified. */
  credentialRef: string | null;
  result: 'GRANTED' | 'DENIED';
  reason: DenyReason | null;
  /** Decided from the local cache while the API was unreachable (anti-passback soft). */
  decidedOffline: boolean;
  antiPassbackViolation: boolean;
  grantId: string | null;
  /** Two-person rule: the id of the held scan this one released. */
  releasedScanId: string | null;
  /** QR only: epoch seconds the pass stays acceptable, so a restart can refuse its replay. */
  passExp: number | null;
  /** The answer sent; a retransmitted scan gets it again, word for word. */
  command: GateCommand;
}

export const eventId = (deviceId: string, seq: number): string => `${deviceId}:${seq}`;
