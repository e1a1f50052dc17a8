import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { failure, ok } from '../testing/helpers.js';
import { createTestEnvironment, type TestEnvironment } from '../testing/index.js';

const ROTATE = `mutation($s:Int!){rotateSigningKey(activateInSeconds:$s){kid activatesAt retiredAt}}`;
const RETIRE = `mutation($k:String!){retireSigningKey(kid:$k){kid retiredAt}}`;
const KEYS = `{signingKeys{kid retiredAt}}`;
const ME = `{me{username}}`;

const kidOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()).kid as string;
const jwks = async (env: TestEnvironment) =>
  ((await (await fetch(`${env.url}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] }).keys.map(
    (k) => k.kid,
  );

let env: TestEnvironment;
let admin: string;
beforeAll(async () => {
  env = await createTestEnvironment({ seed: true });
  admin = await env.login('admin', 'admin123');
});
afterAll(() => env?.stop());

describe('signing-key rotation', () => {
  it('publishes a new key at once but signs with it only from its activation time', async () => {
    const oldKid = kidOf(admin);
    const later = ok(await env.gql(ROTATE, { s: 3600 }, admin)).rotateSigningKey;
    expect(await jwks(env)).toEqual(expect.arrayContaining([oldKid, later.kid]));
    expect(kidOf(await env.login('hr', 'hr123456'))).toBe(oldKid);
    const now = ok(await env.gql(ROTATE, { s: 0 }, admin)).rotateSigningKey;
    expect(kidOf(await env.login('hr', 'hr123456'))).toBe(now.kid);
    // Tokens signed before the rotation still verify.
    expect(ok(await env.gql(ME, {}, admin)).me.username).toBe('admin');
  });

  it('retiring a key ends its tokens at once, even ones already verified and cached', async () => {
    const oldKid = kidOf(admin);
    const fresh = await env.login('admin', 'admin123');
    expect(kidOf(fresh)).not.toBe(oldKid);
    ok(await env.gql(RETIRE, { k: oldKid }, fresh));
    expect(failure(await env.gql(ME, {}, admin)).code).toBe('TOKEN_INVALID');
    expect(await jwks(env)).not.toContain(oldKid);
    const actions = (
      await env.context().em.find(AuditEntry, { entityType: 'SigningKey' }, { orderBy: { seq: 'asc' } })
    ).map((e) => e.action);
    expect(actions).toEqual(['SIGNING_KEY_ROTATE', 'SIGNING_KEY_ROTATE', 'SIGNING_KEY_RETIRE']);
  });

  it('refuses to retire the only key that can sign, and keeps key management to admins', async () => {
    const fresh = await env.login('admin', 'admin123');
    const live = ok(await env.gql(KEYS, {}, fresh)).signingKeys.filter(
      (k: { retiredAt: string | null }) => !k.retiredAt,
    );
    const signing = kidOf(fresh);
    for (const k of live) if (k.kid !== signing) ok(await env.gql(RETIRE, { k: k.kid }, fresh));
    expect(failure(await env.gql(RETIRE, { k: signing }, fresh)).code).toBe('LAST_KEY');
    const hr = await env.login('hr', 'hr123456');
    expect(failure(await env.gql(ROTATE, { s: 0 }, hr)).code).toBe('FORBIDDEN');
  });
});
