import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { PERSON, PHONE, T0 } from './pass.fixtures.js';
import { issuePassBatch } from './pass-issuer.js';
import { generatePassKey } from './pass-keys.js';
import { PASS_TYP } from './pass-token.js';
import { createPassVerifier } from './pass-verifier.js';

const key = await generatePassKey('pass-1a2b3c4d');
const jwks = { keys: [key.publicJwk] };
const batchOf = (count = 20, extra = {}) =>
  issuePassBatch(key.signer, { personId: PERSON, installationId: PHONE, from: T0, count, ...extra });

describe('issuing a batch of passes', () => {
  it('issues a pass the gate verifies offline, bound to the person and the phone', async () => {
    const { codes } = await batchOf(1);
    const gate = createPassVerifier({ keys: jwks });
    expect(gate.verify(codes[0]!.token, T0 + 1_000)).toEqual({
      ok: true,
      personId: PERSON,
      installationId: PHONE,
      jti: codes[0]!.jti,
      exp: codes[0]!.exp,
      site: undefined,
    });
  });

  it('covers the next ten minutes with a new code every 30 s, each valid 60 s, every moment twice', async () => {
    const { codes } = await batchOf(20);
    const start = T0 / 1000;
    expect(codes.map((c) => c.nbf)).toEqual(Array.from({ length: 20 }, (_, i) => start + 30 * i));
    for (const c of codes) expect(c.exp - c.nbf).toBe(60);
    expect(codes.at(-1)!.exp - start).toBeGreaterThanOrEqual(600);
    for (let t = start + 30; t < codes.at(-1)!.nbf; t += 7) {
      expect(codes.filter((c) => c.nbf <= t && t < c.exp)).toHaveLength(2);
    }
  });

  it('gives every code its own 96-bit id', async () => {
    const { codes } = await batchOf(20);
    expect(new Set(codes.map((c) => c.jti)).size).toBe(20);
    for (const c of codes) expect(c.jti).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });

  it('writes exactly alg EdDSA, the kid and the pass typ in the header', async () => {
    const { codes } = await batchOf(1);
    expect(decodeProtectedHeader(codes[0]!.token)).toEqual({
      alg: 'EdDSA',
      kid: 'pass-1a2b3c4d',
      typ: PASS_TYP,
    });
  });

  it('fits a version 14 QR code at level M, or 15 with a site (UUIDs travel as 22 characters)', async () => {
    const plain = (await batchOf(1)).codes[0]!.token;
    const withSite = (await batchOf(1, { site: 'c2a1e8f0-1b2c-4d3e-8f40-5a6b7c8d9e0f' })).codes[0]!.token;
    expect(plain.length).toBeLessThanOrEqual(362); // byte capacity of version 14 at level M
    expect(withSite.length).toBeLessThanOrEqual(412); // version 15
  });

  it('produces standard JWTs that jose itself accepts', async () => {
    const { codes } = await batchOf(1, { site: 'donggang' });
    const { payload } = await jwtVerify(codes[0]!.token, await importJWK(key.publicJwk, 'EdDSA'), {
      algorithms: ['EdDSA'],
      typ: PASS_TYP,
      audience: 'donggang',
      currentDate: new Date(T0 + 1_000),
    });
    expect(payload.jti).toBe(codes[0]!.jti);
  });

  it('carries ids that are not UUIDs verbatim', async () => {
    const { codes } = await issuePassBatch(key.signer, {
      personId: 'contractor-0042',
      installationId: 'wx-openid-o6_bmjrPTlm6',
      from: T0,
      count: 1,
    });
    const gate = createPassVerifier({ keys: jwks });
    expect(gate.verify(codes[0]!.token, T0)).toMatchObject({
      personId: 'contractor-0042',
      installationId: 'wx-openid-o6_bmjrPTlm6',
    });
  });

  it('refuses an id that would be read back as a compacted UUID', async () => {
    await expect(
      issuePassBatch(key.signer, {
        personId: 'AAAAAAAAAAAAAAAAAAAAAA',
        installationId: PHONE,
        from: T0,
        count: 1,
      }),
    ).rejects.toThrow(RangeError);
  });

  it('refuses codes valid longer than 60 s, steps that leave gaps and oversized batches', async () => {
    await expect(batchOf(1, { validitySeconds: 61 })).rejects.toThrow(/validitySeconds/);
    await expect(batchOf(1, { stepSeconds: 45, validitySeconds: 40 })).rejects.toThrow(/stepSeconds/);
    await expect(batchOf(121)).rejects.toThrow(/count/);
    await expect(batchOf(0)).rejects.toThrow(/count/);
  });
});
