import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GrantSource, SecurityLevel } from '../access/access.enums.js';
import { AccessGrant } from '../access/access-grant.entity.js';
import { Area } from '../access/area.entity.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { RefreshToken } from '../auth/refresh-token.entity.js';
import { UserAccount } from '../auth/user-account.entity.js';
import { CREATE_PERSON, failure, newEmployee, ok } from '../testing/helpers.js';
import { createTestEnvironment, type TestEnvironment } from '../testing/index.js';
import { BiometricTemplate } from './biometric-template.entity.js';
import { Card } from './card.entity.js';
import { PersonStatus } from './identity.enums.js';
import { PersonOffboarded } from './identity.events.js';
import { Person } from './person.entity.js';
import { Vehicle } from './vehicle.entity.js';
import { WechatBinding } from './wechat-binding.entity.js';

const OFFBOARD = `mutation($id: ID!, $reason: String!) { offboardPerson(id: $id, reason: $reason) {
  person { id status exitDate } exitAt cardsVoided grantsRevoked vehiclesUnbound wechatUnbound accountsDisabled biometricsDeleted } }`;
const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken refreshToken } }`;

let env: TestEnvironment;
let hr: string;
let made = 0;

beforeAll(async () => {
  env = await createTestEnvironment({ seed: true });
  hr = await env.login('hr', 'hr123456');
});
afterAll(() => env?.stop());

/** A person with a login, two cards (one lost), two vehicles, both biometrics, grants and WeChat. */
async function personWithEverything() {
  const input = newEmployee();
  const id: string = ok(await env.gql(CREATE_PERSON, { input }, hr)).createPerson.id;
  const login = ok(await env.gql(LOGIN, { u: input.employeeNo, p: input.idNumber!.slice(-6) })).login;
  const issue = `mutation($p: ID!, $n: String!) { issueCard(personId: $p, number: $n) { id } }`;
  const lostCard = ok(await env.gql(issue, { p: id, n: `OFF${input.employeeNo}A` }, hr)).issueCard.id;
  ok(await env.gql(`mutation($c: ID!) { reportCardLost(cardId: $c) { id } }`, { c: lostCard }, hr));
  ok(await env.gql(issue, { p: id, n: `OFF${input.employeeNo}B` }, hr));
  const n = String(++made).padStart(3, '0');
  for (const plate of [`鲁B${n}A1`, `鲁BF0${n}9`]) {
    ok(
      await env.gql(
        `mutation($i: VehicleInput!) { registerVehicle(input: $i) { id } }`,
        { i: { personId: id, plate } },
        hr,
      ),
    );
  }
  for (const kind of ['FACE', 'FINGERPRINT']) {
    const i = { personId: id, kind, templateBase64: randomBytes(64).toString('base64'), consent: true };
    ok(await env.gql(`mutation($i: EnrollBiometricInput!) { enrollBiometric(input: $i) }`, { i }, hr));
  }
  const em = env.context().em;
  const longAgo = new Date('2025-01-01T00:00:00Z');
  const area = em.create(Area, {
    name: `集控室${n}`,
    code: `CCR-${randomUUID().slice(0, 8)}`,
    path: '/',
    securityLevel: SecurityLevel.KEY,
  });
  for (const source of [GrantSource.POST, GrantSource.PERSONAL])
    em.create(AccessGrant, { person: id, area, source });
  em.create(AccessGrant, {
    person: id,
    area,
    source: GrantSource.TEMPORARY,
    revokedAt: longAgo,
    revokedReason: '作业结束',
  });
  em.create(WechatBinding, { person: id, openid: `o-${id}` });
  em.create(WechatBinding, { person: id, openid: `o-old-${id}`, unboundAt: longAgo });
  await em.flush();
  return { id, ...login, longAgo, plates: [`鲁B${n}A1`, `鲁BF0${n}9`] };
}

describe('offboarding a person (离职/退场)', () => {
  it('takes away everything that lets them in, in one mutation, and says what it did', async () => {
    const { id, accessToken, refreshToken, longAgo, plates } = await personWithEverything();
    expect(ok(await env.gql('{ me { username } }', {}, accessToken)).me).toBeTruthy();
    const events: { event: PersonOffboarded; status: PersonStatus | undefined }[] = [];
    const off = env.api.services.bus.subscribe(PersonOffboarded, async (event) => {
      // Read on a separate connection: the change must already be committed when the event arrives.
      events.push({ event, status: (await env.context().em.findOne(Person, event.personId))?.status });
    });

    const summary = ok(await env.gql(OFFBOARD, { id, reason: '合同到期' }, hr)).offboardPerson;
    expect(summary).toMatchObject({
      person: { id, status: 'INACTIVE' },
      cardsVoided: 2,
      grantsRevoked: 2,
      vehiclesUnbound: 2,
      wechatUnbound: 1,
      accountsDisabled: 1,
      biometricsDeleted: 2,
    });
    expect(summary.person.exitDate).toBe(summary.exitAt.slice(0, 10));

    const em = env.context().em;
    expect((await em.find(Card, { person: id })).map((c) => c.status)).toEqual(['VOIDED', 'VOIDED']);
    expect(await em.count(Vehicle, { person: id, active: true })).toBe(0);
    expect(await em.count(BiometricTemplate, { person: id })).toBe(0);
    const grants = await em.find(AccessGrant, { person: id }, { orderBy: { source: 'asc' } });
    expect(grants.every((g) => g.revokedAt)).toBe(true);
    expect(grants.find((g) => g.source === GrantSource.TEMPORARY)).toMatchObject({
      revokedAt: longAgo,
      revokedReason: '作业结束',
    });
    expect(grants.find((g) => g.source === GrantSource.POST)!.revokedReason).toBe('离职/退场：合同到期');
    expect(await em.count(WechatBinding, { person: id, unboundAt: null })).toBe(0);
    expect(await em.findOneOrFail(UserAccount, { person: id })).toMatchObject({ disabled: true });
    expect(await em.count(RefreshToken, { account: { person: id }, revokedAt: null })).toBe(0);

    await vi.waitFor(() => expect(events).toHaveLength(1));
    off();
    expect(events[0]!.status).toBe('INACTIVE');
    expect(events[0]!.event).toMatchObject({ type: 'PersonOffboarded', personId: id, plates });
    expect([...events[0]!.event.cardNumbers].sort()).toEqual(
      (await em.find(Card, { person: id })).map((c) => c.number).sort(),
    );

    const audit = await em.findOneOrFail(AuditEntry, { action: 'PERSON_OFFBOARD', entityId: id });
    expect(audit.before).toMatchObject({ status: 'ACTIVE' });
    expect(audit.after).toMatchObject({
      status: 'INACTIVE',
      reason: '合同到期',
      cardsVoided: 2,
      grantsRevoked: 2,
    });

    // The token they already hold stops working now, not when it expires.
    expect(failure(await env.gql('{ me { username } }', {}, accessToken)).code).toBe('ACCOUNT_DISABLED');
    const refreshed = await env.gql(
      `mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken } }`,
      { t: refreshToken },
    );
    expect(refreshed.data).toBeNull();
  });

  it('refuses to offboard someone twice, or without a reason, and changes nothing', async () => {
    const { id } = await personWithEverything();
    const noReason = failure(await env.gql(OFFBOARD, { id, reason: '  ' }, hr));
    expect(noReason).toMatchObject({ code: 'VALIDATION', message: '请填写离职/退场原因' });
    expect((await env.context().em.findOneOrFail(Person, id)).status).toBe('ACTIVE');
    ok(await env.gql(OFFBOARD, { id, reason: '辞职' }, hr));
    const before = await env.context().em.count(AuditEntry, {});
    expect(failure(await env.gql(OFFBOARD, { id, reason: '辞职' }, hr))).toMatchObject({
      code: 'PERSON_INACTIVE',
    });
    expect(await env.context().em.count(AuditEntry, {})).toBe(before);
  });

  it('is not something an employee may do', async () => {
    const { id } = await personWithEverything();
    const token = await env.login('zhangsan', 'zhangsan123');
    expect(failure(await env.gql(OFFBOARD, { id, reason: '辞职' }, token)).code).toBe('FORBIDDEN');
  });
});
