// The generic JSON protocol: what the simulator speaks and what an integrator's adapter for any
// controller can speak. Frames are the envelope (`seq`, `at`, checked by the router) plus these fields.
import type { DoorStateEvent, ScanCredential, ScanEvent } from '../../kinds/index.js';
import { type DeviceEventEnvelope, MalformedPayloadError } from '../../mqtt/payloads.js';
import type { OutboundFrame } from '../driver.js';

// Card numbers are short (Wiegand 26/34, M1 UIDs, printed numbers); a long one is a broken frame.
const CARD_NUMBER = /^[A-Za-z0-9]{1,32}$/;

/** `evt/scan`: `{ seq, at?, credential: {kind:'QR', token} | {kind:'CARD', number}, direction? }`. */
export function scanFromJson(envelope: DeviceEventEnvelope): ScanEvent {
  const { credential, direction } = envelope.body;
  if (direction !== undefined && direction !== 'IN' && direction !== 'OUT') {
    throw new MalformedPayloadError('"direction" must be "IN" or "OUT" when present');
  }
  return { seq: envelope.seq, at: envelope.at, credential: credentialFrom(credential), direction };
}

function credentialFrom(value: unknown): ScanCredential {
  if (typeof value !== 'object' || value === null)
    throw new MalformedPayloadError('"credential" must be an object');
  const { kind, token, number } = value as Record<string, unknown>;
  if (kind === 'QR') {
    // Any text is passed on: a QR that is not a pass is the person's problem (QR_MALFORMED on the
    // display), not the device's.
    if (typeof token !== 'string') throw new MalformedPayloadError('"credential.token" must be a string');
    return { kind: 'QR', token };
  }
  if (kind === 'CARD') {
    if (typeof number !== 'string' || !CARD_NUMBER.test(number.trim())) {
      throw new MalformedPayloadError('"credential.number" must be 1–32 letters or digits');
    }
    // Readers differ in case; the API stores card numbers upper-case.
    return { kind: 'CARD', number: number.trim().toUpperCase() };
  }
  throw new MalformedPayloadError('"credential.kind" must be "QR" or "CARD"');
}

/** `evt/door`: `{ seq, at?, open: boolean }` from the door contact. */
export function doorFromJson(envelope: DeviceEventEnvelope): DoorStateEvent {
  const { open } = envelope.body;
  if (typeof open !== 'boolean') throw new MalformedPayloadError('"open" must be a boolean');
  return { seq: envelope.seq, at: envelope.at, open };
}

/** Commands go out as the command object itself: `cmd/unlock` and `cmd/deny`. */
export function commandToJson(kind: 'unlock' | 'deny', command: object): OutboundFrame {
  return { kind, payload: JSON.stringify(command) };
}
