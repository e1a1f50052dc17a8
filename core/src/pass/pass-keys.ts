import { createPublicKey, type KeyObject } from 'node:crypto';
import { type CryptoKey, exportJWK, generateKeyPair, type JWK } from 'jose';
import { PASS_ALG } from './pass-token.js';

/** What signs passes: the API's active pass key (its KeyStore entry has this shape). */
export interface PassSigner {
  kid: string;
  privateKey: CryptoKey | KeyObject;
}

/** Public keys by kid, imported once into node:crypto key objects for the gate's fast path. */
export type PassKeySet = ReadonlyMap<string, KeyObject>;

export interface Jwks {
  keys: JWK[];
}

/**
 * Imports the public half of a JWKS. Several keys at once are the normal case: during a rotation the
 * next key is published before it signs, and the previous one stays until its last pass expired.
 * Refuses anything that is not a public Ed25519 signing key with a kid (a private `d`, another curve
 * or alg, `use` other than sig), so a misconfigured key set fails loudly at load, not at the gate.
 */
export function importPublicJwks(jwks: Jwks): PassKeySet {
  if (!jwks || !Array.isArray(jwks.keys)) throw new TypeError('expected a JWK set { keys: [...] }');
  const out = new Map<string, KeyObject>();
  for (const jwk of jwks.keys) {
    const where = `pass key ${JSON.stringify(jwk?.kid ?? null)}`;
    if (typeof jwk?.kid !== 'string' || !jwk.kid) throw new TypeError('pass key without a kid');
    if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string')
      throw new TypeError(`${where} is not an Ed25519 public key`);
    if ('d' in jwk) throw new TypeError(`${where} contains a private key; publish the public half only`);
    if (jwk.alg !== undefined && jwk.alg !== PASS_ALG) throw new TypeError(`${where} has alg ${jwk.alg}`);
    if (jwk.use !== undefined && jwk.use !== 'sig') throw new TypeError(`${where} has use ${jwk.use}`);
    if (out.has(jwk.kid)) throw new TypeError(`${where} appears twice`);
    out.set(jwk.kid, createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' }));
  }
  return out;
}

/** A fresh Ed25519 pass key: for tests, the simulator and the benchmarks (the API has its KeyStore). */
export async function generatePassKey(kid: string): Promise<{ signer: PassSigner; publicJwk: JWK }> {
  const { publicKey, privateKey } = await generateKeyPair(PASS_ALG, { crv: 'Ed25519', extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: PASS_ALG, use: 'sig' };
  return { signer: { kid, privateKey }, publicJwk };
}
