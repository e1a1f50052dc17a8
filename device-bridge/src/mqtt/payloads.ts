/**
 * Payload contract for the topics in topics.ts. Parsers throw MalformedPayloadError with a reason that is
 * safe to send back to the device, so the device's installer can see what was wrong.
 */

/** Retained on `.../state` and `park/{site}/bridge/state`; the same shape is the last-will. */
export interface AvailabilityPayload {
  online: boolean;
}

/** Common envelope of every `.../evt/{kind}`; the kind-specific rest is left to drivers. */
export interface DeviceEventEnvelope {
  /** Device-local sequence number: with the device id it makes uploads idempotent. */
  seq: number;
  /** Device clock, ISO-8601, when the device has one. */
  at: string | undefined;
  body: Readonly<Record<string, unknown>>;
}

/** Published on `.../cmd/error` (or the MQTT 5 response topic) when an inbound message is refused. */
export interface ErrorReply {
  status: 'error';
  reason: string;
  /** The topic of the refused message, so a device sharing one error topic can tell replies apart. */
  topic: string;
  seq?: number;
}

// Real device frames are a few hundred bytes; anything far larger is a bug or an attack, not an event.
export const MAX_PAYLOAD_BYTES = 16 * 1024;

export class MalformedPayloadError extends Error {
  override name = 'MalformedPayloadError';
}

export function encodePayload(payload: AvailabilityPayload | ErrorReply): string {
  return JSON.stringify(payload);
}

function parseObject(raw: Buffer): Record<string, unknown> {
  if (raw.length === 0) throw new MalformedPayloadError('empty payload');
  if (raw.length > MAX_PAYLOAD_BYTES) {
    throw new MalformedPayloadError(`payload of ${raw.length} bytes exceeds ${MAX_PAYLOAD_BYTES}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new MalformedPayloadError('payload is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MalformedPayloadError('payload must be a JSON object');
  }
  return value as Record<string, unknown>;
}

export function parseAvailability(raw: Buffer): AvailabilityPayload {
  const value = parseObject(raw);
  if (typeof value.online !== 'boolean') throw new MalformedPayloadError('"online" must be a boolean');
  return { online: value.online };
}

export function parseDeviceEvent(raw: Buffer): DeviceEventEnvelope {
  const value = parseObject(raw);
  const { seq, at } = value;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) {
    throw new MalformedPayloadError('"seq" must be a non-negative integer');
  }
  if (at !== undefined && (typeof at !== 'string' || Number.isNaN(Date.parse(at)))) {
    throw new MalformedPayloadError('"at" must be an ISO-8601 timestamp when present');
  }
  return { seq, at, body: value };
}
