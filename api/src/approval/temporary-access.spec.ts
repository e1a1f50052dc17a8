import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessChanged } from '../access/access.events.js';
import { AccessGrant } from '../access/access-grant.entity.js';
import { PostAreaGrant } from '../access/post-area-grant.entity.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { Person } from '../identity/person.entity.js';
import { createTestSite, type TestSite } from '../testing/access-fixtures.js';
import { CHINESE, demoPlant, failure, ok } from '../testing/helpers.js';
import { createTestEnvironment, type TestEnvironment } from '../testing/index.js';
import { ApprovalRequest } from './approval-request.entity.js';

const REQUEST = `mutation($i:TemporaryAccessInput!){requestTemporaryAccess(input:$i){
  id kind status title summary currentStep subject requesterName
  steps{seq name status approverNames}}}`;
const DECIDE = `mutation($i:DecideApprovalInput!){decideApproval(input:$i){
  id status currentStep outcome steps{seq status decidedByName comment}}}`;
const CANCEL = `mutation($id:ID!){cancelApprovalRequest(id:$id,reason:"作业取消"){id status steps{status}}}`;
const INBOX = `query($inbox:ApprovalInbox!){approvals(inbox:$inbox){id canDecide}}`;
const MINE = `{myApprovalRequests{id status steps{seq status comment}}}`;
const ONE = `query($id:ID!){approval(id:$id){id status}}`;
const DECIDE_ACCESS = `query($i:DecideAccessInput!){decideAccess(input:$i){
  __typename ... on AccessGranted{grantId} ... on AccessDenied{code}}}`;

let env: TestEnvironment;
let site: TestSite;
const token: Record<'security' | 'yunxing' | 'zhangsan' | 'hr', string> = {} as never;
let zhangsanId: string;

const fromNow = (ms: number) => new Date(Date.now() + ms).toISOString();
const HOUR = 3_600_000;

const request = (
  who: string,
  areaId: string,
  validFrom: string,
  validUntil: string,
  reason = '6kV 开关柜检修',
) => env.gql(REQUEST, { i: { areaId, validFrom, validUntil, reason } }, who);
const decide = (who: string, requestId: string, decision: 'APPROVE' | 'REJECT', comment?: string) =>
  env.gql(DECIDE, { i: { requestId, decision, comment } }, who);
const inbox = async (who: string, which: 'TODO' | 'DONE' = 'TODO') =>
  ok(await env.gql(INBOX, { inbox: which }, who)).approvals.map((a: { id: string }) => a.id) as string[];
const counts = async () => {
  const em = env.context().em;
  return [
    await em.count(ApprovalRequest, {}),
    await em.count(AccessGrant, {}),
    await em.count(AuditEntry, {}),
    (await em.find(ApprovalRequest, {}, { orderBy: { id: 'asc' } })).map(
      (r) => `${r.status}${r.currentStep}`,
    ),
  ];
};
const decideAt = async (areaDoor: string, at: Date) =>
  ok(
    await env.gql(
      DECIDE_ACCESS,
      { i: { passagePointId: areaDoor, direction: 'IN', personId: zhangsanId, at: at.toISOString() } },
      token.security,
    ),
  ).decideAccess;

beforeAll(async () => {
  env = await createTestEnvironment({ seed: true });
  for (const [u, p] of [
    ['security', 'security123'],
    ['yunxing', 'yunxing123'],
    ['zhangsan', 'zhangsan123'],
    ['hr', 'hr123456'],
  ] as const)
    token[u] = await env.login(u, p);
  site = await createTestSite(env, token.security);
  zhangsanId = await (await demoPlant(env)).personOf('zhangsan');
});
afterAll(() => env?.stop());

describe('temporary access through the approval engine', () => {
  it('takes a key-area request through the department head, then security, to a grant the gate honours inside its window and not a second after', async () => {
    const from = new Date(Date.now() + 60_000);
    const until = new Date(from.getTime() + 2 * HOUR);
    const r = ok(
      await request(token.zhangsan, site.ccr, from.toISOString(), until.toISOString()),
    ).requestTemporaryAccess;
    const yunxingName = (
      await env.context().em.findOneOrFail(Person, await (await demoPlant(env)).personOf('yunxing'))
    ).name;
    expect(r).toMatchObject({
      kind: 'TEMPORARY_ACCESS',
      status: 'PENDING',
      currentStep: 1,
      title: '临时通行：CCR',
      requesterName: '张三',
      steps: [
        { seq: 1, name: '部门负责人审批', status: 'PENDING', approverNames: [yunxingName] },
        { seq: 2, name: '保卫部审批', status: 'WAITING', approverNames: [] },
      ],
    });
    expect(r.summary).toMatch(/事由：6kV 开关柜检修/);
    expect(await inbox(token.yunxing)).toEqual([r.id]);
    expect(await inbox(token.security)).not.toContain(r.id);
    expect(failure(await decide(token.security, r.id, 'APPROVE')).code).toBe('NOT_FOUND');

    const afterHead = ok(await decide(token.yunxing, r.id, 'APPROVE', '同意，注意安全')).decideApproval;
    expect(afterHead).toMatchObject({ status: 'PENDING', currentStep: 2 });
    expect(afterHead.steps[0]).toMatchObject({
      status: 'APPROVED',
      comment: '同意，注意安全',
      decidedByName: yunxingName,
    });
    expect(await inbox(token.yunxing)).not.toContain(r.id);
    expect(await inbox(token.yunxing, 'DONE')).toContain(r.id);
    expect(ok(await env.gql(INBOX, { inbox: 'TODO' }, token.security)).approvals).toContainEqual({
      id: r.id,
      canDecide: true,
    });

    // The gates' resync signal goes out only once the grant is committed.
    const committed: boolean[] = [];
    const stop = env.api.services.bus.subscribe(AccessChanged, async (e) => {
      if (e.what === 'grant') committed.push((await env.context().em.count(AccessGrant, { id: e.id })) === 1);
    });
    const done = ok(await decide(token.security, r.id, 'APPROVE')).decideApproval;
    expect(done).toMatchObject({ status: 'APPROVED', currentStep: null });
    const grantId = done.outcome.grantId as string;
    const grant = await env.context().em.findOneOrFail(AccessGrant, grantId);
    expect(grant).toMatchObject({ source: 'TEMPORARY', validFrom: from, validUntil: until });
    await expect.poll(() => committed).toEqual([true]);
    stop();

    expect(await decideAt(site.ccrDoor, new Date(from.getTime() + 60_000))).toEqual({
      __typename: 'AccessGranted',
      grantId,
    });
    expect(await decideAt(site.ccrDoor, new Date(until.getTime() - 1000))).toMatchObject({ grantId });
    expect(await decideAt(site.ccrDoor, new Date(until.getTime() + 1000))).toMatchObject({
      code: 'GRANT_EXPIRED',
    });
    expect((await decideAt(site.ccrDoor, new Date(from.getTime() - 1000))).__typename).toBe('AccessDenied');

    const audit = await env
      .context()
      .em.find(AuditEntry, { entityId: { $in: [r.id, grantId] } }, { orderBy: { seq: 'asc' } });
    expect(audit.map((e) => e.action)).toEqual([
      'APPROVAL_SUBMIT',
      'APPROVAL_DECIDE',
      'GRANT_CREATE',
      'APPROVAL_DECIDE',
    ]);
    expect(audit[2]!.after).toMatchObject({ approvalId: r.id, source: 'TEMPORARY' });
  });

  it('asks only the department head for a production area, even one the post already opens', async () => {
    const em = env.context().em;
    const person = await em.findOneOrFail(Person, zhangsanId);
    em.create(PostAreaGrant, { post: person.post!.id, area: site.prod });
    await em.flush();
    const r = ok(
      await request(token.zhangsan, site.prod, fromNow(HOUR), fromNow(9 * HOUR), '夜间巡检'),
    ).requestTemporaryAccess;
    expect(r.steps.map((s: { name: string }) => s.name)).toEqual(['部门负责人审批']);
    const done = ok(await decide(token.yunxing, r.id, 'APPROVE')).decideApproval;
    expect(done.status).toBe('APPROVED');
    expect(await env.context().em.findOneOrFail(AccessGrant, done.outcome.grantId)).toMatchObject({
      source: 'TEMPORARY',
    });
  });

  it('needs a comment to reject, then ends the request with it and grants nothing', async () => {
    const r = ok(
      await request(token.zhangsan, site.ccr, fromNow(HOUR), fromNow(3 * HOUR)),
    ).requestTemporaryAccess;
    const before = await counts();
    for (const comment of [undefined, '   ']) {
      const e = failure(await decide(token.yunxing, r.id, 'REJECT', comment));
      expect(e).toMatchObject({ code: 'COMMENT_REQUIRED', message: '驳回时须填写审批意见' });
    }
    expect(await counts()).toEqual(before);
    const rejected = ok(await decide(token.yunxing, r.id, 'REJECT', '未办理工作票')).decideApproval;
    expect(rejected).toMatchObject({ status: 'REJECTED', currentStep: null, outcome: null });
    expect(rejected.steps.map((s: { status: string }) => s.status)).toEqual(['REJECTED', 'CANCELLED']);
    const mine = ok(await env.gql(MINE, {}, token.zhangsan)).myApprovalRequests;
    expect(mine.find((m: { id: string }) => m.id === r.id).steps[0].comment).toBe('未办理工作票');
    expect(failure(await decide(token.security, r.id, 'APPROVE')).code).toBe('NOT_FOUND');
    const history = async (status: string) =>
      ok(
        await env.gql(
          `query($s:ApprovalStatus){approvals(inbox:DONE,status:$s,kind:TEMPORARY_ACCESS){id}}`,
          { s: status },
          token.yunxing,
        ),
      ).approvals.map((a: { id: string }) => a.id);
    expect(await history('REJECTED')).toEqual([r.id]);
    expect(await history('APPROVED')).not.toContain(r.id);
    const [, grants] = await counts();
    expect(grants).toBe(before[1]);
  });

  it('refuses a step decided twice, and any decision after the request ended, changing nothing', async () => {
    const r = ok(
      await request(token.zhangsan, site.ccr, fromNow(HOUR), fromNow(2 * HOUR)),
    ).requestTemporaryAccess;
    ok(await decide(token.yunxing, r.id, 'APPROVE'));
    let before = await counts();
    expect(failure(await decide(token.yunxing, r.id, 'APPROVE'))).toMatchObject({
      code: 'ALREADY_DECIDED',
      message: '您已审批过此申请',
    });
    expect(failure(await decide(token.yunxing, r.id, 'REJECT', '改主意了')).code).toBe('ALREADY_DECIDED');
    expect(await counts()).toEqual(before);
    ok(await decide(token.security, r.id, 'APPROVE'));
    before = await counts();
    for (const who of [token.security, token.yunxing])
      expect(failure(await decide(who, r.id, 'APPROVE'))).toMatchObject({
        code: 'ALREADY_DECIDED',
        message: '该申请已通过，无需再审批',
      });
    expect(await counts()).toEqual(before);
  });

  it('lets only one of two simultaneous decisions on a step through', async () => {
    const r = ok(
      await request(token.zhangsan, site.ccr, fromNow(HOUR), fromNow(2 * HOUR)),
    ).requestTemporaryAccess;
    const results = await Promise.all([
      decide(token.yunxing, r.id, 'APPROVE'),
      decide(token.yunxing, r.id, 'REJECT', '不同意'),
    ]);
    expect(results.filter((x) => x.data).length).toBe(1);
    expect(failure(results.find((x) => x.errors)!).code).toBe('ALREADY_DECIDED');
    const audit = await env.context().em.count(AuditEntry, { entityId: r.id, action: 'APPROVAL_DECIDE' });
    expect(audit).toBe(1);
  });

  it('lets nobody off the step decide: the requester is told so, strangers learn nothing', async () => {
    const r = ok(
      await request(token.zhangsan, site.ccr, fromNow(HOUR), fromNow(2 * HOUR)),
    ).requestTemporaryAccess;
    const before = await counts();
    expect(failure(await decide(token.zhangsan, r.id, 'APPROVE'))).toMatchObject({
      code: 'NOT_APPROVER',
      message: '您不是当前审批步骤的审批人',
    });
    for (const id of [r.id, '00000000-0000-4000-8000-000000000000', 'nope'])
      expect(failure(await decide(token.hr, id, 'APPROVE'))).toMatchObject({
        code: 'NOT_FOUND',
        message: '审批申请不存在或无权访问',
      });
    expect(failure(await env.gql(ONE, { id: r.id }, token.hr)).code).toBe('NOT_FOUND');
    expect(ok(await env.gql(ONE, { id: r.id }, token.zhangsan)).approval.status).toBe('PENDING');
    expect(await counts()).toEqual(before);
  });

  it('refuses bad windows, an unknown area and an empty reason in Chinese, writing nothing', async () => {
    const before = await counts();
    const cases: [string, string, string, string][] = [
      [site.ccr, fromNow(3 * HOUR), fromNow(2 * HOUR), 'BAD_WINDOW'],
      [site.ccr, fromNow(-3 * HOUR), fromNow(-HOUR), 'WINDOW_IN_PAST'],
      [site.ccr, fromNow(HOUR), fromNow(74 * HOUR), 'WINDOW_TOO_LONG'],
      [site.ccr, fromNow(31 * 24 * HOUR), fromNow(31 * 24 * HOUR + HOUR), 'WINDOW_TOO_FAR'],
      ['00000000-0000-4000-8000-000000000000', fromNow(HOUR), fromNow(2 * HOUR), 'UNKNOWN_AREA'],
      ['x', fromNow(HOUR), fromNow(2 * HOUR), 'UNKNOWN_AREA'],
    ];
    for (const [area, from, until, code] of cases) {
      const e = failure(await request(token.zhangsan, area, from, until));
      expect(e.code, code).toBe(code);
      expect(e.message).toMatch(CHINESE);
    }
    expect(failure(await request(token.zhangsan, site.ccr, fromNow(HOUR), fromNow(2 * HOUR), ' ')).code).toBe(
      'VALIDATION',
    );
    expect(failure(await request(token.zhangsan, site.ccr, fromNow(HOUR), fromNow(74 * HOUR))).message).toBe(
      '申请时长不能超过 72 小时',
    );
    expect(await counts()).toEqual(before);
  });

  it('refuses a request nobody could decide (no department head above the requester), writing nothing', async () => {
    const before = await counts();
    // yunxing heads 运行部 and the company has no head: no one is left to approve for him.
    const e = failure(await request(token.yunxing, site.prod, fromNow(HOUR), fromNow(2 * HOUR)));
    expect(e.code).toBe('NO_APPROVER');
    expect(e.message).toBe(
      '「部门负责人审批」找不到审批人（所在部门及上级均未设置在职负责人），申请未提交，请联系管理员',
    );
    expect(await counts()).toEqual(before);
  });

  it('will not approve a window that has meanwhile ended; rejecting it still works', async () => {
    const r = ok(
      await request(token.zhangsan, site.prod, fromNow(0), fromNow(1200), '短时'),
    ).requestTemporaryAccess;
    await new Promise((ok) => setTimeout(ok, 1300));
    const before = await counts();
    expect(failure(await decide(token.yunxing, r.id, 'APPROVE')).code).toBe('WINDOW_PASSED');
    expect(await counts()).toEqual(before);
    expect(ok(await decide(token.yunxing, r.id, 'REJECT', '时段已过')).decideApproval.status).toBe(
      'REJECTED',
    );
  });

  it('lets only the requester withdraw a pending request, after which nobody can decide it', async () => {
    const r = ok(
      await request(token.zhangsan, site.ccr, fromNow(HOUR), fromNow(2 * HOUR)),
    ).requestTemporaryAccess;
    for (const who of [token.hr, token.yunxing])
      expect(failure(await env.gql(CANCEL, { id: r.id }, who)).code).toBe('NOT_FOUND');
    const cancelled = ok(await env.gql(CANCEL, { id: r.id }, token.zhangsan)).cancelApprovalRequest;
    expect(cancelled).toMatchObject({
      status: 'CANCELLED',
      steps: [{ status: 'CANCELLED' }, { status: 'CANCELLED' }],
    });
    expect(failure(await decide(token.yunxing, r.id, 'APPROVE'))).toMatchObject({
      code: 'ALREADY_DECIDED',
      message: '该申请已撤回',
    });
    expect(failure(await env.gql(CANCEL, { id: r.id }, token.zhangsan)).code).toBe('ALREADY_DECIDED');
    expect(await inbox(token.yunxing)).not.toContain(r.id);
    const audit = await env.context().em.find(AuditEntry, { entityId: r.id }, { orderBy: { seq: 'asc' } });
    expect(audit.map((e) => e.action)).toEqual(['APPROVAL_SUBMIT', 'APPROVAL_CANCEL']);
  });
});
