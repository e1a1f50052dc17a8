// Building blocks of the per-kind interfaces (Home Assistant's lock/cover platforms): a kind is the
// set of capabilities a device of that kind offers, so code that only needs "can be told to open"
// works with turnstiles, doors and barriers alike.
import type { DenyCommand, UnlockCommand } from './commands.js';

export interface DeviceIdentity {
  readonly id: string;
}

/** Reports presented credentials on `evt/scan` and can show a refusal on its display. */
export interface CredentialReader extends DeviceIdentity {
  readonly readsCredentials: true;
  deny(command: DenyCommand): Promise<void>;
}

/** Has something to release for one passage: a lock, a turnstile arm, a barrier, a relay. */
export interface Unlockable extends DeviceIdentity {
  unlock(command: UnlockCommand): Promise<void>;
}

/** Reports its door contact on `evt/door`; interlock groups depend on it. */
export interface DoorSensor extends DeviceIdentity {
  readonly reportsDoorState: true;
}
