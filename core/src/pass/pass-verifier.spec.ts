import { createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { b64, ed25519Key, forge, PERSON, PHONE, passClaims, passHeader, T0 } from './pass.fixtures.js';
import { issuePassBatch } from './pass-issuer.js';
import { importPublicJwks } from './pass-keys.js';
import { createPassVerifier } from './pass-verifier.js';
import { ReplayWindow } from './replay-window.js';

const current = ed25519Key('pass-current');
const next = ed25519Key('pass-next');
const jwks = { keys: [current.publicJwk] };
const signed = (claims: unknown = passClaims(), header = passHeader(current.kid)) =>
  forge(header, claims, { ed25519: current.privateKey });
const gate = (opts: Partial<Parameters<typeof createPassVerifier>[0]> = {}) =>
  createPassVerifier({ keys: jwks, clockSkewSeconds: 2, ...opts });
const refusal = (check: ReturnType<ReturnType<typeof gate>['verify']>) => (check.ok ? 'OK' : check.reason);

describe('verifying a pass at the gate', () => {
  it('lets a freshly issued pass through and names the person and the phone', async () => {
    const { codes } = await issuePassBatch(current, {
      personId: PERSON,
      installationId: PHONE,
      from: T0,
      count: 1,
    });
    expect(gate().verify(codes[0]!.token, T0)).toMatchObject({
      ok: true,
      personId: PERSON,
      installationId: PHONE,
    });
  });

  it('refuses a pass whose signature was tampered with', () => {
    const token = signed();
    const flipped = token.slice(0, -3) + (token.at(-3) === 'A' ? 'B' : 'A') + token.slice(-2);
    expect(refusal(gate().verify(flipped, T0))).toBe('QR_BAD_SIGNATURE');
  });

  it('refuses a pass whose person was swapped under the original signature', () => {
    const [header, , signature] = signed().split('.');
    const swapped = `${header}.${b64(passClaims(T0, { sub: 'someone-else' }))}.${signature}`;
    expect(refusal(gate().verify(swapped, T0))).toBe('QR_BAD_SIGNATURE');
  });

  it('refuses a pass signed by another key that claims the same kid', () => {
    const impostor = ed25519Key(current.kid);
    const token = forge(passHeader(current.kid), passClaims(), { ed25519: impostor.privateKey });
    expect(refusal(gate().verify(token, T0))).toBe('QR_BAD_SIGNATURE');
  });

  it("refuses alg 'none'", () => {
    const token = forge({ ...passHeader(current.kid), alg: 'none' }, passClaims(), 'unsigned');
    expect(gate().verify(token, T0)).toMatchObject({ ok: false, reason: 'QR_BAD_SIGNATURE', detail: /alg/ });
  });

  it('refuses HS256 keyed with the public key (algorithm confusion)', () => {
    const publicBytes = createPublicKey(current.privateKey).export({ format: 'der', type: 'spki' });
    for (const secret of [
      publicBytes,
      Buffer.from(current.publicJwk.x!, 'base64url'),
      Buffer.from(current.publicJwk.x!),
    ]) {
      const token = forge({ ...passHeader(current.kid), alg: 'HS256' }, passClaims(), { hmac: secret });
      expect(gate().verify(token, T0)).toMatchObject({
        ok: false,
        reason: 'QR_BAD_SIGNATURE',
        detail: /alg/,
      });
    }
  });

  it('refuses ES256, even with a valid P-256 signature', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const input = `${b64({ ...passHeader(current.kid), alg: 'ES256' })}.${b64(passClaims())}`;
    const sig = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
    expect(gate().verify(`${input}.${sig.toString('base64url')}`, T0)).toMatchObject({
      ok: false,
      reason: 'QR_BAD_SIGNATURE',
      detail: /alg/,
    });
  });

  it('refuses a token of another type, or without one, even when signed with the pass key', () => {
    for (const typ of ['JWT', 'at+jwt', undefined]) {
      const token = signed(passClaims(), { ...passHeader(current.kid), typ } as never);
      expect(gate().verify(token, T0)).toMatchObject({
        ok: false,
        reason: 'QR_BAD_SIGNATURE',
        detail: /typ/,
      });
    }
  });

  it('refuses headers with anything beyond alg, kid and typ (crit, an embedded jwk)', () => {
    for (const extra of [{ crit: ['exp'] }, { jwk: current.publicJwk }, { b64: false }]) {
      expect(refusal(gate().verify(signed(passClaims(), passHeader(current.kid, extra)), T0))).toBe(
        'QR_BAD_SIGNATURE',
      );
    }
  });

  it('refuses a pass signed with a kid the gate does not know', () => {
    const stranger = ed25519Key('pass-unknown');
    const token = forge(passHeader(stranger.kid), passClaims(), { ed25519: stranger.privateKey });
    expect(gate().verify(token, T0)).toMatchObject({ ok: false, reason: 'QR_BAD_SIGNATURE', detail: /kid/ });
  });

  it('refuses a pass that expired a second ago, beyond the tolerated skew', () => {
    const token = signed();
    const exp = passClaims().exp * 1000;
    expect(gate().verify(token, exp + 2_000 + 1_000)).toMatchObject({ ok: false, reason: 'QR_EXPIRED' });
    expect(gate().verify(token, exp + 1_000).ok).toBe(true); // within the 2 s skew
  });

  it('refuses a pass that is not valid yet', () => {
    const token = signed(passClaims(T0 + 30_000));
    expect(gate().verify(token, T0)).toMatchObject({
      ok: false,
      reason: 'QR_EXPIRED',
      detail: 'not valid yet',
    });
    expect(gate().verify(token, T0 + 28_500).ok).toBe(true);
  });

  it('refuses a pass replayed at another lane of the same site', () => {
    const site = new ReplayWindow();
    const lane1 = gate({ replayWindow: site });
    const lane2 = gate({ replayWindow: site });
    const token = signed();
    expect(lane1.verify(token, T0).ok).toBe(true);
    expect(refusal(lane2.verify(token, T0 + 5_000))).toBe('QR_REPLAYED');
    expect(refusal(lane1.verify(token, T0 + 6_000))).toBe('QR_REPLAYED');
  });

  it('refuses a pass issued for another site', () => {
    const token = signed(passClaims(T0, { aud: 'site-east' }));
    expect(refusal(gate({ site: 'site-west' }).verify(token, T0))).toBe('QR_BAD_SIGNATURE');
    expect(gate({ site: 'site-east' }).verify(token, T0)).toMatchObject({ ok: true, site: 'site-east' });
  });

  it('refuses garbage: wrong shape, bad base64, bad JSON, JSON that is not an object', () => {
    const good = signed();
    const [h, p, s] = good.split('.');
    const cases = [
      '',
      'hello',
      'https://weixin.qq.com/r/abc',
      `${h}.${p}`,
      `${good}.x`,
      `${h}..${s}`,
      `${h}.${p}!.${s}`,
      `${h}.${p}.${s}=`,
      `${b64('{"alg":"EdDSA"')}.${p}.${s}`,
      `${h}.${b64('not json')}.${s}`,
      `${h}.${b64('[1,2]')}.${s}`,
      `${h}.${b64('null')}.${s}`,
    ];
    for (const token of cases)
      expect([token, refusal(gate().verify(token, T0))]).toEqual([token, 'QR_MALFORMED']);
    expect(refusal(gate().verify(42 as unknown as string, T0))).toBe('QR_MALFORMED');
  });

  it('refuses oversize input before reading it', () => {
    const huge = signed(passClaims(T0, { pad: 'x'.repeat(2_000) }));
    expect(gate().verify(huge, T0)).toMatchObject({ ok: false, reason: 'QR_MALFORMED', detail: /too long/ });
  });

  it('refuses validly signed claims the issuer would never write', () => {
    const t = T0 / 1000;
    for (const claims of [
      passClaims(T0, { jti: undefined }),
      passClaims(T0, { jti: 'short' }),
      passClaims(T0, { sub: 42 }),
      passClaims(T0, { ins: '' }),
      passClaims(T0, { exp: t + 3600 }),
      passClaims(T0, { nbf: 'now' }),
      passClaims(T0, { exp: t - 1, nbf: t }),
      passClaims(T0, { aud: ['a', 'b'] }),
    ]) {
      expect(refusal(gate().verify(signed(claims), T0))).toBe('QR_MALFORMED');
    }
  });

  it('refuses a signature that is not 64 bytes or not canonically encoded', () => {
    const [h, p, s] = signed().split('.');
    expect(refusal(gate().verify(`${h}.${p}.${s!.slice(0, -4)}`, T0))).toBe('QR_BAD_SIGNATURE');
    // The last of 86 characters carries 2 bits of the signature and 4 that must be zero.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(s!.at(-1)!) ^ 1];
    expect(refusal(gate().verify(`${h}.${p}.${s!.slice(0, -1)}${sibling}`, T0))).toBe('QR_BAD_SIGNATURE');
  });
});

describe('rotating pass keys', () => {
  it('accepts passes from the old and the new key while both are published', () => {
    const both = gate({ keys: { keys: [current.publicJwk, next.publicJwk] } });
    expect(both.verify(signed(), T0).ok).toBe(true);
    const fromNext = forge(passHeader(next.kid), passClaims(), { ed25519: next.privateKey });
    expect(both.verify(fromNext, T0).ok).toBe(true);
  });

  it('refuses passes from a key once it is removed from the set', () => {
    const lane = gate({ keys: { keys: [current.publicJwk, next.publicJwk] } });
    expect(lane.verify(signed(), T0).ok).toBe(true); // the header is now cached
    lane.setKeys(importPublicJwks({ keys: [next.publicJwk] }));
    expect(lane.verify(signed(), T0)).toMatchObject({ ok: false, reason: 'QR_BAD_SIGNATURE', detail: /kid/ });
    const fromNext = forge(passHeader(next.kid), passClaims(), { ed25519: next.privateKey });
    expect(lane.verify(fromNext, T0).ok).toBe(true);
  });

  it('refuses to load a private key, another curve, a key without kid or a duplicate kid', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const withD = { ...privateKey.export({ format: 'jwk' }), kid: 'k' };
    const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
    expect(() => importPublicJwks({ keys: [withD] })).toThrow(/private/);
    expect(() => importPublicJwks({ keys: [{ ...p256, kid: 'k' }] })).toThrow(/Ed25519/);
    expect(() => importPublicJwks({ keys: [{ ...current.publicJwk, kid: undefined }] })).toThrow(/kid/);
    expect(() => importPublicJwks({ keys: [current.publicJwk, current.publicJwk] })).toThrow(/twice/);
    expect(() => importPublicJwks({ keys: [{ ...current.publicJwk, alg: 'ES256' }] })).toThrow(/alg/);
  });
});
