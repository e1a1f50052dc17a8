import type { GateCache, GatePatch } from '@park/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, deviceToken } from '../testing/access-fixtures.js';
import { CREATE_PERSON, failure, newEmployee, ok } from '../testing/helpers.js';
import { createTestEnvironment, type TestEnvironment } from '../testing/index.js';
import { collect, wsClient } from '../testing/ws.js';

const SYNC = `subscription($site:String!,$cursor:String){deviceSync(siteId:$site,cursor:$cursor){
  cursor snapshot patch commands{id deviceCode kind reason}}}`;

interface SyncMessage {
  deviceSync: {
    cursor: string;
    snapshot: GateCache | null;
    patch: GatePatch | null;
    commands: { id: string }[];
  };
}

let env: TestEnvironment;
let device: string;
let security: string;
let hr: string;
let site: Awaited<ReturnType<typeof createTestSite>>;

beforeAll(async () => {
  env = await createTestEnvironment({ seed: true });
  device = await deviceToken(env);
  security = await env.login('security', 'security123');
  hr = await env.login('hr', 'hr123456');
  site = await createTestSite(env, security);
});
afterAll(() => env?.stop());

const snapshotCursor = async () =>
  (ok(await env.gql('{gateSnapshot}', {}, device)).gateSnapshot as GateCache).cursor;

async function newPersonWithCard(number: string) {
  const person = ok(await env.gql(CREATE_PERSON, { input: newEmployee() }, hr)).createPerson;
  const card = ok(
    await env.gql(
      `mutation($n:String!,$p:ID!){issueCard(number:$n,personId:$p){id}}`,
      { n: number, p: person.id },
      hr,
    ),
  ).issueCard;
  return { personId: person.id as string, cardId: card.id as string };
}

describe('deviceSync', () => {
  it('hands a bridge without a cursor the whole site, then each change as a patch of just that person', async () => {
    const client = wsClient(env, device);
    const stream = collect<SyncMessage>(client, SYNC, { site: 'demo' }, (r) =>
      r.some((m) =>
        m.data?.deviceSync.patch?.cards.some((c) => c.number === 'SYNC0001' && c.status === 'LOST'),
      ),
    );
    await expect.poll(() => stream.results.length).toBe(1);
    const first = stream.results[0]!.data!.deviceSync;
    expect(first.snapshot?.people.length).toBeGreaterThan(100);
    expect(first.cursor).toBe(first.snapshot?.cursor);

    const { personId, cardId } = await newPersonWithCard('SYNC0001');
    ok(await env.gql(`mutation($c:ID!){reportCardLost(cardId:$c){id}}`, { c: cardId }, hr));
    const messages = (await stream.finished).map((m) => m.data!.deviceSync);
    const patches = messages.slice(1).map((m) => m.patch!);
    // Contiguous: each patch starts where the one before ended.
    expect(patches[0]!.fromCursor).toBe(first.cursor);
    for (let i = 1; i < patches.length; i++) expect(patches[i]!.fromCursor).toBe(patches[i - 1]!.cursor);
    const last = patches.at(-1)!;
    expect(last.people.map((p) => p.id)).toEqual([personId]);
    expect(last.cards).toEqual([{ number: 'SYNC0001', status: 'LOST', personId }]);
    expect(last.cursor).toBe(await snapshotCursor());
    await client.dispose();
  });

  it('resumes from a cursor with only what changed since, and forgets an offboarded person', async () => {
    const cursor = await snapshotCursor();
    const { personId } = await newPersonWithCard('SYNC0002');
    ok(
      await env.gql(
        `mutation($id:ID!,$r:String!){offboardPerson(id:$id,reason:$r){__typename}}`,
        { id: personId, r: '合同到期' },
        hr,
      ),
    );
    const client = wsClient(env, device);
    const stream = collect<SyncMessage>(client, SYNC, { site: 'demo', cursor }, (r) => r.length === 1);
    const [message] = (await stream.finished).map((m) => m.data!.deviceSync);
    expect(message!.snapshot).toBeNull();
    expect(message!.patch).toMatchObject({ fromCursor: cursor, people: [], removedPeople: [personId] });
    expect(message!.patch!.cards.every((c) => c.personId === personId && c.status !== 'ACTIVE')).toBe(true);
    await client.dispose();
  });

  it('sends a full snapshot when the cursor is ahead of this database or the site changed shape', async () => {
    const ahead = wsClient(env, device);
    const [fromFuture] = await collect<SyncMessage>(
      ahead,
      SYNC,
      { site: 'demo', cursor: '999999999' },
      (r) => r.length === 1,
    ).finished;
    expect(fromFuture!.data!.deviceSync.snapshot).not.toBeNull();
    await ahead.dispose();

    const cursor = await snapshotCursor();
    ok(
      await env.gql(
        `mutation($i:AreaInput!){createArea(input:$i){id}}`,
        { i: { name: '油库', code: 'OIL', securityLevel: 'KEY', parentId: site.prod } },
        security,
      ),
    );
    const client = wsClient(env, device);
    const [message] = await collect<SyncMessage>(
      client,
      SYNC,
      { site: 'demo', cursor },
      (r) => r.length === 1,
    ).finished;
    expect(message!.data!.deviceSync.snapshot?.areas.some((a) => a.id)).toBe(true);
    expect(message!.data!.deviceSync.patch).toBeNull();
    await client.dispose();
  });

  it('opens for bridges only', async () => {
    const client = wsClient(env, security);
    const [result] = await collect(client, SYNC, { site: 'demo' }, (r) => r.length === 1).finished;
    expect(result!.errors?.[0]?.message).toBeTruthy();
    await client.dispose();
    expect(failure(await env.gql('{gateSnapshot}', {}, security)).code).toBe('FORBIDDEN');
  });
});
