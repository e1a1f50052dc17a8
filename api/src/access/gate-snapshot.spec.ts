import { decide, type GateCache, indexGateCache } from '@park/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, deviceToken } from '../testing/access-fixtures.js';
import { failure, ok } from '../testing/helpers.js';
import { createTestEnvironment, type TestEnvironment } from '../testing/index.js';
import { PostAreaGrant } from './post-area-grant.entity.js';

const SNAPSHOT = `{gateSnapshot}`;
const DECIDE = `query($i:DecideAccessInput!){decideAccess(input:$i){
  __typename ... on AccessGranted{personId} ... on AccessDenied{code}}}`;

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
  const post = (await em.getConnection().execute(`select post_id from person where name = '张三'`))[0]
    .post_id;
  em.create(PostAreaGrant, { post, area: ids.prod });
  await em.flush();
});
afterAll(() => env?.stop());

const snapshot = async () => ok(await env.gql(SNAPSHOT, {}, device)).gateSnapshot as GateCache;
const maxSeq = async () =>
  String((await env.context().em.getConnection().execute('select max(seq) as s from audit_entry'))[0].s);

describe('gateSnapshot', () => {
  it('gives a bridge the whole site, its people, cards and pass keys, at the current audit position', async () => {
    const cache = await snapshot();
    expect(cache.cursor).toBe(await maxSeq());
    expect(cache.areas.map((a) => a.id)).toEqual(expect.arrayContaining([ids.site, ids.prod, ids.ccr]));
    expect(cache.people.length).toBeGreaterThanOrEqual(300);
    expect(cache.passJwks.keys[0]).toMatchObject({ crv: 'Ed25519' });
    expect(JSON.stringify(cache.passJwks)).not.toMatch(/"d":/);
  });

  it('lets a gate decide from the snapshot exactly as the server decides', async () => {
    const index = indexGateCache(await snapshot());
    const active = [...index.cards.values()].filter((c) => c.status === 'ACTIVE');
    const granted = active.filter((c) => index.people.get(c.personId)?.grants.length);
    const cards = [...granted.slice(0, 20), ...active.filter((c) => !granted.includes(c)).slice(0, 20)];
    const outcomes = new Set<string>();
    for (const card of cards) {
      for (const pointId of [ids.gate, ids.ccrDoor]) {
        const server = ok(
          await env.gql(
            DECIDE,
            { i: { passagePointId: pointId, direction: 'IN', cardNumber: card.number } },
            security,
          ),
        ).decideAccess;
        const person = index.people.get(card.personId)!;
        const gate = decide({
          at: Date.now(),
          person,
          credential: { kind: 'CARD', status: card.status },
          point: index.points.get(pointId)!,
          direction: 'IN',
          grants: person.grants,
          site: index.site,
          state: {
            presenceAreaId: index.points.get(pointId)!.fromAreaId,
            occupancy: new Map(),
            pendingScans: [],
            openInterlock: new Map(),
          },
        });
        const verdict = gate.allow ? 'AccessGranted' : gate.reason;
        expect(verdict).toBe(server.__typename === 'AccessGranted' ? 'AccessGranted' : server.code);
        outcomes.add(verdict);
      }
    }
    // Agreement on one answer only would prove little: both grants and refusals were compared.
    expect(outcomes.has('AccessGranted')).toBe(true);
    expect(outcomes.size).toBeGreaterThan(1);
  });

  it('moves on when a card is reported lost, and lists the card as lost', async () => {
    const before = await snapshot();
    const zhang = before.people.find((p) => p.name === '张三')!;
    const card = before.cards.find((c) => c.personId === zhang.id && c.status === 'ACTIVE')!;
    const hr = await env.login('hr', 'hr123456');
    const cardId = (
      await env.context().em.getConnection().execute('select id from card where number = ?', [card.number])
    )[0].id;
    ok(await env.gql(`mutation($c:ID!){reportCardLost(cardId:$c){status}}`, { c: cardId }, hr));
    const after = await snapshot();
    expect(Number(after.cursor)).toBeGreaterThan(Number(before.cursor));
    expect(indexGateCache(after).cards.get(card.number)?.status).toBe('LOST');
  });

  it('is for bridges only', async () => {
    expect(failure(await env.gql(SNAPSHOT, {}, security)).code).toBe('FORBIDDEN');
  });
});
