// What passes between the bridge and an access device. The command shapes are the contract's own
// (`@park/schema/mqtt`): the generic JSON protocol sends them as they are, other drivers convert them.
// Events are the contract's payloads after a driver read them: `at` and `direction` resolved to a
// value or undefined, the card number normalised.
import type { Direction } from '@park/core';
import type { DenyCommandPayload, DoorAlarm, ScanCredential, UnlockCommandPayload } from '@park/schema/mqtt';

export type { DoorAlarm, ScanCredential };

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

/** A door contact changed (`evt/door`): the source of interlock (mantrap) state and door alarms. */
export interface DoorStateEvent {
  seq: number;
  at: string | undefined;
  open: boolean;
  /** The device says the door was forced or held open. */
  alarm?: DoorAlarm;
}

/** Release the lock, turnstile arm or barrier for one passage (`cmd/unlock`). */
export type UnlockCommand = UnlockCommandPayload;

/** Keep it locked and tell the person why, in Chinese, on the reader's display (`cmd/deny`). */
export type DenyCommand = DenyCommandPayload;

/** The bridge's answer to one scan, as journaled: a retransmitted scan gets this exact answer again. */
export type GateCommand = { kind: 'unlock'; body: UnlockCommand } | { kind: 'deny'; body: DenyCommand };
