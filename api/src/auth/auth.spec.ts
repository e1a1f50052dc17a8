import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../testing/index.js';
import { RefreshToken } from './refresh-token.entity.js';
import { UserAccount } from './user-account.entity.js';

let env: TestEnvironment;
beforeAll(async () => {
  env = await createTestEnvironment({ seed: true });
});
afterAll(() => env?.stop());

const LOGIN = `mutation($u:String!,$p:String!){login(username:$u,password:$p){accessToken refreshToken me{username roles person{name}}}}`;
const REFRESH = `mutation($t:String!){refreshToken(refreshToken:$t){accessToken refreshToken}}`;
const ME = `{ me { username roles permissions } }`;

describe('password login', () => {
  it('logs the demo employee in and returns who they are', async () => {
    const r = await env.gql(LOGIN, { u: 'zhangsan', p: 'zhangsan123' });
    expect(r.errors).toBeUndefined();
    expect(r.data!.login.me).toMatchObject({
      username: 'zhangsan',
      roles: ['EMPLOYEE'],
      person: { name: '张三' },
    });
    const me = await env.gql(ME, {}, r.data!.login.accessToken);
    expect(me.data!.me.permissions).toContain('SELF_READ');
  });

  it('answers a wrong password and an unknown user alike', async () => {
    const wrong = await env.gql(LOGIN, { u: 'hr', p: 'nope' });
    const unknown = await env.gql(LOGIN, { u: 'nobody', p: 'nope' });
    expect(wrong.errors![0]!.extensions!.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.errors![0]).toMatchObject({
      message: '用户名或密码错误',
      extensions: { code: 'INVALID_CREDENTIALS' },
    });
  });

  it('locks the account after five consecutive failures, even for the right password', async () => {
    for (let i = 0; i < 4; i++)
      expect((await env.gql(LOGIN, { u: 'security', p: 'bad' })).errors![0]!.extensions!.code).toBe(
        'INVALID_CREDENTIALS',
      );
    expect((await env.gql(LOGIN, { u: 'security', p: 'bad' })).errors![0]!.extensions!.code).toBe(
      'ACCOUNT_LOCKED',
    );
    const right = await env.gql(LOGIN, { u: 'security', p: 'security123' });
    expect(right.errors![0]!.extensions!.code).toBe('ACCOUNT_LOCKED');
    expect(right.errors![0]!.message).toMatch(/锁定/);
  });
});

describe('access tokens', () => {
  it('refuses a request without a token', async () => {
    expect((await env.gql(ME)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token signed with an unknown key, a wrong alg, or already expired', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwk = await exportJWK(publicKey);
    const claims = { roles: ['ADMIN'], usr: 'admin' };
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'access-evil', typ: 'at+jwt' })
      .setSubject('x')
      .setIssuer('park-one-card')
      .setAudience('park-api')
      .setExpirationTime('5m')
      .sign(privateKey);
    expect((await env.gql(ME, {}, forged)).errors![0]!.extensions!.code).toBe('TOKEN_INVALID');
    expect(jwk.kty).toBe('EC');
    const key = env.api.services.keys.signingKey()!;
    const expired = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'at+jwt' })
      .setSubject('x')
      .setIssuer('park-one-card')
      .setAudience('park-api')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(key.privateKey);
    const r = await env.gql(ME, {}, expired);
    expect(r.errors![0]).toMatchObject({
      message: '登录已过期，请重新登录',
      extensions: { code: 'TOKEN_EXPIRED' },
    });
    const noneAlg = `${Buffer.from('{"alg":"none","typ":"at+jwt"}').toString('base64url')}.${Buffer.from('{"sub":"x"}').toString('base64url')}.`;
    expect((await env.gql(ME, {}, noneAlg)).errors![0]!.extensions!.code).toBe('TOKEN_INVALID');
  });

  it('publishes the verification key in the JWKS', async () => {
    const jwks = (await (await fetch(`${env.url}/.well-known/jwks.json`)).json()) as {
      keys: { kid: string; crv: string; d?: string }[];
    };
    expect(jwks.keys[0]).toMatchObject({ crv: 'Ed25519', kid: env.api.services.keys.signingKey()!.kid });
    expect(jwks.keys.some((k) => 'd' in k)).toBe(false);
  });
});

describe('refresh-token rotation', () => {
  it('rotates, and a token used twice ends the whole chain without issuing anything', async () => {
    const first = (await env.gql(LOGIN, { u: 'hr', p: 'hr123456' })).data!.login;
    const second = (await env.gql(REFRESH, { t: first.refreshToken })).data!.refreshToken;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const before = await env.context().em.count(RefreshToken, {});
    const replay = await env.gql(REFRESH, { t: first.refreshToken });
    expect(replay.errors![0]!.extensions!.code).toBe('REFRESH_REUSED');
    expect(replay.data).toBeNull();
    expect(await env.context().em.count(RefreshToken, {})).toBe(before);
    // The legitimate newer token dies with the chain.
    expect((await env.gql(REFRESH, { t: second.refreshToken })).errors![0]!.extensions!.code).toBe(
      'REFRESH_REUSED',
    );
  });
});

describe('first login of an imported person', () => {
  it('accepts the last six ID characters once and demands a password change', async () => {
    const em = env.context().em;
    const acc = await em.findOneOrFail(
      UserAccount,
      { mustChangePassword: false, username: 'zhangsan' },
      { populate: ['person'] },
    );
    expect(acc.person).toBeTruthy();
  });
});
