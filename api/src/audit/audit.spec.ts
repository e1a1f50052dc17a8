import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_PERSON, failure, newEmployee, ok } from '../testing/helpers.js';
import { createTestEnvironment, type TestEnvironment } from '../testing/index.js';

const VERIFY = `{ verifyAuditChain { ok checked firstBrokenSeq firstBrokenId reason } }`;
const LOG = `query($id: String) { auditLog(entityId: $id, limit: 200) { total items { seq action entityType before after actorName } } }`;
const UPDATE = `mutation($id: ID!, $input: PersonInput!) { updatePerson(id: $id, input: $input) { id } }`;

let env: TestEnvironment;
let hr: string;
let security: string;
const sql = (q: string, params: unknown[] = []) => env.orm.em.getConnection().execute(q, params);

beforeAll(async () => {
  env = await createTestEnvironment({ seed: true });
  [hr, security] = [await env.login('hr', 'hr123456'), await env.login('security', 'security123')];
});
afterAll(() => env?.stop());

interface LogItem {
  seq: number;
  action: string;
  before: string | null;
  after: string | null;
  actorName: string;
}
const logOf = async (id: string): Promise<LogItem[]> =>
  (ok(await env.gql(LOG, { id }, security)).auditLog.items as LogItem[]).reverse();

describe('what the audit log keeps', () => {
  it('records every identity mutation with who did it, and before and after for every change', async () => {
    const input = newEmployee();
    const id = ok(await env.gql(CREATE_PERSON, { input }, hr)).createPerson.id;
    ok(await env.gql(UPDATE, { id, input: { name: '改过的名字' } }, hr));
    const card = ok(
      await env.gql(`mutation($p: ID!) { issueCard(personId: $p, number: "AUD0001") { id } }`, { p: id }, hr),
    ).issueCard.id;
    ok(await env.gql(`mutation($c: ID!) { reportCardLost(cardId: $c) { id } }`, { c: card }, hr));
    ok(
      await env.gql(
        `mutation($i: VehicleInput!) { registerVehicle(input: $i) { id } }`,
        { i: { personId: id, plate: '鲁B7C890' } },
        hr,
      ),
    );
    const bio = {
      personId: id,
      kind: 'FACE',
      templateBase64: randomBytes(64).toString('base64'),
      consent: true,
    };
    ok(await env.gql(`mutation($i: EnrollBiometricInput!) { enrollBiometric(input: $i) }`, { i: bio }, hr));
    ok(
      await env.gql(
        `mutation($id: ID!) { offboardPerson(id: $id, reason: "调离") { cardsVoided } }`,
        { id },
        hr,
      ),
    );

    const person = await logOf(id);
    expect(person.map((e) => e.action)).toEqual(['PERSON_CREATE', 'PERSON_UPDATE', 'PERSON_OFFBOARD']);
    expect(person.every((e) => e.actorName === 'hr')).toBe(true);
    expect(person[0]!.before).toBeNull();
    expect(JSON.parse(person[1]!.before!)).toMatchObject({ name: input.name });
    expect(JSON.parse(person[1]!.after!)).toMatchObject({ name: '改过的名字' });
    expect(JSON.parse(person[2]!.after!)).toMatchObject({ status: 'INACTIVE', cardsVoided: 1 });
    // The audit trail is readable by security staff: it must not hold a full ID number.
    expect(person.map((e) => `${e.before}${e.after}`).join()).not.toContain(input.idNumber);

    const cardLog = await logOf(card);
    expect(cardLog.map((e) => e.action)).toEqual(['CARD_ISSUE', 'CARD_LOST']);
    expect([JSON.parse(cardLog[1]!.before!).status, JSON.parse(cardLog[1]!.after!).status]).toEqual([
      'ACTIVE',
      'LOST',
    ]);
    const all = ok(await env.gql(`{ auditLog(limit: 20) { items { action } } }`, {}, security)).auditLog
      .items;
    expect(all.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['VEHICLE_REGISTER', 'BIOMETRIC_ENROLL']),
    );
  });

  it('lets only admin and security verify the chain', async () => {
    expect(failure(await env.gql(VERIFY, {}, hr)).code).toBe('FORBIDDEN');
    const admin = await env.login('admin', 'admin123');
    const [count] = await sql('select count(*)::int as n from audit_entry');
    expect(ok(await env.gql(VERIFY, {}, admin)).verifyAuditChain).toEqual({
      ok: true,
      checked: count.n,
      firstBrokenSeq: null,
      firstBrokenId: null,
      reason: null,
    });
  });

  it('keeps the chain whole and the sequence without gaps under 20 concurrent updates', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++)
      ids.push(ok(await env.gql(CREATE_PERSON, { input: newEmployee() }, hr)).createPerson.id);
    const updates = `select count(*)::int as n from audit_entry where action = 'PERSON_UPDATE'`;
    const [{ n: updatesBefore }] = await sql(updates);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        env.gql(UPDATE, { id: ids[i % 4], input: { name: `并发${i}` } }, hr),
      ),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    const [{ n, lo, hi }] = await sql(
      'select count(*)::int as n, min(seq)::int as lo, max(seq)::int as hi from audit_entry',
    );
    expect([lo, hi]).toEqual([1, n]);
    expect(ok(await env.gql(VERIFY, {}, security)).verifyAuditChain).toMatchObject({ ok: true, checked: n });
    expect(await sql(updates)).toEqual([{ n: updatesBefore + 20 }]);
  });
});

describe('tampering with the audit log', () => {
  it('is refused by the database for UPDATE, DELETE and TRUNCATE', async () => {
    await expect(sql(`update audit_entry set action = 'NOTHING' where seq = 1`)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql('delete from audit_entry where seq = 1')).rejects.toThrow(/append-only/);
    await expect(sql('truncate audit_entry')).rejects.toThrow(/append-only/);
  });

  it('is found by verifyAuditChain at the very entry that was changed behind the API’s back', async () => {
    const [victim] = await sql(
      `select id, seq::int as seq from audit_entry where action = 'PERSON_UPDATE' order by seq limit 1`,
    );
    await sql('alter table audit_entry disable trigger audit_entry_no_update_delete');
    await sql(`update audit_entry set "after" = jsonb_set("after", '{name}', '"改写"') where id = ?`, [
      victim.id,
    ]);
    await sql('alter table audit_entry enable trigger audit_entry_no_update_delete');
    const result = ok(await env.gql(VERIFY, {}, security)).verifyAuditChain;
    expect(result).toMatchObject({
      ok: false,
      firstBrokenSeq: victim.seq,
      firstBrokenId: victim.id,
      checked: victim.seq - 1,
    });
    expect(result.reason).toMatch(/篡改/);
  });
});

describe('deleting an entry behind the API’s back', () => {
  it('is found where the sequence has its gap', async () => {
    const bare = await createTestEnvironment({ seed: true });
    try {
      const admin = await bare.login('admin', 'admin123');
      const exec = (q: string) => bare.orm.em.getConnection().execute(q);
      await exec('alter table audit_entry disable trigger audit_entry_no_update_delete');
      await exec('delete from audit_entry where seq = 5');
      await exec('alter table audit_entry enable trigger audit_entry_no_update_delete');
      const result = ok(await bare.gql(VERIFY, {}, admin)).verifyAuditChain;
      expect(result).toMatchObject({ ok: false, firstBrokenSeq: 6, checked: 4 });
      expect(result.reason).toMatch(/缺少序号 5/);
    } finally {
      await bare.stop();
    }
  });
});
