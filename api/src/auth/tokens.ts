import { createHash, randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { Role } from '../common/permission.js';
import { AuthErrors } from './auth.errors.js';
import { type KeyStore, TOKEN_ALG } from './key-store.js';

export const ACCESS_TYP = 'at+jwt';
export const AUDIENCE = 'park-api';

export interface AccessClaims {
  sub: string;
  pid: string | null;
  roles: Role[];
  usr: string;
}

export async function signAccessToken(
  keys: KeyStore,
  issuer: string,
  ttlSeconds: number,
  claims: AccessClaims,
) {
  const key = keys.signingKey();
  if (!key) throw new Error('no active signing key');
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  const token = await new SignJWT({ pid: claims.pid, roles: claims.roles, usr: claims.usr })
    .setProtectedHeader({ alg: TOKEN_ALG, kid: key.kid, typ: ACCESS_TYP })
    .setSubject(claims.sub)
    .setIssuer(issuer)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key.privateKey);
  return { token, expiresAt };
}

// Verified tokens, until they expire: the same string always verifies the same way, and the
// signature check is most of what a request spends on auth. Bounded; the oldest entry goes first.
const verified = new Map<string, { claims: AccessClaims; exp: number; kid: string }>();
const VERIFIED_MAX = 10_000;

/** Verifies with an alg allow-list and kid lookup; any failure is a typed, Chinese error. */
export async function verifyAccessToken(
  keys: KeyStore,
  issuer: string,
  token: string,
): Promise<AccessClaims> {
  const hit = verified.get(token);
  // A retired key ends its tokens at once, cached or not.
  if (hit && hit.exp > Date.now() / 1000 && keys.isLive(hit.kid)) return hit.claims;
  const result = await verifyUncached(keys, issuer, token);
  if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value!);
  verified.set(token, result);
  return result.claims;
}

async function verifyUncached(keys: KeyStore, issuer: string, token: string) {
  try {
    const { payload, protectedHeader } = await jwtVerify(
      token,
      async (header) => {
        const key = header.kid ? await keys.verificationKey(header.kid) : undefined;
        if (!key) throw AuthErrors.tokenInvalid();
        return key;
      },
      { algorithms: [TOKEN_ALG], issuer, audience: AUDIENCE, typ: ACCESS_TYP },
    );
    if (typeof payload.sub !== 'string' || !Array.isArray(payload.roles) || typeof payload.exp !== 'number') {
      throw AuthErrors.tokenInvalid();
    }
    const claims: AccessClaims = {
      sub: payload.sub,
      pid: (payload.pid as string) ?? null,
      roles: payload.roles as Role[],
      usr: String(payload.usr),
    };
    return { claims, exp: payload.exp, kid: protectedHeader.kid! };
  } catch (err) {
    if (err instanceof errors.JWTExpired) throw AuthErrors.tokenExpired();
    throw AuthErrors.tokenInvalid();
  }
}

export function newOpaqueToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashOpaqueToken(token) };
}

export function hashOpaqueToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
