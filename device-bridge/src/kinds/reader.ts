import type { CredentialReader, Unlockable } from './capabilities.js';

/** A stand-alone QR/card reader; `unlock` drives its relay output (usually wired to a door strike). */
export interface Reader extends CredentialReader, Unlockable {
  readonly kind: 'reader';
}
