import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, type TestSite } from '../testing/access-fixtures.js';
import { failure, ok } from '../testing/helpers.js';
import { createTestEnvironment, type GqlResult, type TestEnvironment } from '../testing/index.js';
import { collect, wsClient } from '../testing/ws.js';
import { ApprovalKind, ApprovalStepStatus } from './approval.enums.js';
import { remindStaleSteps } from './approval-reminders.js';
import { ApprovalStep } from './approval-step.entity.js';

const SUBSCRIBE = `subscription{approvalRequested{requestId kind title summary requesterName stepSeq stepName reminder}}`;
const REQUEST = `mutation($i:TemporaryAccessInput!){requestTemporaryAccess(input:$i){id}}`;
const DECIDE = `mutation($i:DecideApprovalInput!){decideApproval(input:$i){status}}`;
const PROBE = 'probe';

interface Notice {
  approvalRequested: { requestId: string; stepSeq: number; stepName: string; reminder: boolean };
}

let env: TestEnvironment;
let site: TestSite;
const token: Record<string, string> = {};
const clients: Client[] = [];
const feeds: Record<string, GqlResult<Notice>[]> = {};

const fromNow = (ms: number) => new Date(Date.now() + ms).toISOString();
const notices = (who: string) =>
  feeds[who]!.map((r) => r.data?.approvalRequested).filter((n) => n && n.requestId !== PROBE);

beforeAll(async () => {
  env = await createTestEnvironment({ seed: true });
  for (const [u, p] of [
    ['security', 'security123'],
    ['yunxing', 'yunxing123'],
    ['zhangsan', 'zhangsan123'],
    ['hr', 'hr123456'],
  ])
    token[u!] = await env.login(u!, p!);
  site = await createTestSite(env, token.security!);
  for (const who of Object.keys(token)) {
    const client = wsClient(env, token[who]);
    clients.push(client);
    feeds[who] = collect<Notice>(client, SUBSCRIBE, {}).results;
  }
  // A subscription has no "ready" message: publish a probe addressed to everyone until all have it.
  const everyone = await env
    .context()
    .em.execute<{ id: string }[]>('select person_id as id from user_account');
  for (let i = 0; i < 100 && Object.values(feeds).some((f) => f.length === 0); i++) {
    const probe = {
      requestId: PROBE,
      kind: ApprovalKind.TEMPORARY_ACCESS,
      title: '',
      summary: '',
      requesterName: '',
      stepSeq: 0,
      stepName: '',
      requestedAt: new Date(),
      candidateIds: everyone.map((r) => r.id).filter(Boolean),
      reminder: false,
    };
    for (const id of probe.candidateIds) env.api.services.pubsub.publish('APPROVAL_REQUESTED', id, probe);
    await new Promise((r) => setTimeout(r, 20));
  }
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await env?.stop();
});

describe('approvalRequested', () => {
  it('tells each step’s approvers alone, once the step is current', async () => {
    const id = ok(
      await env.gql(
        REQUEST,
        {
          i: { areaId: site.ccr, validFrom: fromNow(60_000), validUntil: fromNow(7_200_000), reason: '巡检' },
        },
        token.zhangsan,
      ),
    ).requestTemporaryAccess.id;
    await expect.poll(() => notices('yunxing')).toHaveLength(1);
    expect(notices('yunxing')[0]).toMatchObject({
      requestId: id,
      stepSeq: 1,
      stepName: '部门负责人审批',
      reminder: false,
    });
    expect(feeds.yunxing!.at(-1)!.data!.approvalRequested).toMatchObject({
      kind: 'TEMPORARY_ACCESS',
      title: '临时通行：CCR',
      requesterName: '张三',
    });

    ok(await env.gql(DECIDE, { i: { requestId: id, decision: 'APPROVE' } }, token.yunxing));
    await expect.poll(() => notices('security')).toHaveLength(1);
    expect(notices('security')[0]).toMatchObject({ requestId: id, stepSeq: 2, stepName: '保卫部审批' });
    await new Promise((r) => setTimeout(r, 200));
    expect(notices('yunxing')).toHaveLength(1);
    expect(notices('zhangsan')).toEqual([]);
    expect(notices('hr')).toEqual([]);
  });

  it('is refused to a caller who is not logged in', async () => {
    const anonymous = wsClient(env);
    const [first] = await collect(anonymous, SUBSCRIBE, {}, () => true).finished;
    await anonymous.dispose();
    expect(first!.errors?.[0]).toMatchObject({ message: '请先登录' });
  });
});

describe('reminders', () => {
  it('reminds the approvers of a step left waiting, records it, and stops after the configured count', async () => {
    const step = await env.context().em.findOneOrFail(ApprovalStep, { status: ApprovalStepStatus.PENDING });
    const opened = step.activatedAt!.getTime();
    const minutes = (m: number) => new Date(opened + m * 60_000);

    expect(await remindStaleSteps(env.context(), minutes(119))).toEqual({ reminded: 0 });
    expect(await remindStaleSteps(env.context(), minutes(121))).toEqual({ reminded: 1 });
    await expect.poll(() => notices('security')).toHaveLength(2);
    expect(notices('security')[1]).toMatchObject({ requestId: step.request.id, stepSeq: 2, reminder: true });
    const after = await env.context().em.findOneOrFail(ApprovalStep, step.id);
    expect(after).toMatchObject({ reminderCount: 1, remindedAt: minutes(121) });

    // The next one counts from the last reminder, not from when the step opened.
    expect(await remindStaleSteps(env.context(), minutes(200))).toEqual({ reminded: 0 });
    expect(await remindStaleSteps(env.context(), minutes(242))).toEqual({ reminded: 1 });
    expect(await remindStaleSteps(env.context(), minutes(363))).toEqual({ reminded: 1 });
    expect(await remindStaleSteps(env.context(), minutes(10_000))).toEqual({ reminded: 0 });
    expect((await env.context().em.findOneOrFail(ApprovalStep, step.id)).reminderCount).toBe(3);
    await expect.poll(() => notices('security')).toHaveLength(4);
    expect(notices('yunxing')).toHaveLength(1);
  });

  it('stops reminding once the step is decided', async () => {
    const step = await env.context().em.findOneOrFail(ApprovalStep, { status: ApprovalStepStatus.PENDING });
    ok(
      await env.gql(
        DECIDE,
        { i: { requestId: step.request.id, decision: 'REJECT', comment: '不批' } },
        token.security,
      ),
    );
    expect(await remindStaleSteps(env.context(), new Date(Date.now() + 86_400_000))).toEqual({ reminded: 0 });
    expect(
      failure(
        await env.gql(DECIDE, { i: { requestId: step.request.id, decision: 'APPROVE' } }, token.security),
      ).code,
    ).toBe('ALREADY_DECIDED');
  });
});
