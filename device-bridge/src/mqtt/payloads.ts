/**
 * Reading and writing the payloads of `@park/schema/mqtt` from and to MQTT buffers. The shapes and
 * their validation live in the contract; this adds what only a receiver of raw bytes needs (size
 * limit, JSON) and the error the router answers with. MalformedPayloadError carries a reason that is
 * safe to send back to the device, so its installer can see what was wrong.
 */
import {
  type BridgeStatePayload,
  type DeviceStatePayload,
  type ErrorReplyPayload,
  MAX_PAYLOAD_BYTES,
  type Validation,
  validateDeviceState,
  validateEnvelope,
} from '@park/schema/mqtt';

export { MAX_PAYLOAD_BYTES };

/** Retained on `.../state` and `park/{site}/bridge/state`; the same shape is the last-will. */
export type AvailabilityPayload = DeviceStatePayload | BridgeStatePayload;

/** Published on `.../cmd/error` (or the MQTT 5 response topic) when an inbound message is refused. */
export type ErrorReply = ErrorReplyPayload;

/** Common envelope of every `.../evt/{kind}`; the kind-specific rest is left to drivers. */
export interface DeviceEventEnvelope {
  /** Device-local sequence number: with the device id it makes uploads idempotent. */
  seq: number;
  /** Device clock, ISO-8601, when the device has one. */
  at: string | undefined;
  body: Readonly<Record<string, unknown>>;
}

export class MalformedPayloadError extends Error {
  override name = 'MalformedPayloadError';
}

export function encodePayload(payload: AvailabilityPayload | ErrorReply): string {
  return JSON.stringify(payload);
}

/** The value of a contract validation, or the MalformedPayloadError the router answers with. */
export function valid<T>(result: Validation<T>): T {
  if (!result.ok) throw new MalformedPayloadError(result.reason);
  return result.value;
}

function parseJson(raw: Buffer): unknown {
  if (raw.length === 0) throw new MalformedPayloadError('empty payload');
  if (raw.length > MAX_PAYLOAD_BYTES) {
    throw new MalformedPayloadError(`payload of ${raw.length} bytes exceeds ${MAX_PAYLOAD_BYTES}`);
  }
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new MalformedPayloadError('payload is not valid JSON');
  }
}

export function parseAvailability(raw: Buffer): DeviceStatePayload {
  return valid(validateDeviceState(parseJson(raw)));
}

export function parseDeviceEvent(raw: Buffer): DeviceEventEnvelope {
  const body = valid(validateEnvelope(parseJson(raw)));
  return { seq: body.seq, at: body.at, body };
}
