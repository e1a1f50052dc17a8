import { Authorized, getMetadataStorage, Query, Resolver } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RefreshToken } from '../auth/refresh-token.entity.js';
import { Permission } from '../common/permission.js';
import { CHINESE, CREATE_PERSON, failure, newEmployee } from '../testing/helpers.js';
import { createTestEnvironment, type TestEnvironment } from '../testing/index.js';
import { collect, wsClient } from '../testing/ws.js';
import { unguardedOperations } from './guard.js';
import { resolvers } from './schema.js';

let env: TestEnvironment;
beforeAll(async () => {
  env = await createTestEnvironment({ seed: true });
});
afterAll(() => env?.stop());

type GqlBody = { errors: { message: string; extensions: { code: string } }[] };
const post = (body: string, headers: Record<string, string>) =>
  fetch(`${env.url}/graphql`, { method: 'POST', headers, body });

describe('the HTTP endpoint', () => {
  it('reports the database up on /health', async () => {
    const res = await fetch(`${env.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', db: 'up', dbLatencyMs: expect.any(Number) });
  });

  it('refuses a text/plain POST, the kind a foreign page can send without asking (CSRF)', async () => {
    const before = await env.context().em.count(RefreshToken, {});
    const login = JSON.stringify({
      query: 'mutation { login(username: "hr", password: "hr123456") { accessToken } }',
    });
    const res = await post(login, { 'content-type': 'text/plain' });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF/);
    expect(await env.context().em.count(RefreshToken, {})).toBe(before);
    const asJson = await post(login, { 'content-type': 'application/json' });
    expect(asJson.status).toBe(200);
  });

  it('answers a body that is not JSON with 400 BAD_REQUEST and one that is too long with 413', async () => {
    const bad = await post('{"query": "{ me { username } }"', { 'content-type': 'application/json' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as GqlBody).errors[0]).toEqual({
      message: '请求体不是合法的 JSON',
      extensions: { code: 'BAD_REQUEST' },
    });
    const small = await createTestEnvironment({ env: { BODY_LIMIT: '1kb' } });
    try {
      const long = JSON.stringify({ query: `{ me { username } } # ${'x'.repeat(2048)}` });
      const res = await fetch(`${small.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: long,
      });
      expect(res.status).toBe(413);
      expect(((await res.json()) as GqlBody).errors[0]!.extensions.code).toBe('PAYLOAD_TOO_LARGE');
      const fine = await fetch(`${small.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ query: '{ me { username } }' }),
      });
      expect(((await fine.json()) as GqlBody).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    } finally {
      await small.stop();
    }
  });

  it('lets a listed origin call from a browser and gives others no CORS header', async () => {
    const cross = await createTestEnvironment({ env: { CORS_ORIGINS: 'https://pass.plant.example' } });
    try {
      const ask = (origin: string) =>
        fetch(`${cross.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin },
          body: JSON.stringify({ query: '{ me { username } }' }),
        });
      const listed = await ask('https://pass.plant.example');
      expect(listed.headers.get('access-control-allow-origin')).toBe('https://pass.plant.example');
      expect(listed.headers.get('vary')).toMatch(/Origin/);
      const other = await ask('https://evil.example');
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await fetch(`${cross.url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://pass.plant.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,authorization',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    } finally {
      await cross.stop();
    }
  });

  it('refuses a batch of operations in one POST, which would multiply every per-query limit', async () => {
    const one = { query: '{ me { username } }' };
    const res = await post(JSON.stringify(Array.from({ length: 50 }, () => one)), {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(400);
  });

  it('masks an unexpected failure as 服务器内部错误 with an id, over HTTP and WebSocket, and logs who and where', async () => {
    const hr = await env.login('hr', 'hr123456');
    const sql = (q: string) => env.orm.em.getConnection().execute(q);
    const logged = vi.spyOn(env.api.services.log, 'error');
    await sql('alter table contractor_company rename to contractor_company_away');
    try {
      const query = 'query Companies { contractorCompanies { name } }';
      const client = wsClient(env, hr);
      const [overWs] = await collect(client, query, {}, () => true).finished;
      await client.dispose();
      for (const r of [await env.gql(query, {}, hr), overWs!]) {
        const e = r.errors![0]!;
        expect(e.extensions).toEqual({
          code: 'INTERNAL_SERVER_ERROR',
          errorId: expect.stringMatching(/^\w{8}$/),
        });
        expect(e.message).toBe(`服务器内部错误（编号 ${e.extensions!.errorId}）`);
        expect(JSON.stringify(r)).not.toMatch(/contractor_company|relation|select|stack/i);
        expect(logged).toHaveBeenCalledWith(
          expect.objectContaining({
            errorId: e.extensions!.errorId,
            operation: 'Companies',
            field: 'contractorCompanies',
            principal: 'hr',
          }),
          'unexpected error',
        );
      }
    } finally {
      logged.mockRestore();
      await sql('alter table contractor_company_away rename to contractor_company');
    }
  });
});

describe('authorization at the door', () => {
  it('puts @Authorized on every query, mutation and subscription, so nothing is open by default', () => {
    const meta = getMetadataStorage();
    const operations = [...meta.queries, ...meta.mutations, ...meta.subscriptions].filter((op) =>
      (resolvers as readonly unknown[]).includes(op.target),
    );
    expect(operations.length).toBeGreaterThan(20);
    const guarded = (op: (typeof operations)[number]) =>
      meta.authorizedFields.some(
        (a) => a.target === op.target && a.fieldName === op.methodName && a.roles.length > 0,
      ) || meta.authorizedResolver.some((a) => a.target === op.target && a.roles.length > 0);
    expect(operations.filter((op) => !guarded(op)).map((op) => `${op.target.name}.${op.methodName}`)).toEqual(
      [],
    );
  });

  it('would refuse to build the schema around an operation someone forgot to guard', () => {
    @Resolver()
    class ForgetfulResolver {
      @Query(() => String)
      forgotten(): string {
        return 'open to anyone';
      }

      @Authorized(Permission.SELF_READ)
      @Query(() => String)
      remembered(): string {
        return 'closed';
      }
    }
    expect(unguardedOperations([...resolvers, ForgetfulResolver])).toEqual(['ForgetfulResolver.forgotten']);
  });

  it('answers a caller without a token with UNAUTHENTICATED', async () => {
    expect(failure(await env.gql(CREATE_PERSON, { input: newEmployee() }))).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: '请先登录',
    });
  });

  it('answers an employee who tries to create a person with FORBIDDEN, in Chinese', async () => {
    const token = await env.login('zhangsan', 'zhangsan123');
    const e = failure(await env.gql(CREATE_PERSON, { input: newEmployee() }, token));
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).toMatch(CHINESE);
  });
});

describe('in production', () => {
  let prod: TestEnvironment;
  beforeAll(async () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    prod = await createTestEnvironment({
      seed: true,
      env: { NODE_ENV: 'production', DATA_ENCRYPTION_KEY: key },
    });
  });
  afterAll(() => prod?.stop());

  const INTROSPECT = '{ __schema { queryType { name } } }';

  it('does not answer introspection, over HTTP or over the WebSocket', async () => {
    const hr = await prod.login('hr', 'hr123456');
    const http = await prod.gql(INTROSPECT, {}, hr);
    expect(http.data).toBeUndefined();
    expect(http.errors![0]!.message).toMatch(/introspection/i);
    const client = wsClient(prod, hr);
    const [ws] = await collect(client, INTROSPECT, {}, () => true).finished;
    await client.dispose();
    expect(ws!.data ?? null).toBeNull();
    expect(ws!.errors![0]!.message).toMatch(/introspection/i);
    expect((await prod.gql('{ me { username } }', {}, hr)).data).toEqual({ me: { username: 'hr' } });
  });
});
