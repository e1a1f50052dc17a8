import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import {
  ARCHIVE_HEADER,
  type ArchiveRow,
  archiveCsv,
  archiveXlsx,
  gbk,
  readSheet,
} from '../testing/archive-file.js';
import { failure, newIdNumber, ok, rowCounts, withBadCheckDigit } from '../testing/helpers.js';
import { createTestEnvironment, type TestEnvironment } from '../testing/index.js';
import { collect, wsClient } from '../testing/ws.js';
import { Card } from './card.entity.js';
import { Person } from './person.entity.js';
import { Vehicle } from './vehicle.entity.js';

const IMPORT = `mutation($input: ImportPeopleInput!) { importPeople(input: $input) {
  jobId dryRun ok totalRows created errors { row column code message } } }`;
const PROGRESS = `subscription($jobId: String!) { importProgress(jobId: $jobId) { jobId phase processed total } }`;
const TEAM = '东港发电有限公司/运行部/运行一值';

let env: TestEnvironment;
let hr: string;

beforeAll(async () => {
  env = await createTestEnvironment({ seed: true });
  hr = await env.login('hr', 'hr123456');
});
afterAll(() => env?.stop());

const employee = (n: number, more: ArchiveRow = {}): ArchiveRow => ({
  姓名: `导入${n}`,
  性别: '男',
  身份证号: newIdNumber('19880808'),
  手机号: `1370000${String(n).padStart(4, '0')}`,
  工号: `IMP${n}`,
  人员类型: '职工',
  组织: TEAM,
  岗位: '巡检员',
  入职日期: '2024-03-01',
  照片: `/photos/imp${n}.jpg`,
  ...more,
});

const send = (
  file: { name: string; content: Buffer | string },
  dryRun: boolean,
  token = hr,
  jobId?: string,
) =>
  env.gql(
    IMPORT,
    {
      input: {
        filename: file.name,
        contentBase64: Buffer.from(file.content).toString('base64'),
        dryRun,
        jobId,
      },
    },
    token,
  );

function badRows(): ArchiveRow[] {
  return [
    employee(101),
    employee(102, { 身份证号: withBadCheckDigit(newIdNumber()) }),
    employee(103, { 组织: '东港发电有限公司/不存在部', 岗位: '' }),
    employee(104, { 卡号: 'DG100001' }),
    employee(105, { 卡号: 'IMPDUP01' }),
    employee(106, { 卡号: 'impdup01' }),
    employee(107, { 车牌: '鲁B12' }),
  ];
}

const EXPECTED_PROBLEMS = [
  { row: 3, column: '身份证号', code: 'BAD_ID_NUMBER', message: '身份证号码校验位错误' },
  {
    row: 4,
    column: '组织',
    code: 'UNKNOWN_ORG_UNIT',
    message: '未知组织「东港发电有限公司/不存在部」，请填写完整路径，如「公司/部门/班组」',
  },
  { row: 5, column: '卡号', code: 'DUPLICATE_CARD', message: '卡号 DG100001 已被使用' },
  { row: 7, column: '卡号', code: 'DUPLICATE_IN_FILE', message: '卡号与第 6 行重复' },
  { row: 8, column: '车牌', code: 'BAD_PLATE', message: '车牌号格式不正确' },
];

describe('importing the 基础档案 file', () => {
  it('dry-runs a CSV: every row’s problems in Chinese with its row number, nothing written', async () => {
    const before = await rowCounts(env);
    const r = ok(await send({ name: '人员.csv', content: archiveCsv(badRows()) }, true)).importPeople;
    expect(r).toMatchObject({ dryRun: true, ok: false, totalRows: 7, created: 0 });
    expect(r.errors).toEqual(EXPECTED_PROBLEMS);
    expect(await rowCounts(env)).toEqual(before);
  });

  it('writes nothing at all when a real run meets a file with any error', async () => {
    const before = await rowCounts(env);
    const r = ok(
      await send({ name: '人员.xlsx', content: await archiveXlsx(badRows()) }, false),
    ).importPeople;
    expect(r).toMatchObject({ dryRun: false, ok: false, created: 0 });
    expect(r.errors).toEqual(EXPECTED_PROBLEMS);
    expect(await rowCounts(env)).toEqual(before);
    expect(await env.context().em.count(Person, { name: '导入101' })).toBe(0);
  });

  it('imports a clean XLSX whole, reporting progress over the importProgress subscription', async () => {
    const rows = [
      employee(201, { 卡号: 'IMP00201', 车牌: '鲁B9Z201' }),
      {
        姓名: '外协乙',
        身份证号: newIdNumber('19791111'),
        手机号: '13700000202',
        人员类型: '外协',
        外协单位: '山东电建检修工程有限公司',
        卡号: 'IMP00202',
      },
      { 姓名: '访客丙', 人员类型: '访客', 手机号: '13700000203' },
    ];
    const file = { name: '人员.xlsx', content: await archiveXlsx(rows) };
    const jobId = randomUUID();
    const client = wsClient(env, hr);
    const done = (rs: { data?: { importProgress: { phase: string } } }[]) =>
      rs.some((x) => x.data?.importProgress.phase === 'done');
    const progress = collect<{ importProgress: { phase: string; processed: number; total: number } }>(
      client,
      PROGRESS,
      { jobId },
      (rs) => rs.some((x) => x.data?.importProgress.phase === 'commit') && done(rs.slice(-1)),
    );
    // The subscription is live once a dry run's progress reaches it; only then does the real run start.
    for (let i = 0; i < 50 && !done(progress.results); i++) {
      ok(await send(file, true, hr, jobId));
      await new Promise((r) => setTimeout(r, 20));
    }
    progress.results.length = 0;
    const before = await rowCounts(env);
    const r = ok(await send(file, false, hr, jobId)).importPeople;
    expect(r).toMatchObject({ jobId, ok: true, created: 3, totalRows: 3, errors: [] });
    const events = (await progress.finished).map((x) => x.data!.importProgress);
    await client.dispose();
    expect(events.map((e) => e.phase)).toEqual(['validate', 'validate', 'commit', 'done']);
    expect(events.at(-1)).toMatchObject({ processed: 3, total: 3 });

    const after = await rowCounts(env);
    expect(after.Person - before.Person).toBe(3);
    expect(after.Card - before.Card).toBe(2);
    expect(after.Vehicle - before.Vehicle).toBe(1);
    expect(after.UserAccount - before.UserAccount).toBe(2);
    const em = env.context().em;
    const imported = await em.findOneOrFail(
      Person,
      { employeeNo: 'IMP201' },
      { populate: ['orgUnit', 'post'] },
    );
    expect(imported).toMatchObject({
      name: '导入201',
      gender: 'MALE',
      type: 'EMPLOYEE',
      entryDate: '2024-03-01',
    });
    expect(imported.orgUnit!.getEntity().fullName).toBe(TEAM);
    expect(await em.findOneOrFail(Card, { number: 'IMP00201' })).toMatchObject({ status: 'ACTIVE' });
    expect(await em.findOneOrFail(Vehicle, { plate: '鲁B9Z201' })).toMatchObject({ active: true });
    expect(await em.count(AuditEntry, { action: 'PEOPLE_IMPORT', entityId: jobId })).toBe(1);
  });

  it('answers a double submission of the same file row by row, having imported it once', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => employee(1000 + i, { 卡号: `DBL${1000 + i}` }));
    const file = { name: '人员.xlsx', content: await archiveXlsx(rows) };
    const before = await rowCounts(env);
    const results = await Promise.all([send(file, false), send(file, false)]);
    const [first, second] = results.map((r) => ok(r).importPeople).sort((a, b) => b.created - a.created);
    expect(first).toMatchObject({ ok: true, created: 120 });
    expect(second).toMatchObject({ ok: false, created: 0 });
    expect(second.errors[0]).toMatchObject({ row: 2, code: 'DUPLICATE_ID_NUMBER' });
    expect((await rowCounts(env)).Person - before.Person).toBe(120);
  });

  it('lets an imported employee log in with 工号 and the last six ID characters, then change the password', async () => {
    const row = employee(301);
    ok(await send({ name: '一人.csv', content: archiveCsv([row]) }, false));
    const first = await env.login('IMP301', row.身份证号!.slice(-6));
    expect(ok(await env.gql('{ me { mustChangePassword person { name } } }', {}, first)).me).toEqual({
      mustChangePassword: true,
      person: { name: '导入301' },
    });
    const change = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`;
    expect(
      ok(await env.gql(change, { c: row.身份证号!.slice(-6), n: 'Anquan2026' }, first)).changePassword,
    ).toBe(true);
    const again = await env.login('IMP301', 'Anquan2026');
    expect(ok(await env.gql('{ me { mustChangePassword } }', {}, again)).me.mustChangePassword).toBe(false);
    expect(
      failure(
        await env.gql(
          `mutation { login(username: "IMP301", password: "${row.身份证号!.slice(-6)}") { accessToken } }`,
        ),
      ).code,
    ).toBe('INVALID_CREDENTIALS');
  });

  it('reads an XLSX as people fill it in: numbers, real dates, date formulas and links', async () => {
    const row = {
      ...employee(501),
      手机号: 13700000501,
      工号: 501,
      入职日期: new Date('2023-07-01T00:00:00Z'),
      照片: { text: '/photos/501.jpg', hyperlink: 'http://park.example/photos/501.jpg' },
    };
    const formula = {
      ...employee(502),
      入职日期: { formula: 'DATE(2023,7,2)', result: new Date('2023-07-02T00:00:00Z') },
    };
    const r = ok(
      await send({ name: '人员.xlsx', content: await archiveXlsx([row, formula]) }, false),
    ).importPeople;
    expect(r).toMatchObject({ ok: true, created: 2, errors: [] });
    const em = env.context().em;
    expect(await em.findOneOrFail(Person, { employeeNo: '501' })).toMatchObject({
      phone: '13700000501',
      entryDate: '2023-07-01',
      photoUrl: '/photos/501.jpg',
    });
    expect((await em.findOneOrFail(Person, { employeeNo: 'IMP502' })).entryDate).toBe('2023-07-02');
  });

  it('reads a CSV that a Chinese Excel saved in GBK', async () => {
    const r = ok(
      await send({ name: '人员.csv', content: gbk(archiveCsv([employee(601)]).slice(1)) }, true),
    ).importPeople;
    expect(r).toMatchObject({ ok: true, totalRows: 1, errors: [] });
  });

  it('exports an XLSX that reads back with the import columns and the imported values', async () => {
    const r = ok(
      await env.gql(
        `{ exportPeople(filter: { search: "IMP201" }) { filename mimeType contentBase64 count } }`,
        {},
        hr,
      ),
    );
    expect(r.exportPeople).toMatchObject({
      count: 1,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(r.exportPeople.filename).toMatch(/^人员档案-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = await readSheet(Buffer.from(r.exportPeople.contentBase64, 'base64'));
    expect(sheet.header).toEqual([...ARCHIVE_HEADER]);
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.rows[0]).toMatchObject({
      姓名: '导入201',
      性别: '男',
      工号: 'IMP201',
      人员类型: '职工',
      组织: TEAM,
      岗位: '巡检员',
      卡号: 'IMP00201',
      车牌: '鲁B9Z201',
      入职日期: '2024-03-01',
    });
    expect(sheet.rows[0]!.身份证号).toMatch(/^110101\d{11}[\dX]$/);
  });

  it('is closed to an employee, over HTTP and over the WebSocket', async () => {
    const token = await env.login('zhangsan', 'zhangsan123');
    expect(
      failure(await send({ name: 'x.csv', content: archiveCsv([employee(401)]) }, true, token)).code,
    ).toBe('FORBIDDEN');
    const client = wsClient(env, token);
    const [first] = await collect(client, PROGRESS, { jobId: randomUUID() }, () => true).finished;
    await client.dispose();
    expect(first!.errors?.[0]).toMatchObject({ message: '没有权限执行此操作' });
  });
});
