import type { CredentialReader, Unlockable } from './capabilities.js';

/** A turnstile or speed-gate lane with its built-in reader: one unlock lets one person through. */
export interface Turnstile extends CredentialReader, Unlockable {
  readonly kind: 'turnstile';
}
