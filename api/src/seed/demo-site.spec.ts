import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../testing/helpers.js';
import { createTestEnvironment, type TestEnvironment } from '../testing/index.js';
import { DEMO_BRIDGE, DEMO_SITE_ID, seedDemoSite } from './demo-site.js';

const DECIDE = `query($i:DecideAccessInput!){decideAccess(input:$i){__typename ... on AccessDenied{code}}}`;

let env: TestEnvironment;
let security: string;

beforeAll(async () => {
  env = await createTestEnvironment({ seed: true });
  expect(await seedDemoSite(env.context(), DEMO_SITE_ID)).toEqual({ created: true });
  security = await env.login('security', 'security123');
});
afterAll(() => env?.stop());

async function verdict(personName: string, pointCode: string): Promise<string> {
  const [row] = await env
    .context()
    .em.getConnection()
    .execute(
      `select p.id as person, pp.id as point from person p, passage_point pp
        where p.name = ? and pp.code = ? and p.status = 'ACTIVE' limit 1`,
      [personName, pointCode],
    );
  const r = ok(
    await env.gql(
      DECIDE,
      { i: { passagePointId: row.point, direction: 'IN', personId: row.person } },
      security,
    ),
  ).decideAccess;
  return r.__typename === 'AccessGranted' ? 'GRANTED' : r.code;
}

describe('the demo site', () => {
  it('is seeded once', async () => {
    expect(await seedDemoSite(env.context(), DEMO_SITE_ID)).toEqual({ created: false });
    const devices = ok(await env.gql(`{devices{code siteId passagePointId}}`, {}, security)).devices;
    expect(devices.length).toBe(18);
    expect(
      devices.every(
        (d: { siteId: string; passagePointId: string }) => d.siteId === DEMO_SITE_ID && d.passagePointId,
      ),
    ).toBe(true);
  });

  it('lets a shift inspector into production by post default but not into the control room or the oil depot', async () => {
    expect(await verdict('张三', 'T-PROD-1')).toBe('GRANTED');
    expect(await verdict('张三', 'D-CCR')).toBe('NO_GRANT');
    expect(await verdict('张三', 'D-OIL')).toBe('NO_GRANT');
  });

  it('gives the site bridge an account that may sync and nothing else', async () => {
    const token = await env.login(DEMO_BRIDGE.username, DEMO_BRIDGE.password);
    expect(ok(await env.gql('{gateSnapshot}', {}, token)).gateSnapshot.points.length).toBe(9);
    const people = await env.gql('{people{total}}', {}, token);
    expect(people.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
