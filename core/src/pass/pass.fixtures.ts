// Test helpers: hand-made tokens, so the specs can present the gate with what an attacker would.
import { createHmac, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import type { JWK } from 'jose';
import { newJti } from './pass-issuer.js';
import { PASS_ALG, PASS_TYP } from './pass-token.js';

export const PERSON = '0b6f4c1e-8a3d-4f2b-9c7e-5d1a2b3c4d5e';
export const PHONE = 'f47ac10b-58cc-4372-a567-0e02b2c3d479';
export const T0 = Date.UTC(2026, 10, 24, 8, 0, 0); // a morning shift change, epoch ms

export const b64 = (value: unknown): string =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

export interface TestKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: JWK;
}

export function ed25519Key(kid: string): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    kid,
    privateKey,
    publicJwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: PASS_ALG, use: 'sig' },
  };
}

export const passHeader = (kid: string, extra: Record<string, unknown> = {}) => ({
  alg: PASS_ALG,
  kid,
  typ: PASS_TYP,
  ...extra,
});

export function passClaims(nowMs = T0, extra: Record<string, unknown> = {}) {
  const t = Math.floor(nowMs / 1000);
  return { sub: PERSON, ins: PHONE, jti: newJti(), iat: t, nbf: t, exp: t + 60, ...extra };
}

/** A compact JWS over any header and payload, signed with Ed25519 (or not signed, or HMAC). */
export function forge(
  header: Record<string, unknown>,
  payload: unknown,
  signer: { ed25519: KeyObject } | { hmac: Buffer } | 'unsigned',
): string {
  const input = `${b64(header)}.${b64(payload)}`;
  if (signer === 'unsigned') return `${input}.`;
  const signature =
    'ed25519' in signer
      ? sign(null, Buffer.from(input), signer.ed25519)
      : createHmac('sha256', signer.hmac).update(input).digest();
  return `${input}.${signature.toString('base64url')}`;
}
