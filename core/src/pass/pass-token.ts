// The dynamic QR pass: a compact JWS (RFC 7515) signed with Ed25519, shown by the phone as a QR code
// that changes every 30 s. The issuer (API) signs with jose; the gate verifies offline with the public
// key alone (pass-verifier.ts). Both sides share the constants and the claim encoding below.

export const PASS_ALG = 'EdDSA';
export const PASS_TYP = 'park-pass+jwt';
/** A pass is never valid for longer than this; the verifier refuses longer windows even if signed. */
export const PASS_MAX_VALIDITY_SECONDS = 60;
/** Longest input the verifier reads: real passes are ~350–420 characters (QR version ≤ 15). */
export const PASS_MAX_CHARS = 1024;

/** The payload as it travels. `sub` and `ins` are compacted when they are UUIDs (see encodeId). */
export interface PassClaims {
  sub: string;
  ins: string;
  jti: string;
  iat: number;
  nbf: number;
  exp: number;
  aud?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COMPACT_UUID = /^[A-Za-z0-9_-]{21}[AQgw]$/;

/**
 * Person, installation and site ids are UUIDs; in the token they travel as 22 base64url characters instead
 * of 36, which keeps the QR code one or two versions smaller. A 22-character base64url string is
 * therefore always read as a compacted UUID, so the issuer refuses any other id of that shape.
 */
export function encodeId(id: string): string {
  if (UUID.test(id)) return Buffer.from(id.replaceAll('-', ''), 'hex').toString('base64url');
  if (COMPACT_UUID.test(id)) throw new RangeError(`id "${id}" would be read back as a UUID`);
  return id;
}

export function decodeId(claim: string): string {
  if (!COMPACT_UUID.test(claim)) return claim;
  const hex = Buffer.from(claim, 'base64url').toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
