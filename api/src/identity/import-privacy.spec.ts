import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { newIdNumber, ok } from '../testing/helpers.js';
import { archiveCsv, createTestEnvironment, type TestEnvironment } from '../testing/index.js';
import { collect, wsClient } from '../testing/ws.js';

const IMPORT = `mutation($i:ImportPeopleInput!){importPeople(input:$i){ok created}}`;
const PROGRESS = `subscription($j:String!){importProgress(jobId:$j){jobId phase processed total}}`;

let env: TestEnvironment;
beforeAll(async () => {
  env = await createTestEnvironment({ seed: true });
});
afterAll(() => env?.stop());

describe('who sees an import and an export', () => {
  it('shows import progress to the importer only, not to another account that guesses the job id', async () => {
    const hr = await env.login('hr', 'hr123456');
    const admin = await env.login('admin', 'admin123');
    const jobId = randomUUID();
    const mine = wsClient(env, hr);
    const theirs = wsClient(env, admin);
    const own = collect<{ importProgress: { phase: string } }>(mine, PROGRESS, { j: jobId }, (rs) =>
      rs.some((r) => r.data?.importProgress.phase === 'done'),
    );
    const snoop = collect(theirs, PROGRESS, { j: jobId });
    await new Promise((r) => setTimeout(r, 200)); // both subscriptions are registered
    const csv = archiveCsv([{ 姓名: '赵导入', 身份证号: newIdNumber('19880808'), 人员类型: '职工' }]);
    const input = {
      filename: 'a.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
      dryRun: false,
      jobId,
    };
    expect(ok(await env.gql(IMPORT, { i: input }, hr)).importPeople).toEqual({ ok: true, created: 1 });
    const seen = await own.finished;
    expect(seen.map((r) => r.data?.importProgress.phase)).toContain('done');
    await new Promise((r) => setTimeout(r, 100));
    expect(snoop.results).toEqual([]);
    await mine.dispose();
    await theirs.dispose();
  });

  it('writes who exported how many people, and with which filter, to the audit log', async () => {
    const hr = await env.login('hr', 'hr123456');
    const r = ok(await env.gql(`{exportPeople(filter:{type:CONTRACTOR}){count}}`, {}, hr));
    const entry = await env
      .context()
      .em.findOneOrFail(AuditEntry, { action: 'PEOPLE_EXPORT' }, { orderBy: { seq: 'desc' } });
    expect(entry).toMatchObject({
      actorName: 'hr',
      after: { count: r.exportPeople.count, filter: { type: 'CONTRACTOR' } },
    });
    expect(r.exportPeople.count).toBe(60);
  });
});
