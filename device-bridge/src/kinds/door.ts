import type { CredentialReader, DoorSensor, Unlockable } from './capabilities.js';

/** A door controller with reader, lock and door contact; the contact feeds interlock and alarms. */
export interface Door extends CredentialReader, Unlockable, DoorSensor {
  readonly kind: 'door';
}
