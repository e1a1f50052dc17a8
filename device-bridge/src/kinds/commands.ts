// What passes between the bridge and an access device, independent of how a driver encodes it on the
// wire. Drivers convert device frames to these events and these commands to device frames.
import type { DenyReason, Direction } from '@park/core';

/** A credential as the reader saw it: the QR text, or the card number it read. */
export type ScanCredential = { kind: 'QR'; token: string } | { kind: 'CARD'; number: string };

/** Someone presented a credential (`evt/scan`). */
export interface ScanEvent {
  /** Device-local sequence number: (deviceId, seq) identifies the event everywhere. */
  seq: number;
  /** Device clock, ISO-8601, kept for the record; the bridge decides on its own clock. */
  at: string | undefined;
  credential: ScanCredential;
  /** Which side the person scanned on, for two-way devices; the device registry's direction otherwise. */
  direction: Direction | undefined;
}

/** A door contact changed (`evt/door`): the source of interlock (mantrap) state. */
export interface DoorStateEvent {
  seq: number;
  at: string | undefined;
  open: boolean;
}

/** Release the lock, turnstile arm or barrier for one passage. */
export interface UnlockCommand {
  /** Command id, unique per bridge run, so a device can acknowledge and log it. */
  id: string;
  /** The scan this answers. */
  seq: number;
  allow: true;
  pulseMs: number;
  /** Elevators only: floors the person may select now (controller floor numbers, ascending). */
  floors?: number[];
}

/** Keep it locked and tell the person why, in Chinese, on the reader's display. */
export interface DenyCommand {
  id: string;
  seq: number;
  reason: DenyReason;
  message: string;
}

/** The bridge's answer to one scan, as journaled: a retransmitted scan gets this exact answer again. */
export type GateCommand = { kind: 'unlock'; body: UnlockCommand } | { kind: 'deny'; body: DenyCommand };
