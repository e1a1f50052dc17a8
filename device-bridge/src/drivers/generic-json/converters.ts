// The generic JSON protocol: the contract's payloads (`@park/schema/mqtt`) exactly as typed there.
// What the simulator speaks and what an integrator's adapter for any controller can speak. The
// contract's validators check the frame; this only normalises what readers disagree on.
import { validateDeviceEvent } from '@park/schema/mqtt';
import type { DoorStateEvent, ScanEvent } from '../../kinds/index.js';
import { type DeviceEventEnvelope, valid } from '../../mqtt/payloads.js';
import type { OutboundFrame } from '../driver.js';

/** `evt/scan`: `{ seq, at?, credential: {kind:'QR', token} | {kind:'CARD', number}, direction? }`. */
export function scanFromJson(envelope: DeviceEventEnvelope): ScanEvent {
  const { seq, at, credential, direction } = valid(validateDeviceEvent('scan', envelope.body));
  return {
    seq,
    at,
    // Readers differ in case and padding; the API stores card numbers trimmed and upper-case.
    credential:
      credential.kind === 'CARD'
        ? { kind: 'CARD', number: credential.number.trim().toUpperCase() }
        : credential,
    direction,
  };
}

/** `evt/door`: `{ seq, at?, open: boolean, alarm?: "FORCED_OPEN" | "HELD_OPEN" }` from the door contact. */
export function doorFromJson(envelope: DeviceEventEnvelope): DoorStateEvent {
  const { seq, at, open, alarm } = valid(validateDeviceEvent('door', envelope.body));
  return alarm === undefined ? { seq, at, open } : { seq, at, open, alarm };
}

/** Commands go out as the command object itself: `cmd/unlock` and `cmd/deny`. */
export function commandToJson(kind: 'unlock' | 'deny', command: object): OutboundFrame {
  return { kind, payload: JSON.stringify(command) };
}
