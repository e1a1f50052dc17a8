import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { failure, ok } from '../testing/helpers.js';
import { createTestEnvironment, type TestEnvironment } from '../testing/index.js';
import { OrgUnit } from './org-unit.entity.js';

const CREATE_UNIT = `mutation($i:OrgUnitInput!){createOrgUnit(input:$i){id fullName kind parentId}}`;
const CREATE_POST = `mutation($i:PostInput!){createPost(input:$i){id name company{name}}}`;
const CREATE_COMPANY = `mutation($i:ContractorCompanyInput!){createContractorCompany(input:$i){id name creditCode}}`;
const SET_HEAD = `mutation($u:ID!,$p:ID){setOrgUnitHead(orgUnitId:$u,personId:$p){id}}`;
const SET_ROLES = `mutation($p:ID!,$r:[Role!]!){setPersonRoles(personId:$p,roles:$r)}`;
const PEOPLE = `{people(limit:200){total items{id name}}}`;
const ME = `{me{roles person{id}}}`;

let env: TestEnvironment;
let hr: string;
let admin: string;
let plantId: string;
beforeAll(async () => {
  env = await createTestEnvironment({ seed: true });
  hr = await env.login('hr', 'hr123456');
  admin = await env.login('admin', 'admin123');
  plantId = (await env.context().em.findOneOrFail(OrgUnit, { code: 'DG' })).id;
});
afterAll(() => env?.stop());

describe('org tree', () => {
  it('builds company → department → team and names each by its full path', async () => {
    const dept = ok(
      await env.gql(
        CREATE_UNIT,
        { i: { name: '环保部', code: 'DG-HB', kind: 'DEPARTMENT', parentId: plantId } },
        hr,
      ),
    );
    expect(dept.createOrgUnit).toMatchObject({ fullName: '东港发电有限公司/环保部', parentId: plantId });
    const team = ok(
      await env.gql(
        CREATE_UNIT,
        { i: { name: '脱硫班', code: 'DG-HB-1', kind: 'TEAM', parentId: dept.createOrgUnit.id } },
        hr,
      ),
    );
    expect(team.createOrgUnit.fullName).toBe('东港发电有限公司/环保部/脱硫班');
  });

  it('refuses a team directly under a company, a duplicate code, and a name with a slash, writing nothing', async () => {
    const audits = await env.context().em.count(AuditEntry, {});
    const units = await env.context().em.count(OrgUnit, {});
    expect(
      failure(
        await env.gql(
          CREATE_UNIT,
          { i: { name: '错层班', code: 'X1', kind: 'TEAM', parentId: plantId } },
          hr,
        ),
      ).code,
    ).toBe('BAD_ORG_LEVEL');
    expect(
      failure(
        await env.gql(
          CREATE_UNIT,
          { i: { name: '重复', code: 'DG-YX', kind: 'DEPARTMENT', parentId: plantId } },
          hr,
        ),
      ).code,
    ).toBe('DUPLICATE');
    expect(
      failure(
        await env.gql(
          CREATE_UNIT,
          { i: { name: 'a/b', code: 'X2', kind: 'DEPARTMENT', parentId: plantId } },
          hr,
        ),
      ).code,
    ).toBe('VALIDATION');
    expect(
      failure(
        await env.gql(
          CREATE_UNIT,
          { i: { name: '无上级', code: 'X3', kind: 'DEPARTMENT', parentId: 'not-a-uuid' } },
          hr,
        ),
      ).code,
    ).toBe('UNKNOWN_ORG_UNIT');
    expect(await env.context().em.count(OrgUnit, {})).toBe(units);
    expect(await env.context().em.count(AuditEntry, {})).toBe(audits);
  });

  it('keeps org changes to HR and admins', async () => {
    const zhangsan = await env.login('zhangsan', 'zhangsan123');
    expect(
      failure(
        await env.gql(
          CREATE_UNIT,
          { i: { name: '私设部', code: 'X4', kind: 'DEPARTMENT', parentId: plantId } },
          zhangsan,
        ),
      ).code,
    ).toBe('FORBIDDEN');
  });

  it('creates posts only under a company, and contractor companies with a valid credit code', async () => {
    expect(
      ok(await env.gql(CREATE_POST, { i: { name: '环保专工', code: 'HB1', companyId: plantId } }, hr))
        .createPost.company.name,
    ).toBe('东港发电有限公司');
    const dept = await env.context().em.findOneOrFail(OrgUnit, { code: 'DG-YX' });
    expect(
      failure(await env.gql(CREATE_POST, { i: { name: '错岗', code: 'HB2', companyId: dept.id } }, hr)).code,
    ).toBe('UNKNOWN_ORG_UNIT');
    const co = ok(
      await env.gql(
        CREATE_COMPANY,
        { i: { name: '华东脱硫工程有限公司', creditCode: '91310000MA1K4C2X3Y' } },
        hr,
      ),
    );
    expect(co.createContractorCompany.creditCode).toBe('91310000MA1K4C2X3Y');
    expect(
      failure(await env.gql(CREATE_COMPANY, { i: { name: '坏代码公司', creditCode: '123' } }, hr)).code,
    ).toBe('BAD_CREDIT_CODE');
  });

  it('makes a new unit head see exactly that unit, at once', async () => {
    const security = await env.login('security', 'security123');
    const securityPerson = ok(await env.gql(ME, {}, security)).me.person.id;
    const unit = await env.context().em.findOneOrFail(OrgUnit, { code: 'DG-HQ' });
    ok(await env.gql(SET_ROLES, { p: securityPerson, r: ['SECURITY', 'APPROVER', 'EMPLOYEE'] }, admin));
    ok(await env.gql(SET_HEAD, { u: unit.id, p: securityPerson }, hr));
    // SECURITY already reads everyone; the narrowing shows for a head without PERSON_READ_ALL.
    ok(await env.gql(SET_ROLES, { p: securityPerson, r: ['APPROVER', 'EMPLOYEE'] }, admin));
    const seen = ok(await env.gql(PEOPLE, {}, security)).people;
    const inUnit = await env
      .context()
      .em.getConnection()
      .execute(
        `select count(*)::int as n from person p join org_unit u on u.id = p.org_unit_id where u.path like ?`,
        [`${unit.path}%`],
      );
    const ownUnit = await env
      .context()
      .em.getConnection()
      .execute(
        `select count(*)::int as n from person p join org_unit u on u.id = p.org_unit_id where p.id = ? and u.path like ?`,
        [securityPerson, `${unit.path}%`],
      );
    expect(seen.total).toBe(inUnit[0].n + (ownUnit[0].n ? 0 : 1));
  });
});

describe('roles', () => {
  it('are set by admins only, audited with before and after, and take effect on the next request', async () => {
    const zhangsan = await env.login('zhangsan', 'zhangsan123');
    const me = ok(await env.gql(ME, {}, zhangsan)).me;
    expect(failure(await env.gql(SET_ROLES, { p: me.person.id, r: ['ADMIN'] }, hr)).code).toBe('FORBIDDEN');
    ok(await env.gql(SET_ROLES, { p: me.person.id, r: ['EMPLOYEE', 'CANTEEN'] }, admin));
    expect(ok(await env.gql(ME, {}, zhangsan)).me.roles).toEqual(['CANTEEN', 'EMPLOYEE']);
    const entry = await env
      .context()
      .em.findOneOrFail(AuditEntry, { action: 'ROLES_SET' }, { orderBy: { seq: 'desc' } });
    expect(entry.before).toEqual({ roles: ['EMPLOYEE'] });
    expect(entry.after).toMatchObject({ roles: ['CANTEEN', 'EMPLOYEE'] });
  });

  it('never gives a person the device role', async () => {
    const zhangsan = await env.login('zhangsan', 'zhangsan123');
    const me = ok(await env.gql(ME, {}, zhangsan)).me;
    expect(failure(await env.gql(SET_ROLES, { p: me.person.id, r: ['DEVICE'] }, admin)).code).toBe(
      'BAD_ROLE',
    );
  });
});
