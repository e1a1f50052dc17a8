import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, deviceToken } from '../testing/access-fixtures.js';
import { failure, ok } from '../testing/helpers.js';
import { createTestEnvironment, type TestEnvironment } from '../testing/index.js';
import { collect, wsClient } from '../testing/ws.js';

const INGEST = `mutation($e:[DeviceEventInput!]!){ingestDeviceEvents(events:$e){accepted duplicates}}`;
const EVENTS = `query($f:AccessEventFilter){accessEvents(filter:$f){seq result reason personName direction decidedOffline}}`;
const PRESENCE = `query($a:ID!){presence(areaId:$a){personName areaId}}`;
const DECIDE = `query($i:DecideAccessInput!){decideAccess(input:$i){ __typename ... on AccessDenied{code}}}`;

let env: TestEnvironment;
let device: string;
let security: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  env = await createTestEnvironment({ seed: true });
  device = await deviceToken(env);
  security = await env.login('security', 'security123');
  Object.assign(ids, await createTestSite(env, security));
  const em = env.context().em;
  ids.person = (await em.getConnection().execute(`select id from person where name = '张三'`))[0].id;
  ids.card = (
    await em
      .getConnection()
      .execute(`select number from card where person_id = ? and status = 'ACTIVE'`, [ids.person])
  )[0].number;
  ok(
    await env.gql(
      `mutation($i:GrantInput!){grantAccess(input:$i){id}}`,
      { i: { personId: ids.person, areaId: ids.ccr } },
      security,
    ),
  );
});
afterAll(() => env?.stop());

const event = (seq: number, at: string, over: Record<string, unknown> = {}) => ({
  deviceId: 'T-PROD-lane1',
  seq,
  occurredAt: at,
  passagePointId: ids.gate,
  direction: 'IN',
  personId: ids.person,
  credentialKind: 'CARD',
  credentialRef: ids.card,
  result: 'GRANTED',
  ...over,
});

describe('ingestDeviceEvents', () => {
  it('stores a batch once, however often it is sent, and once per seq inside a batch', async () => {
    const batch = [
      event(1, '2026-11-24T01:00:00Z'),
      event(2, '2026-11-24T01:01:00Z', { result: 'DENIED', reason: 'NO_GRANT' }),
    ];
    expect(ok(await env.gql(INGEST, { e: batch }, device)).ingestDeviceEvents).toEqual({
      accepted: 2,
      duplicates: 0,
    });
    expect(ok(await env.gql(INGEST, { e: batch }, device)).ingestDeviceEvents).toEqual({
      accepted: 0,
      duplicates: 2,
    });
    const twice = [
      event(3, '2026-11-24T01:02:00Z', { direction: 'OUT' }),
      event(3, '2026-11-24T01:02:00Z', { direction: 'OUT' }),
    ];
    expect(ok(await env.gql(INGEST, { e: twice }, device)).ingestDeviceEvents).toEqual({
      accepted: 1,
      duplicates: 1,
    });
    const seen = ok(await env.gql(EVENTS, { f: { personId: ids.person } }, security)).accessEvents;
    expect(seen.map((e: { seq: number }) => e.seq)).toEqual([3, 2, 1]);
    expect(seen[1]).toMatchObject({ result: 'DENIED', reason: 'NO_GRANT', personName: '张三' });
  });

  it('refuses a denial without a reason and writes nothing of that batch', async () => {
    const before = ok(await env.gql(EVENTS, {}, security)).accessEvents.length;
    const r = await env.gql(
      INGEST,
      { e: [event(10, '2026-11-24T02:00:00Z'), event(11, '2026-11-24T02:00:01Z', { result: 'DENIED' })] },
      device,
    );
    expect(failure(r).code).toBe('BAD_EVENT');
    expect(ok(await env.gql(EVENTS, {}, security)).accessEvents.length).toBe(before);
  });

  it('moves presence with granted passages, in time order, and not back for a late older event', async () => {
    ok(
      await env.gql(
        INGEST,
        {
          e: [
            event(20, '2026-11-24T03:00:00Z'),
            event(21, '2026-11-24T03:05:00Z', { passagePointId: ids.ccrDoor }),
          ],
        },
        device,
      ),
    );
    expect(ok(await env.gql(PRESENCE, { a: ids.ccr }, security)).presence).toEqual([
      { personName: '张三', areaId: ids.ccr },
    ]);
    ok(await env.gql(INGEST, { e: [event(19, '2026-11-24T02:59:00Z', { direction: 'OUT' })] }, device));
    expect(ok(await env.gql(PRESENCE, { a: ids.site }, security)).presence).toEqual([
      { personName: '张三', areaId: ids.ccr },
    ]);
  });

  it('lets the server apply hard anti-passback once it knows where someone is', async () => {
    const i = { passagePointId: ids.ccrDoor, direction: 'IN', cardNumber: ids.card };
    expect(ok(await env.gql(DECIDE, { i }, security)).decideAccess).toEqual({
      __typename: 'AccessDenied',
      code: 'ANTI_PASSBACK',
    });
  });

  it('files events by month and drops whole months past retention, never rows', async () => {
    const old = new Date();
    old.setUTCMonth(old.getUTCMonth() - 15);
    ok(await env.gql(INGEST, { e: [event(30, old.toISOString())] }, device));
    const month = `access_event_${old.toISOString().slice(0, 7).replace('-', '')}`;
    const em = env.context().em;
    const partitions = async () =>
      (
        await em.getConnection().execute(`select relname from pg_class where relname like 'access_event_%'`)
      ).map((r) => String(r.relname));
    expect(await partitions()).toContain(month);
    const { dropped } = await env.api.services.partitions.maintain(em, new Date(), 13);
    expect(dropped).toEqual([month]);
    expect(await partitions()).not.toContain(month);
    expect(
      (await em.getConnection().execute('select count(*)::int as n from access_event_default'))[0].n,
    ).toBe(0);
  });

  it('takes events from bridges only', async () => {
    expect(failure(await env.gql(INGEST, { e: [event(40, '2026-11-24T04:00:00Z')] }, security)).code).toBe(
      'FORBIDDEN',
    );
  });
});

describe('occupancy limits', () => {
  it('count someone in a room toward every area around it, as the gates do', async () => {
    const limited = ok(
      await env.gql(
        `mutation($i:AreaInput!){createArea(input:$i){id}}`,
        { i: { name: '化学车间', code: 'CHEM', securityLevel: 'PRODUCTION', maxOccupancy: 1 } },
        security,
      ),
    ).createArea.id;
    const room = ok(
      await env.gql(
        `mutation($i:AreaInput!){createArea(input:$i){id}}`,
        { i: { name: '化验室', code: 'LAB', securityLevel: 'PRODUCTION', parentId: limited } },
        security,
      ),
    ).createArea.id;
    const door = ok(
      await env.gql(
        `mutation($i:PassagePointInput!){createPassagePoint(input:$i){id}}`,
        { i: { name: '化学车间门', code: 'D-CHEM', kind: 'DOOR', fromAreaId: ids.site, toAreaId: limited } },
        security,
      ),
    ).createPassagePoint.id;
    const em = env.context().em;
    const [other] = await em
      .getConnection()
      .execute(`select id from person where name <> '张三' and status = 'ACTIVE' limit 1`);
    await em
      .getConnection()
      .execute(
        'insert into presence (person_id, area_id, since, last_event_at) values (?, ?, now(), now())',
        [other.id, room],
      );
    ok(
      await env.gql(
        `mutation($i:GrantInput!){grantAccess(input:$i){id}}`,
        { i: { personId: ids.person, areaId: limited } },
        security,
      ),
    );
    const i = { passagePointId: door, direction: 'IN', cardNumber: ids.card };
    expect(ok(await env.gql(DECIDE, { i }, security)).decideAccess).toEqual({
      __typename: 'AccessDenied',
      code: 'AREA_FULL',
    });
  });
});

describe('passageRecorded', () => {
  it('pushes each newly stored passage to the security console once, with the person named', async () => {
    const client = wsClient(env, security);
    const feed = collect<{ passageRecorded: { seq: number; personName: string; result: string } }>(
      client,
      `subscription($p:[ID!]){passageRecorded(passagePointIds:$p){seq personName result reason}}`,
      { p: [ids.gate] },
      (r) => r.length === 2,
    );
    await new Promise((r) => setTimeout(r, 150));
    const batch = [event(700, new Date().toISOString())];
    ok(await env.gql(INGEST, { e: batch }, device));
    ok(await env.gql(INGEST, { e: batch }, device));
    // Another point's passage is not for this console; a new one here is.
    ok(
      await env.gql(
        INGEST,
        { e: [event(701, new Date().toISOString(), { passagePointId: ids.ccrDoor })] },
        device,
      ),
    );
    ok(
      await env.gql(
        INGEST,
        { e: [event(702, new Date().toISOString(), { result: 'DENIED', reason: 'NO_GRANT' })] },
        device,
      ),
    );
    const got = (await feed.finished).map((m) => m.data!.passageRecorded);
    expect(got).toEqual([
      { seq: 700, personName: '张三', result: 'GRANTED', reason: null },
      { seq: 702, personName: '张三', result: 'DENIED', reason: 'NO_GRANT' },
    ]);
    await client.dispose();
  });
});
