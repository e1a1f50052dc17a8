// The gate's offline check of a dynamic QR pass.
//
// Why node:crypto and not jose on the gate: jose verifies through WebCrypto, which is asynchronous:
// each signature is a promise plus a job on libuv's thread pool (shared with the bridge's disk
// journal), after jose's general JOSE checks. Warm, one `jwtVerify` after another reached 0.65–0.8×
// the rate of bare `crypto.verify` on the 2-core reference box. The bridge decides scans one at a time
// on one core, so it verifies the standard compact JWS itself: strict parsing of exactly the header
// the issuer writes, then one synchronous `crypto.verify(null, signingInput, key, signature)` with a
// KeyObject imported once per key: ~0.9× bare (`pnpm bench gate`). The tokens stay ordinary JWS signed
// by jose; the tests check that jose's jwtVerify accepts them.
import { verify as verifyEd25519 } from 'node:crypto';
import { importPublicJwks, type Jwks, type PassKeySet } from './pass-keys.js';
import { decodeId, PASS_ALG, PASS_MAX_CHARS, PASS_MAX_VALIDITY_SECONDS, PASS_TYP } from './pass-token.js';
import { ReplayWindow } from './replay-window.js';

export type PassRefusal = 'QR_EXPIRED' | 'QR_REPLAYED' | 'QR_BAD_SIGNATURE' | 'QR_MALFORMED';

export interface PassAccepted {
  ok: true;
  personId: string;
  installationId: string;
  jti: string;
  /** Epoch seconds. */
  exp: number;
  site?: string;
}

export interface PassRefused {
  ok: false;
  reason: PassRefusal;
  /** Which check failed, for the log; never shown to the person at the gate. */
  detail: string;
}

export type PassCheck = PassAccepted | PassRefused;

export interface PassVerifierOptions {
  keys: Jwks | PassKeySet;
  /** Tolerated difference between the gate's clock and the issuer's, both ways. */
  clockSkewSeconds?: number;
  /** Shared by every lane of the site; a verifier of its own when omitted. */
  replayWindow?: ReplayWindow;
  /** This site's id: passes issued for another site (`aud`) are refused. */
  site?: string;
}

export interface PassVerifier {
  /** `now`: a Date or epoch milliseconds. A pass that verifies is marked used in the replay window. */
  verify(token: string, now?: Date | number): PassCheck;
  /** Rotation: the next key arrives before it signs, a retired one leaves; kids not listed stop verifying. */
  setKeys(keys: Jwks | PassKeySet): void;
  readonly replayWindow: ReplayWindow;
}

const B64URL = /^[A-Za-z0-9_-]+$/;
const JTI = /^[A-Za-z0-9_-]{16,64}$/;
const SIGNATURE_CHARS = 86; // 64 bytes
const MAX_ID_CHARS = 128;

const refuse = (reason: PassRefusal, detail: string): PassCheck => ({ ok: false, reason, detail });

function decodeJson(segment: string): Record<string, unknown> | undefined {
  if (!B64URL.test(segment) || segment.length % 4 === 1) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID_CHARS;
const isTime = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;

export function createPassVerifier(opts: PassVerifierOptions): PassVerifier {
  const skew = opts.clockSkewSeconds ?? 5;
  if (!(skew >= 0 && skew <= 30)) throw new RangeError('clockSkewSeconds must be 0–30');
  const window = opts.replayWindow ?? new ReplayWindow();
  let keys: PassKeySet = new Map();
  // Every pass signed by one key has the same header segment, so the checks on it run once per key.
  let headers = new Map<string, string>();

  const setKeys = (next: Jwks | PassKeySet) => {
    keys = next instanceof Map ? next : importPublicJwks(next as Jwks);
    headers = new Map();
  };
  setKeys(opts.keys);

  /** The kid of an acceptable header, or the refusal. */
  function checkHeader(segment: string): string | PassCheck {
    const known = headers.get(segment);
    if (known !== undefined) return known;
    const header = decodeJson(segment);
    if (!header) return refuse('QR_MALFORMED', 'header is not base64url JSON');
    // Exactly what the issuer writes: an alg allow-list of one, the pass typ, a kid, nothing else
    // (no `crit`, `jwk`, `jku`, `b64`: nothing that could change how the signature is read).
    if (header.alg !== PASS_ALG) return refuse('QR_BAD_SIGNATURE', `alg ${String(header.alg)} not allowed`);
    if (header.typ !== PASS_TYP) return refuse('QR_BAD_SIGNATURE', `typ ${String(header.typ)} is not a pass`);
    if (typeof header.kid !== 'string') return refuse('QR_BAD_SIGNATURE', 'no kid');
    if (Object.keys(header).length !== 3) return refuse('QR_BAD_SIGNATURE', 'unexpected header parameters');
    if (!keys.has(header.kid)) return refuse('QR_BAD_SIGNATURE', `unknown kid ${header.kid.slice(0, 40)}`);
    if (headers.size < 64) headers.set(segment, header.kid);
    return header.kid;
  }

  function verify(token: string, now: Date | number = Date.now()): PassCheck {
    if (typeof token !== 'string' || token.length > PASS_MAX_CHARS)
      return refuse('QR_MALFORMED', 'not a string or too long');
    const dot1 = token.indexOf('.');
    const dot2 = token.indexOf('.', dot1 + 1);
    if (dot1 <= 0 || dot2 <= dot1 + 1 || token.indexOf('.', dot2 + 1) !== -1)
      return refuse('QR_MALFORMED', 'not three segments');
    const kid = checkHeader(token.slice(0, dot1));
    if (typeof kid !== 'string') return kid;
    const claims = decodeJson(token.slice(dot1 + 1, dot2));
    if (!claims) return refuse('QR_MALFORMED', 'payload is not base64url JSON');
    const sigSegment = token.slice(dot2 + 1);
    if (!B64URL.test(sigSegment)) return refuse('QR_MALFORMED', 'signature is not base64url');
    // 64 bytes, canonically encoded: one signature has one spelling.
    const signature =
      sigSegment.length === SIGNATURE_CHARS ? Buffer.from(sigSegment, 'base64url') : undefined;
    if (!signature || signature.toString('base64url') !== sigSegment)
      return refuse('QR_BAD_SIGNATURE', 'signature is not 64 canonical bytes');
    const key = keys.get(kid)!;
    if (!verifyEd25519(null, Buffer.from(token.slice(0, dot2), 'latin1'), key, signature))
      return refuse('QR_BAD_SIGNATURE', 'signature does not verify');

    // Signed by us from here on: what remains are claims our issuer would never write, and time.
    const { sub, ins, jti, iat, nbf, exp, aud } = claims;
    if (!isId(sub) || !isId(ins) || typeof jti !== 'string' || !JTI.test(jti))
      return refuse('QR_MALFORMED', 'sub, ins or jti missing or invalid');
    if (!isTime(iat) || !isTime(nbf) || !isTime(exp) || exp <= nbf)
      return refuse('QR_MALFORMED', 'iat, nbf or exp missing or invalid');
    if (exp - nbf > PASS_MAX_VALIDITY_SECONDS) return refuse('QR_MALFORMED', 'valid for longer than allowed');
    if (aud !== undefined && typeof aud !== 'string') return refuse('QR_MALFORMED', 'aud is not a string');
    const site = aud === undefined ? undefined : decodeId(aud);
    if (site !== undefined && opts.site !== undefined && site !== opts.site)
      return refuse('QR_BAD_SIGNATURE', 'issued for another site');

    const t = (typeof now === 'number' ? now : now.getTime()) / 1000;
    if (t >= exp + skew) return refuse('QR_EXPIRED', 'expired');
    if (t < nbf - skew) return refuse('QR_EXPIRED', 'not valid yet');
    const marked = window.markUsed(jti, exp + skew, t);
    if (marked === 'replayed') return refuse('QR_REPLAYED', 'jti already used');
    if (marked === 'full') return refuse('QR_REPLAYED', 'replay window full: failing closed');
    return { ok: true, personId: decodeId(sub), installationId: decodeId(ins), jti, exp, site };
  }

  return {
    verify,
    setKeys,
    get replayWindow() {
      return window;
    },
  };
}
