import { randomUUID } from 'node:crypto';
import { genderFromIdNumber, maskIdNumber } from '@park/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { UserAccount } from '../auth/user-account.entity.js';
import {
  CHINESE,
  CREATE_PERSON,
  demoPlant,
  failure,
  newEmployee,
  newIdNumber,
  ok,
  PERSON_FIELDS,
  type PersonFields,
  rowCounts,
  withBadCheckDigit,
} from '../testing/helpers.js';
import { createTestEnvironment, type TestEnvironment } from '../testing/index.js';
import { OrgUnitKind } from './identity.enums.js';
import { OrgUnit } from './org-unit.entity.js';
import { Person } from './person.entity.js';
import { Post } from './post.entity.js';

const UPDATE_PERSON = `mutation($id: ID!, $input: PersonInput!) { updatePerson(id: $id, input: $input) { ${PERSON_FIELDS} } }`;
const PEOPLE = `query($limit: Int) { people(limit: $limit) { total items { id name idNumber orgUnit { fullName } } } }`;

let env: TestEnvironment;
let hr: string;
let plant: Awaited<ReturnType<typeof demoPlant>>;
let team: string;
let inspector: string;

beforeAll(async () => {
  env = await createTestEnvironment({ seed: true });
  hr = await env.login('hr', 'hr123456');
  plant = await demoPlant(env);
  team = await plant.unit('东港发电有限公司/运行部/运行一值');
  inspector = await plant.postId('巡检员');
});
afterAll(() => env?.stop());

describe('creating and updating a person', () => {
  it('creates an employee in a team with a post, opens their login and audits the creation', async () => {
    const input = newEmployee({ orgUnitId: team, postId: inspector });
    const created = ok(await env.gql(CREATE_PERSON, { input }, hr)).createPerson;
    expect(created).toMatchObject({
      name: input.name,
      status: 'ACTIVE',
      idNumber: input.idNumber,
      gender: genderFromIdNumber(input.idNumber!),
      orgUnit: { fullName: '东港发电有限公司/运行部/运行一值' },
      post: { name: '巡检员' },
    });
    const em = env.context().em;
    const account = await em.findOneOrFail(UserAccount, { person: created.id });
    expect(account).toMatchObject({
      username: input.employeeNo,
      mustChangePassword: true,
      roles: ['EMPLOYEE'],
    });
    const entry = await em.findOneOrFail(AuditEntry, { entityId: created.id, action: 'PERSON_CREATE' });
    expect(entry.after).toMatchObject({ name: input.name, idNumber: maskIdNumber(input.idNumber!) });
  });

  it('changes only the fields it is given and keeps the before and after in the audit log', async () => {
    const input = newEmployee({ orgUnitId: team });
    const { id } = ok(await env.gql(CREATE_PERSON, { input }, hr)).createPerson;
    const updated = ok(
      await env.gql(UPDATE_PERSON, { id, input: { phone: '13912345678' } }, hr),
    ).updatePerson;
    expect(updated).toMatchObject({ phone: '13912345678', name: input.name, employeeNo: input.employeeNo });
    expect(updated.orgUnit.fullName).toBe('东港发电有限公司/运行部/运行一值');
    const entry = await env.context().em.findOneOrFail(AuditEntry, { entityId: id, action: 'PERSON_UPDATE' });
    expect(entry.before).toMatchObject({ phone: input.phone });
    expect(entry.after).toMatchObject({ phone: '13912345678' });
  });

  it('answers NOT_FOUND for a person that does not exist, even when the id is not a UUID', async () => {
    for (const id of [randomUUID(), 'not-an-id']) {
      const e = failure(await env.gql(UPDATE_PERSON, { id, input: { name: '不存在' } }, hr));
      expect(e.code).toBe('NOT_FOUND');
      expect(e.message).toMatch(CHINESE);
    }
  });
});

describe('refusing bad input with a typed Chinese error and writing nothing', () => {
  async function otherCompanyPost(): Promise<string> {
    const em = env.context().em;
    const company = em.create(OrgUnit, {
      name: '西港热电有限公司',
      code: 'XG',
      kind: OrgUnitKind.COMPANY,
      path: '',
      fullName: '西港热电有限公司',
    });
    company.path = `/${company.id}/`;
    const post = em.create(Post, { name: '值长', code: 'XG-P1', company });
    await em.flush();
    return post.id;
  }

  const cases: [string, () => Promise<Partial<PersonFields>>, string][] = [
    [
      'an ID number with a wrong check digit',
      async () => ({ idNumber: withBadCheckDigit(newIdNumber()) }),
      'BAD_ID_NUMBER',
    ],
    ['a malformed phone number', async () => ({ phone: '1381234' }), 'BAD_PHONE'],
    ['an org unit that does not exist', async () => ({ orgUnitId: randomUUID() }), 'UNKNOWN_ORG_UNIT'],
    [
      'an org unit id that is not even a UUID',
      async () => ({ orgUnitId: 'no-such-unit' }),
      'UNKNOWN_ORG_UNIT',
    ],
    [
      'a post of another company',
      async () => ({ orgUnitId: team, postId: await otherCompanyPost() }),
      'POST_OTHER_COMPANY',
    ],
    [
      'an ID number someone already has',
      async () => ({ idNumber: (await env.context().em.findOneOrFail(Person, { name: '张三' })).idNumber }),
      'DUPLICATE_ID_NUMBER',
    ],
    [
      'a 工号 that is already another login name',
      async () => ({ employeeNo: 'admin' }),
      'DUPLICATE_USERNAME',
    ],
  ];

  it.each(cases)('refuses %s', async (_what, make, code) => {
    const input = newEmployee(await make());
    const before = await rowCounts(env);
    const e = failure(await env.gql(CREATE_PERSON, { input }, hr));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(CHINESE);
    expect(await rowCounts(env)).toEqual(before);
  });

  it('refuses a bad update and leaves the person as they were', async () => {
    const input = newEmployee();
    const { id } = ok(await env.gql(CREATE_PERSON, { input }, hr)).createPerson;
    const before = await rowCounts(env);
    const e = failure(await env.gql(UPDATE_PERSON, { id, input: { name: '改名', phone: 'abc' } }, hr));
    expect(e).toMatchObject({ code: 'BAD_PHONE', message: '手机号码格式不正确' });
    expect(await rowCounts(env)).toEqual(before);
    expect((await env.context().em.findOneOrFail(Person, id)).name).toBe(input.name);
    const cleared = failure(await env.gql(UPDATE_PERSON, { id, input: { name: null } }, hr));
    expect(cleared).toMatchObject({ code: 'BAD_NAME', message: '姓名不能为空且不超过 50 字' });
  });
});

describe('who sees whom', () => {
  it('masks the ID number for security and shows it whole to hr', async () => {
    const zhangsan = await plant.personOf('zhangsan');
    const full = (await env.context().em.findOneOrFail(Person, zhangsan)).idNumber!;
    const q = `query($id: ID!) { person(id: $id) { idNumber } }`;
    const security = await env.login('security', 'security123');
    const masked = ok(await env.gql(q, { id: zhangsan }, security)).person.idNumber;
    expect(masked).toBe(`${full.slice(0, 6)}********${full.slice(-4)}`);
    expect(ok(await env.gql(q, { id: zhangsan }, hr)).person.idNumber).toBe(full);
  });

  it('shows an employee only themself', async () => {
    const token = await env.login('zhangsan', 'zhangsan123');
    const page = ok(await env.gql(PEOPLE, { limit: 200 }, token)).people;
    expect(page.total).toBe(1);
    expect(page.items.map((p: { name: string }) => p.name)).toEqual(['张三']);
  });

  it('shows a department head the people of their department and below, and themself', async () => {
    const token = await env.login('yunxing', 'yunxing123');
    const page = ok(await env.gql(PEOPLE, { limit: 200 }, token)).people;
    const em = env.context().em;
    const inDept = await em.count(Person, { orgUnit: { fullName: { $like: '东港发电有限公司/运行部%' } } });
    expect(inDept).toBeGreaterThan(10);
    expect(page.total).toBe(inDept);
    expect(page.items.map((p: { id: string }) => p.id)).toContain(await plant.personOf('yunxing'));
    for (const p of page.items) expect(p.orgUnit.fullName).toMatch(/^东港发电有限公司\/运行部/);
  });

  it('serves at most 200 a page and says which page size it used', async () => {
    const q = `query($limit: Int, $offset: Int) { people(limit: $limit, offset: $offset) { total offset limit items { id } } }`;
    const page = ok(await env.gql(q, { limit: 1000, offset: -5 }, hr)).people;
    expect(page).toMatchObject({ offset: 0, limit: 200 });
    expect(page.items).toHaveLength(200);
  });

  it('shows hr everyone', async () => {
    const page = ok(await env.gql(PEOPLE, { limit: 10 }, hr)).people;
    expect(page.total).toBe(await env.context().em.count(Person, {}));
  });
});
