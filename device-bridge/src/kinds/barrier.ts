import type { CredentialReader, Unlockable } from './capabilities.js';

/** A vehicle barrier gate; `unlock` raises the arm once. Plate-camera events come with parking. */
export interface Barrier extends CredentialReader, Unlockable {
  readonly kind: 'barrier';
}
