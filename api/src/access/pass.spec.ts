import { createPassVerifier, type Jwks } from '@park/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, ok } from '../testing/helpers.js';
import { createTestEnvironment, type TestEnvironment } from '../testing/index.js';
import { PostAreaGrant } from './post-area-grant.entity.js';

const PASSES = `query($i:String!,$n:Int){passCodes(installationId:$i,count:$n){kid issuedAt codes{token nbf exp}}}`;
const DECIDE = `query($i:DecideAccessInput!){decideAccess(input:$i){
  __typename ... on AccessGranted{personName} ... on AccessDenied{code message}}}`;
const PHONE = 'phone-install-0123456789';

let env: TestEnvironment;
let security: string;
let gate: string;
beforeAll(async () => {
  env = await createTestEnvironment({ seed: true });
  security = await env.login('security', 'security123');
  const area = async (code: string, securityLevel: string, parentId?: string) =>
    ok(
      await env.gql(
        `mutation($i:AreaInput!){createArea(input:$i){id}}`,
        { i: { name: code, code, securityLevel, parentId } },
        security,
      ),
    ).createArea.id;
  const site = await area('SITE', 'PUBLIC');
  const prod = await area('PROD', 'PRODUCTION', site);
  gate = ok(
    await env.gql(
      `mutation($i:PassagePointInput!){createPassagePoint(input:$i){id}}`,
      { i: { name: '生产区闸机', code: 'T1', kind: 'TURNSTILE', fromAreaId: site, toAreaId: prod } },
      security,
    ),
  ).createPassagePoint.id;
  const em = env.context().em;
  const post = (await em.getConnection().execute(`select post_id from person where name = '张三'`))[0]
    .post_id;
  em.create(PostAreaGrant, { post, area: prod });
  await em.flush();
});
afterAll(() => env?.stop());

const scan = async (token: string, at?: string) =>
  ok(await env.gql(DECIDE, { i: { passagePointId: gate, direction: 'IN', qrToken: token, at } }, security))
    .decideAccess;

describe('dynamic QR passes', () => {
  it('hands a phone about ten minutes of 60-second codes, a new one every 30 s', async () => {
    const zhangsan = await env.login('zhangsan', 'zhangsan123');
    const { codes, issuedAt } = ok(await env.gql(PASSES, { i: PHONE }, zhangsan)).passCodes;
    expect(Math.abs(Date.parse(issuedAt) - Date.now())).toBeLessThan(5_000);
    expect(codes).toHaveLength(20);
    const span = (Date.parse(codes.at(-1).exp) - Date.parse(codes[0].nbf)) / 1000;
    expect(span).toBeGreaterThanOrEqual(600);
    for (const c of codes) expect((Date.parse(c.exp) - Date.parse(c.nbf)) / 1000).toBeLessThanOrEqual(60);
  });

  it('verifies offline at a gate with the published pass keys alone, and not with the token keys', async () => {
    const zhangsan = await env.login('zhangsan', 'zhangsan123');
    const { codes } = ok(await env.gql(PASSES, { i: PHONE, n: 2 }, zhangsan)).passCodes;
    const passJwks = (await (await fetch(`${env.url}/.well-known/pass-jwks.json`)).json()) as Jwks;
    const tokenJwks = (await (await fetch(`${env.url}/.well-known/jwks.json`)).json()) as Jwks;
    const gateSide = createPassVerifier({ keys: passJwks });
    expect(gateSide.verify(codes[0].token)).toMatchObject({ ok: true, installationId: PHONE });
    expect(createPassVerifier({ keys: tokenJwks }).verify(codes[1].token)).toMatchObject({
      ok: false,
      reason: 'QR_BAD_SIGNATURE',
    });
  });

  it('opens the gate once per code: a replay, an expired code and garbage are refused with their reasons', async () => {
    const zhangsan = await env.login('zhangsan', 'zhangsan123');
    const { codes } = ok(await env.gql(PASSES, { i: PHONE, n: 3 }, zhangsan)).passCodes;
    expect(await scan(codes[0].token)).toMatchObject({ __typename: 'AccessGranted', personName: '张三' });
    expect(await scan(codes[0].token)).toMatchObject({ __typename: 'AccessDenied', code: 'QR_REPLAYED' });
    const later = new Date(Date.parse(codes[2].exp) + 60_000).toISOString();
    expect(await scan(codes[2].token, later)).toMatchObject({ code: 'QR_EXPIRED' });
    expect(await scan('not-a-pass')).toMatchObject({ code: 'QR_MALFORMED' });
    const forged = `${codes[1].token.slice(0, -4)}AAAA`;
    expect(await scan(forged)).toMatchObject({ code: 'QR_BAD_SIGNATURE' });
  });

  it('gives no passes to an offboarded person, and refuses a bad installation id', async () => {
    const zhangsan = await env.login('zhangsan', 'zhangsan123');
    expect(failure(await env.gql(PASSES, { i: 'short' }, zhangsan)).code).toBe('VALIDATION');
    const hr = await env.login('hr', 'hr123456');
    const id = (
      await env.context().em.getConnection().execute(`select id from person where name = '张三'`)
    )[0].id;
    ok(await env.gql(`mutation($p:ID!){offboardPerson(id:$p,reason:"调离"){exitAt}}`, { p: id }, hr));
    expect(failure(await env.gql(PASSES, { i: PHONE }, zhangsan)).code).toBe('ACCOUNT_DISABLED');
  });
});
