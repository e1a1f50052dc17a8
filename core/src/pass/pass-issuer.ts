import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import type { PassSigner } from './pass-keys.js';
import { encodeId, PASS_ALG, PASS_MAX_VALIDITY_SECONDS, PASS_TYP } from './pass-token.js';

export interface PassBatchInput {
  personId: string;
  /** The phone's installation id: a pass is bound to the person and to the device it was issued to. */
  installationId: string;
  /** Site id, put in `aud`: a site's bridge refuses passes issued for another site. */
  site?: string;
  /** When the first code becomes valid (a Date, or epoch milliseconds). */
  from: Date | number;
  count: number;
  /** A new code every this many seconds. */
  stepSeconds?: number;
  /** How long each code stays valid, ≤ 60; longer than the step so a code just replaced still opens. */
  validitySeconds?: number;
}

export interface PassCode {
  token: string;
  jti: string;
  /** Epoch seconds: show this code from `nbf` until the next code's `nbf`; the gate accepts it until `exp`. */
  nbf: number;
  exp: number;
}

export interface PassBatch {
  kid: string;
  issuedAt: number;
  codes: PassCode[];
}

/** 96 random bits: 16 base64url characters, enough that ids never repeat within their minute. */
export const newJti = (): string => randomBytes(12).toString('base64url');

const MAX_COUNT = 120; // one hour at 30 s: a lost phone's supply must run out soon

/**
 * The supply a phone keeps for when it has no signal: `count` codes, each valid `validitySeconds` from
 * its own `nbf`, the `nbf`s `stepSeconds` apart. 20 codes at 30/60 s cover 10.5 minutes with every
 * moment covered by two codes. `passCodes` returns this; the phone renders the QR itself.
 */
export async function issuePassBatch(signer: PassSigner, input: PassBatchInput): Promise<PassBatch> {
  const { count, stepSeconds = 30, validitySeconds = 60 } = input;
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT)
    throw new RangeError(`count must be 1–${MAX_COUNT}`);
  if (
    !Number.isInteger(validitySeconds) ||
    validitySeconds < 1 ||
    validitySeconds > PASS_MAX_VALIDITY_SECONDS
  )
    throw new RangeError(`validitySeconds must be 1–${PASS_MAX_VALIDITY_SECONDS}`);
  if (!Number.isInteger(stepSeconds) || stepSeconds < 1 || stepSeconds > validitySeconds)
    throw new RangeError('stepSeconds must be 1–validitySeconds, or codes would leave gaps');
  if (!input.personId || !input.installationId)
    throw new RangeError('personId and installationId are required');
  const from = Math.floor((input.from instanceof Date ? input.from.getTime() : input.from) / 1000);
  if (!Number.isFinite(from)) throw new RangeError('from is not a valid time');
  const issuedAt = Math.floor(Date.now() / 1000);
  const sub = encodeId(input.personId);
  const ins = encodeId(input.installationId);
  const codes = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const nbf = from + i * stepSeconds;
      const exp = nbf + validitySeconds;
      const jti = newJti();
      const jwt = new SignJWT({ ins })
        .setProtectedHeader({ alg: PASS_ALG, kid: signer.kid, typ: PASS_TYP })
        .setSubject(sub)
        .setJti(jti)
        .setIssuedAt(issuedAt)
        .setNotBefore(nbf)
        .setExpirationTime(exp);
      if (input.site) jwt.setAudience(encodeId(input.site));
      return { token: await jwt.sign(signer.privateKey), jti, nbf, exp };
    }),
  );
  return { kid: signer.kid, issuedAt, codes };
}
