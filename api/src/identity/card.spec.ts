import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import {
  CHINESE,
  CREATE_PERSON,
  demoPlant,
  failure,
  newEmployee,
  ok,
  rowCounts,
} from '../testing/helpers.js';
import { createTestEnvironment, type TestEnvironment } from '../testing/index.js';
import { Card } from './card.entity.js';
import { CardStatus } from './identity.enums.js';

const CARD = 'id number status personId replacedById lostAt returnedAt';
const ISSUE = `mutation($p: ID!, $n: String!) { issueCard(personId: $p, number: $n) { ${CARD} } }`;
const LOST = `mutation($c: ID!) { reportCardLost(cardId: $c) { ${CARD} } }`;
const REPLACE = `mutation($c: ID!, $n: String!) { replaceCard(cardId: $c, newNumber: $n) { ${CARD} } }`;
const RETURN = `mutation($c: ID!) { returnCard(cardId: $c) { ${CARD} } }`;

let env: TestEnvironment;
let hr: string;
let seq = 0;
const number = () => `TC${String(++seq).padStart(6, '0')}`;
const newPerson = async () =>
  ok(await env.gql(CREATE_PERSON, { input: newEmployee() }, hr)).createPerson.id as string;
const cardRow = (id: string) => env.context().em.findOneOrFail(Card, id);

beforeAll(async () => {
  env = await createTestEnvironment({ seed: true });
  hr = await env.login('hr', 'hr123456');
});
afterAll(() => env?.stop());

describe('the life of a card', () => {
  it('is issued, reported lost, replaced and returned, each step audited with before and after', async () => {
    const personId = await newPerson();
    const first = number();
    const issued = ok(await env.gql(ISSUE, { p: personId, n: first }, hr)).issueCard;
    expect(issued).toMatchObject({ number: first, status: 'ACTIVE', personId });

    const lost = ok(await env.gql(LOST, { c: issued.id }, hr)).reportCardLost;
    expect(lost.status).toBe('LOST');
    expect(lost.lostAt).toBeTruthy();

    const second = number();
    const fresh = ok(await env.gql(REPLACE, { c: issued.id, n: second }, hr)).replaceCard;
    expect(fresh).toMatchObject({ number: second, status: 'ACTIVE', personId });
    expect(await cardRow(issued.id)).toMatchObject({ status: 'REPLACED', replacedById: fresh.id });

    const returned = ok(await env.gql(RETURN, { c: fresh.id }, hr)).returnCard;
    expect(returned).toMatchObject({ status: 'RETURNED' });
    expect(returned.returnedAt).toBeTruthy();

    const entries = await env
      .context()
      .em.find(AuditEntry, { entityType: 'Card', entityId: issued.id }, { orderBy: { seq: 'asc' } });
    expect(entries.map((e) => e.action)).toEqual(['CARD_ISSUE', 'CARD_LOST', 'CARD_REPLACE']);
    expect(entries[1]).toMatchObject({ before: { status: CardStatus.ACTIVE }, after: { status: 'LOST' } });
    expect(entries[2]).toMatchObject({ before: { status: 'LOST' }, after: { status: 'REPLACED' } });
  });

  it('blocks a lost card’s number while it is lost and after the card was replaced', async () => {
    const [owner, other] = [await newPerson(), await newPerson()];
    const n = number();
    const card = ok(await env.gql(ISSUE, { p: owner, n }, hr)).issueCard;
    ok(await env.gql(LOST, { c: card.id }, hr));
    const whileLost = failure(await env.gql(ISSUE, { p: other, n }, hr));
    expect(whileLost).toMatchObject({ code: 'DUPLICATE_CARD', message: `卡号 ${n} 已被使用` });

    ok(await env.gql(REPLACE, { c: card.id, n: number() }, hr));
    // Whoever finds the lost card would get in again if its number went to someone else.
    expect(failure(await env.gql(ISSUE, { p: other, n }, hr)).code).toBe('DUPLICATE_CARD');
    expect(failure(await env.gql(REPLACE, { c: (await issuedTo(owner)).id, n }, hr)).code).toBe(
      'DUPLICATE_CARD',
    );
    // The database holds the same line for anyone writing behind the service.
    const em = env.context().em;
    em.create(Card, { number: n, person: other });
    await expect(em.flush()).rejects.toThrow(/card_number_taken_unique/);
  });

  it('lets a returned card’s number be issued again', async () => {
    const [owner, other] = [await newPerson(), await newPerson()];
    const n = number();
    const card = ok(await env.gql(ISSUE, { p: owner, n }, hr)).issueCard;
    ok(await env.gql(RETURN, { c: card.id }, hr));
    expect(ok(await env.gql(ISSUE, { p: other, n }, hr)).issueCard).toMatchObject({
      number: n,
      status: 'ACTIVE',
    });
  });

  it('refuses a number already in use with DUPLICATE_CARD and writes nothing', async () => {
    const seeded = await env.context().em.findOneOrFail(Card, { status: CardStatus.ACTIVE });
    const personId = await newPerson();
    const before = await rowCounts(env);
    const e = failure(await env.gql(ISSUE, { p: personId, n: seeded.number.toLowerCase() }, hr));
    expect(e.code).toBe('DUPLICATE_CARD');
    expect(e.message).toMatch(CHINESE);
    expect(await rowCounts(env)).toEqual(before);
  });

  it('answers a second report of the same card with its state, also when both arrive at once', async () => {
    const card = ok(await env.gql(ISSUE, { p: await newPerson(), n: number() }, hr)).issueCard;
    const results = await Promise.all(Array.from({ length: 6 }, () => env.gql(LOST, { c: card.id }, hr)));
    const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CARD_STATE', 'CARD_STATE', 'CARD_STATE', 'CARD_STATE', 'CARD_STATE', 'OK']);
    expect(failure(results.find((r) => r.errors)!).message).toBe('卡当前状态为「挂失」，不能执行此操作');
  });
});

describe('reporting a card lost as its holder', () => {
  it('lets an employee report their own card lost but answers NOT_FOUND for anyone else’s', async () => {
    const token = await env.login('zhangsan', 'zhangsan123');
    const plant = await demoPlant(env);
    const em = env.context().em;
    const own = await em.findOneOrFail(Card, {
      person: await plant.personOf('zhangsan'),
      status: CardStatus.ACTIVE,
    });
    const others = await em.findOneOrFail(Card, {
      person: await plant.personOf('yunxing'),
      status: CardStatus.ACTIVE,
    });

    const e = failure(await env.gql(LOST, { c: others.id }, token));
    expect(e).toMatchObject({ code: 'NOT_FOUND', message: '卡不存在或无权访问' });
    expect((await cardRow(others.id)).status).toBe('ACTIVE');
    expect(failure(await env.gql(LOST, { c: 'not-a-card' }, token)).code).toBe('NOT_FOUND');

    expect(ok(await env.gql(LOST, { c: own.id }, token)).reportCardLost.status).toBe('LOST');
    expect(failure(await env.gql(RETURN, { c: own.id }, token)).code).toBe('FORBIDDEN');
  });
});

async function issuedTo(personId: string) {
  return env.context().em.findOneOrFail(Card, { person: personId, status: CardStatus.ACTIVE });
}
