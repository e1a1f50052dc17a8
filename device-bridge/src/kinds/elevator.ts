import type { CredentialReader } from './capabilities.js';
import type { UnlockCommand } from './commands.js';

/** An elevator controller: a scan in the car enables exactly the floors the person may reach now. */
export interface Elevator extends CredentialReader {
  readonly kind: 'elevator';
  unlock(command: UnlockCommand & { floors: number[] }): Promise<void>;
}
