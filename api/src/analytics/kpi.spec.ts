import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_PERSON, failure, newEmployee, ok } from '../testing/helpers.js';
import { createTestEnvironment, type TestEnvironment } from '../testing/index.js';

const KPIS = `{ kpis { archiveCompleteness {
  ratio target meetsTarget total complete requiredFields incomplete(limit: 1000) { person { id name } missing } } } }`;

interface Completeness {
  ratio: number;
  target: number;
  meetsTarget: boolean;
  total: number;
  complete: number;
  requiredFields: string[];
  incomplete: { person: { id: string; name: string }; missing: string[] }[];
}

const completeness = async (env: TestEnvironment, token: string): Promise<Completeness> =>
  ok(await env.gql(KPIS, {}, token)).kpis.archiveCompleteness;

/** The same KPI, counted independently in SQL from the default rule set. */
async function countInSql(env: TestEnvironment) {
  const filled = `name is not null and name <> '微信用户' and gender <> 'UNKNOWN' and id_number is not null
    and phone is not null and photo_url is not null and case type
      when 'EMPLOYEE' then org_unit_id is not null and post_id is not null
      else company_id is not null end`;
  const [row] = await env.orm.em.getConnection().execute(
    `select count(*)::int as total, count(*) filter (where ${filled})::int as complete,
       array_agg(id::text) filter (where not (${filled})) as incomplete
     from person where status = 'ACTIVE' and type in ('EMPLOYEE', 'CONTRACTOR')`,
  );
  return row as { total: number; complete: number; incomplete: string[] | null };
}

describe('人员档案完整率 with the default required fields', () => {
  let env: TestEnvironment;
  let hr: string;
  beforeAll(async () => {
    env = await createTestEnvironment({ seed: true });
    hr = await env.login('hr', 'hr123456');
  });
  afterAll(() => env?.stop());

  it('matches a count made directly in the database', async () => {
    ok(await env.gql(CREATE_PERSON, { input: { name: '档案残缺', type: 'EMPLOYEE' } }, hr));
    ok(
      await env.gql(CREATE_PERSON, { input: { ...newEmployee(), type: 'CONTRACTOR', employeeNo: null } }, hr),
    );
    const kpi = await completeness(env, hr);
    const sql = await countInSql(env);
    expect(sql.total).toBeGreaterThan(200);
    expect(sql.total - sql.complete).toBeGreaterThanOrEqual(2);
    expect({ total: kpi.total, complete: kpi.complete }).toEqual({
      total: sql.total,
      complete: sql.complete,
    });
    expect(kpi.ratio).toBeCloseTo(sql.complete / sql.total, 10);
    expect(kpi.meetsTarget).toBe(kpi.ratio >= 0.98);
    expect(kpi.incomplete.map((i) => i.person.id).sort()).toEqual([...(sql.incomplete ?? [])].sort());
  });

  it('names what each incomplete person lacks, in Chinese', async () => {
    const kpi = await completeness(env, hr);
    const bare = kpi.incomplete.find((i) => i.person.name === '档案残缺');
    expect(bare?.missing).toEqual(['性别', '身份证号', '手机号', '组织', '岗位', '照片']);
    const contractor = kpi.incomplete.find((i) => i.person.name.startsWith('测试'));
    expect(contractor?.missing).toEqual(['外协单位', '照片']);
  });

  it('no longer counts a person who has left', async () => {
    const before = await completeness(env, hr);
    const leaver = before.incomplete.find((i) => i.person.name === '档案残缺')!.person.id;
    ok(
      await env.gql(
        `mutation($id: ID!) { offboardPerson(id: $id, reason: "离职") { cardsVoided } }`,
        { id: leaver },
        hr,
      ),
    );
    const after = await completeness(env, hr);
    expect(after.total).toBe(before.total - 1);
    expect(after.complete).toBe(before.complete);
  });

  it('is not shown to an employee', async () => {
    const token = await env.login('zhangsan', 'zhangsan123');
    expect(failure(await env.gql(KPIS, {}, token)).code).toBe('FORBIDDEN');
  });
});

describe('人员档案完整率 with ARCHIVE_REQUIRED_FIELDS configured', () => {
  let env: TestEnvironment;
  let hr: string;
  beforeAll(async () => {
    env = await createTestEnvironment({
      seed: true,
      env: { ARCHIVE_REQUIRED_FIELDS: 'EMPLOYEE:name,phone' },
    });
    hr = await env.login('hr', 'hr123456');
  });
  afterAll(() => env?.stop());

  it('counts only the configured types against only the configured fields', async () => {
    ok(await env.gql(CREATE_PERSON, { input: { name: '无电话', type: 'EMPLOYEE' } }, hr));
    ok(await env.gql(CREATE_PERSON, { input: { name: '无照片外协', type: 'CONTRACTOR' } }, hr));
    const [row] = await env.orm.em
      .getConnection()
      .execute(
        `select count(*)::int as total, count(phone)::int as complete from person where status = 'ACTIVE' and type = 'EMPLOYEE'`,
      );
    const kpi = await completeness(env, hr);
    expect(kpi.requiredFields).toEqual(['EMPLOYEE:name,phone']);
    expect({ total: kpi.total, complete: kpi.complete }).toEqual(row);
    expect(kpi.incomplete).toEqual([
      { person: { id: expect.any(String), name: '无电话' }, missing: ['手机号'] },
    ]);
  });
});
