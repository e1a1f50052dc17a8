import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../testing/helpers.js';
import { createTestEnvironment, type TestEnvironment } from '../testing/index.js';
import { Visit } from '../visitor/visit.entity.js';
import { DEMO_SITE_ID, seedDemoSite } from './demo-site.js';
import { seedDemoVisits } from './demo-visits.js';

let env: TestEnvironment;

beforeAll(async () => {
  env = await createTestEnvironment({ seed: true });
  await seedDemoSite(env.context(), DEMO_SITE_ID);
});
afterAll(() => env?.stop());

describe('the demo visits', () => {
  it('give the visitor pages something to show, once', async () => {
    expect(await seedDemoVisits(env.context())).toEqual({ created: true, visits: 5 });
    expect(await seedDemoVisits(env.context())).toEqual({ created: false, visits: 0 });
    const security = await env.login('security', 'security123');
    const all = await env.context().em.find(Visit, {});
    expect(all.map((v) => `${v.source}:${v.status}`).sort()).toEqual([
      'BOOKING:CHECKED_IN',
      'BOOKING:PENDING',
      'BOOKING:PENDING',
      'BOOKING:REJECTED',
      'WALK_IN:PENDING',
    ]);
    // The desk's list of today: the ones spanning now are on it whatever the hour; those starting in an
    // hour or more fall on tomorrow late in the evening (site time), as they would for real.
    const today = ok(await env.gql(`{visitsToday{status source}}`, {}, security)).visitsToday as {
      status: string;
      source: string;
    }[];
    expect(today.map((v) => `${v.source}:${v.status}`)).toEqual(
      expect.arrayContaining(['BOOKING:CHECKED_IN', 'WALK_IN:PENDING']),
    );
    expect(ok(await env.gql(`{watchlist{name}}`, {}, security)).watchlist).toEqual([{ name: '田某' }]);
    const zhangsan = await env.login('zhangsan', 'zhangsan123');
    const inbox = ok(await env.gql(`{approvals(kind:VISIT){title}}`, {}, zhangsan)).approvals;
    expect(inbox).toHaveLength(2);
    const securityInbox = ok(await env.gql(`{approvals(kind:VISIT){title}}`, {}, security)).approvals;
    expect(securityInbox).toHaveLength(1);
  });
});
