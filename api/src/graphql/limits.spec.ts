import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHINESE, failure, ok } from '../testing/helpers.js';
import { createTestEnvironment, type TestEnvironment } from '../testing/index.js';
import { collect, wsClient } from '../testing/ws.js';

let env: TestEnvironment;
let hr: string;

beforeAll(async () => {
  env = await createTestEnvironment({ seed: true, env: { GRAPHQL_MAX_DEPTH: '6' } });
  hr = await env.login('hr', 'hr123456');
});
afterAll(() => env?.stop());

const DEEP = `{ kpis { archiveCompleteness { incomplete(limit: 1) { person { post { company { name } } } } } } }`;
const ALIASES = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: me { username }`).join(' ')} }`;
const PAGE = `people(limit: 200) { items { cards { number } vehicles { plate } orgUnit { name } post { company { name } } } }`;
const COSTLY = `{ ${Array.from({ length: 20 }, (_, i) => `p${i}: ${PAGE}`).join(' ')} }`;

const refusal = async (query: string) => {
  const r = await env.gql(query, {}, hr);
  expect(r.data).toBeUndefined();
  return failure(r);
};

describe('query limits', () => {
  it('refuses a query nested deeper than GRAPHQL_MAX_DEPTH with QUERY_TOO_DEEP', async () => {
    const e = await refusal(DEEP);
    expect(e.code).toBe('QUERY_TOO_DEEP');
    expect(e.message).toBe('查询嵌套层数 7 超过上限 6');
    const allowed = DEEP.replace('company { name }', 'name');
    expect(ok(await env.gql(allowed, {}, hr)).kpis.archiveCompleteness.incomplete).toHaveLength(1);
  });

  it('still answers the standard introspection query that GraphiQL and Sandbox send in development', async () => {
    expect(ok(await env.gql(getIntrospectionQuery(), {}, hr)).__schema.queryType.name).toBe('Query');
  });

  it('refuses more aliases than GRAPHQL_MAX_ALIASES with TOO_MANY_ALIASES', async () => {
    expect(await refusal(ALIASES)).toMatchObject({
      code: 'TOO_MANY_ALIASES',
      message: '查询别名数 31 超过上限 30',
    });
    expect(ok(await env.gql(ALIASES.replace(/a30: me \{ username \}/, ''), {}, hr)).a29.username).toBe('hr');
  });

  it('refuses a query that would read too many rows with QUERY_TOO_COSTLY', async () => {
    const e = await refusal(COSTLY);
    expect(e.code).toBe('QUERY_TOO_COSTLY');
    expect(e.message).toMatch(CHINESE);
  });

  it('still serves the largest page a client really asks for', async () => {
    expect(ok(await env.gql(`{ ${PAGE} }`, {}, hr)).people.items).toHaveLength(200);
  });

  it('counts a page size passed as a variable at the largest page the API serves', async () => {
    const asVariables = `query($n: Int) { ${Array.from({ length: 20 }, (_, i) => `p${i}: ${PAGE.replace('200', '$n')}`).join(' ')} }`;
    const r = await env.gql(asVariables, { n: 200 }, hr);
    expect(failure(r).code).toBe('QUERY_TOO_COSTLY');
  });

  it('sees through fragments', async () => {
    const viaFragments = `{ kpis { ...K } } fragment K on Kpis { archiveCompleteness { incomplete { ... on IncompletePerson { person { ...P } } } } }
      fragment P on Person { post { company { name } } }`;
    expect((await refusal(viaFragments)).code).toBe('QUERY_TOO_DEEP');
  });

  it('refuses a fragment bomb at once instead of spending minutes measuring it', async () => {
    const spreads = Array.from(
      { length: 40 },
      (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
    );
    const bomb = `{ ...F0 } ${spreads.join(' ')} fragment F40 on Query { me { username } }`;
    const started = Date.now();
    expect((await refusal(bomb)).code).toBe('QUERY_TOO_COSTLY');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('applies over the WebSocket too', async () => {
    const client = wsClient(env, hr);
    const [result] = await collect(client, DEEP, {}, () => true).finished;
    await client.dispose();
    expect(result!.errors?.[0]?.extensions?.code ?? result!.errors?.[0]?.message).toMatch(
      /QUERY_TOO_DEEP|嵌套层数/,
    );
  });
});
