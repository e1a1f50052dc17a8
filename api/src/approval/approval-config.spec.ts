import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, type TestSite } from '../testing/access-fixtures.js';
import { demoPlant, failure, ok } from '../testing/helpers.js';
import { createTestEnvironment, type TestEnvironment } from '../testing/index.js';
import { loadApprovalPolicies } from './approval-policy.js';

const REQUEST = `mutation($i:TemporaryAccessInput!){requestTemporaryAccess(input:$i){
  id status steps{name status approverNames}}}`;

let env: TestEnvironment;
let site: TestSite;
let hrName: string;
const fromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

beforeAll(async () => {
  // The HR officer's person id is known only after seeding, so this policy is loaded afterwards, as
  // APPROVAL_POLICIES would be at start-up.
  env = await createTestEnvironment({ seed: true });
  const plant = await demoPlant(env);
  const hrId = await plant.personOf('hr');
  hrName = (
    await env.context().em.execute<{ name: string }[]>('select name from person where id = ?', [hrId])
  )[0]!.name;
  env.api.services.config.approvalPolicies = loadApprovalPolicies(
    JSON.stringify({
      TEMPORARY_ACCESS: {
        maxWindowHours: 4,
        steps: [
          {
            name: '部门负责人审批',
            approver: { type: 'DEPARTMENT_HEAD' },
            fallback: { type: 'ROLE', role: 'SECURITY' },
          },
          {
            name: '人事审批',
            approver: { type: 'PERSON', personId: hrId },
            when: { areaLevel: ['PRODUCTION'] },
          },
        ],
      },
    }),
  );
  site = await createTestSite(env, await env.login('security', 'security123'));
});
afterAll(() => env?.stop());

describe('a policy from configuration', () => {
  it('routes a head with nobody above to the fallback role, and adds a named person for production areas', async () => {
    const yunxing = await env.login('yunxing', 'yunxing123');
    const r = ok(
      await env.gql(
        REQUEST,
        { i: { areaId: site.prod, validFrom: fromNow(1), validUntil: fromNow(3), reason: '检修' } },
        yunxing,
      ),
    ).requestTemporaryAccess;
    expect(r.steps).toMatchObject([
      { name: '部门负责人审批', status: 'PENDING' },
      { name: '人事审批', status: 'WAITING' },
    ]);
    expect(r.steps[0].approverNames).toHaveLength(1);
    const security = await env.login('security', 'security123');
    ok(
      await env.gql(
        `mutation($i:DecideApprovalInput!){decideApproval(input:$i){status}}`,
        { i: { requestId: r.id, decision: 'APPROVE' } },
        security,
      ),
    );
    const seen = ok(
      await env.gql(`query($id:ID!){approval(id:$id){steps{status approverNames}}}`, { id: r.id }, yunxing),
    ).approval;
    expect(seen.steps[1]).toEqual({ status: 'PENDING', approverNames: [hrName] });
  });

  it('holds requests to the configured longest window', async () => {
    const zhangsan = await env.login('zhangsan', 'zhangsan123');
    const e = failure(
      await env.gql(
        REQUEST,
        { i: { areaId: site.ccr, validFrom: fromNow(1), validUntil: fromNow(6), reason: '检修' } },
        zhangsan,
      ),
    );
    expect(e).toMatchObject({ code: 'WINDOW_TOO_LONG', message: '申请时长不能超过 4 小时' });
  });
});
