import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GrantSource } from '../access/access.enums.js';
import { AccessGrant } from '../access/access-grant.entity.js';
import { ApprovalRequest } from '../approval/approval-request.entity.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { Vehicle } from '../identity/vehicle.entity.js';
import { deviceToken } from '../testing/access-fixtures.js';
import { failure, ok } from '../testing/helpers.js';
import { type TestEnvironment } from '../testing/index.js';
import {
  type FakeWechat,
  VISIT_FIELDS,
  type VisitSite,
  visitorIdNumber,
  wechatVisitor,
} from '../testing/visitor-fixtures.js';
import { collect, wsClient } from '../testing/ws.js';
import { Visit } from './visit.entity.js';
import {
  accessAt,
  BOOK,
  closeVisitWorld,
  decideAs,
  fromNow,
  HOUR,
  openVisitWorld,
  passageReporter,
  type VisitWorld,
} from './visit.spec-support.js';
import { VisitStatus } from './visitor.enums.js';

const _WALK_IN = `mutation($i:WalkInInput!){registerWalkIn(input:$i){${VISIT_FIELDS} registeredBy}}`;
const CANCEL = `mutation($id:ID!,$r:String){cancelVisit(id:$id,reason:$r){id status cancelReason}}`;
const VISIT = `query($id:ID!){visit(id:$id){id status rejectionReason securityNote}}`;
const PASSES = `query($id:ID!,$inst:String!){visitPasses(visitId:$id,installationId:$inst){personId name codes{token nbf exp}}}`;

const INSTALLATION = 'alice-phone-00000001';

let world: VisitWorld;
let env: TestEnvironment;
let wx: FakeWechat;
let site: VisitSite;
let security: string;
let zhangsan: string;
let zhangsanId: string;
let device: string;
let alice: { token: string; personId: string };
const aliceId = visitorIdNumber();

const booking = (over: Record<string, unknown> = {}) => ({
  hostId: zhangsanId,
  purpose: '设备调试',
  validFrom: fromNow(-60_000),
  validUntil: fromNow(2 * HOUR),
  name: '孙访客',
  idNumber: aliceId,
  phone: '13900002222',
  ...over,
});
const decide = (who: string, requestId: string, decision: 'APPROVE' | 'REJECT', comment?: string) =>
  decideAs(env, who, requestId, decision, comment);
const access = (passagePointId: string, who: { personId?: string; qrToken?: string }, at?: Date) =>
  accessAt(world, passagePointId, who, at);
let passage: ReturnType<typeof passageReporter>;

beforeAll(async () => {
  world = await openVisitWorld({ env: { WECHAT_VISIT_TEMPLATE_ID: 'tmpl-visit-result' }, escortSeconds: 30 });
  ({ env, wx, site, security, zhangsan, zhangsanId, alice } = world);
  device = await deviceToken(env);
  passage = passageReporter(env, device, 'V-LANE-1');
});
afterAll(() => closeVisitWorld(world));

describe('an office visit', () => {
  let visitId: string;
  let companionId: string;

  it('opens only the office, only inside the window, for the visitor and each companion, once the host approves', async () => {
    const watch = collect<{ visitUpdated: { id: string; status: string } }>(
      wsClient(env, alice.token),
      `subscription{visitUpdated{id status}}`,
      {},
      (r) => r.some((x) => x.data?.visitUpdated.status === 'APPROVED'),
    );
    await new Promise((r) => setTimeout(r, 150));
    const v = ok(
      await env.gql(
        BOOK,
        {
          i: booking({
            plate: '苏E88888',
            companions: [{ name: '周同行', idNumber: visitorIdNumber('19920202') }],
          }),
        },
        alice.token,
      ),
    ).bookVisit;
    visitId = v.id;
    companionId = v.companions[0].personId;
    expect(await access(site.officeGate, { personId: alice.personId })).toMatchObject({
      code: 'VISIT_NOT_APPROVED',
    });

    const done = ok(await decide(zhangsan, v.approvalId, 'APPROVE', '欢迎')).decideApproval;
    expect(done.status).toBe('APPROVED');
    expect(done.outcome).toMatchObject({ visitId: v.id });
    expect((await watch.finished).map((r) => r.data!.visitUpdated)).toContainEqual({
      id: v.id,
      status: 'APPROVED',
    });

    const grants = await env.context().em.find(AccessGrant, { id: { $in: done.outcome.grantIds } });
    expect(grants).toHaveLength(2);
    for (const g of grants)
      expect(g).toMatchObject({
        source: 'VISIT',
        validFrom: new Date(v.validFrom),
        validUntil: new Date(v.validUntil),
        escortIds: [zhangsanId],
      });
    for (const personId of [alice.personId, companionId]) {
      expect(await access(site.officeGate, { personId })).toMatchObject({
        __typename: 'AccessGranted',
        personId,
      });
      expect(await access(site.prodGate, { personId })).toMatchObject({ code: 'VISIT_NOT_APPROVED' });
      expect(await access(site.ccrDoor, { personId })).toMatchObject({ code: 'VISIT_NOT_APPROVED' });
      expect(
        await access(site.officeGate, { personId }, new Date(new Date(v.validUntil).getTime() + 1000)),
      ).toMatchObject({
        code: 'GRANT_EXPIRED',
      });
    }
    const car = await env.context().em.findOneOrFail(Vehicle, { plate: '苏E88888', active: true });
    expect(car).toMatchObject({ validFrom: new Date(v.validFrom), validUntil: new Date(v.validUntil) });
    expect(car.person.id).toBe(alice.personId);
  });

  it('tells the visitor on WeChat, through the configured template', async () => {
    await expect.poll(() => wx.messages().length).toBeGreaterThan(0);
    const [message] = wx.messages();
    expect(message).toMatchObject({
      touser: 'openid-alice',
      template_id: 'tmpl-visit-result',
      page: `packages/visitor/pages/detail/index?id=${visitId}`,
      data: {
        thing1: { value: '孙访客' },
        phrase3: { value: '已通过' },
        thing4: { value: '请按时到访，凭小程序通行码入场' },
      },
    });
    expect((message!.data as Record<string, { value: string }>).time2!.value).toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
    );
    const token = wx.calls.find((c) => c.path === '/cgi-bin/token')!;
    expect(token.query).toMatchObject({ grant_type: 'client_credential', appid: 'wxapp', secret: 'sekret' });
  });

  it('hands the visitor QR codes for everyone of the visit, bound to their phone, and the QR opens the office', async () => {
    const passes = ok(await env.gql(PASSES, { id: visitId, inst: INSTALLATION }, alice.token)).visitPasses;
    expect(passes.map((p: { personId: string }) => p.personId)).toEqual([alice.personId, companionId]);
    expect(passes[0].codes).toHaveLength(20);
    expect(await access(site.officeGate, { qrToken: passes[1].codes[0].token })).toMatchObject({
      __typename: 'AccessGranted',
      personId: companionId,
    });
    expect(await access(site.prodGate, { qrToken: passes[0].codes[0].token })).toMatchObject({
      code: 'VISIT_NOT_APPROVED',
    });
    const bob = await wechatVisitor(env, 'bob');
    expect(failure(await env.gql(PASSES, { id: visitId, inst: INSTALLATION }, bob.token)).code).toBe(
      'NOT_FOUND',
    );
  });

  it('ends the pass at once when the host cancels, and retires the car', async () => {
    const cancelled = ok(await env.gql(CANCEL, { id: visitId, r: '会议改期' }, zhangsan)).cancelVisit;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelReason: '会议改期' });
    expect(await access(site.officeGate, { personId: alice.personId })).toMatchObject({
      code: 'VISIT_NOT_APPROVED',
    });
    expect(await env.context().em.count(Vehicle, { plate: '苏E88888', active: true })).toBe(0);
    const revoked = await env.context().em.count(AuditEntry, { action: 'GRANT_REVOKE' });
    expect(revoked).toBe(2);
    expect(failure(await env.gql(CANCEL, { id: visitId }, alice.token))).toMatchObject({
      code: 'VISIT_ENDED',
      message: '该访问已结束',
    });
    expect(failure(await env.gql(PASSES, { id: visitId, inst: INSTALLATION }, alice.token)).code).toBe(
      'VISIT_NOT_APPROVED',
    );
  });
});

describe('rejection and cancellation', () => {
  it('gives the visitor the host’s comment as the reason, on WeChat too', async () => {
    const v = ok(
      await env.gql(
        BOOK,
        { i: booking({ validFrom: fromNow(5 * HOUR), validUntil: fromNow(6 * HOUR) }) },
        alice.token,
      ),
    ).bookVisit;
    const sent = wx.messages().length;
    ok(await decide(zhangsan, v.approvalId, 'REJECT', '本周不接待外来人员'));
    expect(ok(await env.gql(VISIT, { id: v.id }, alice.token)).visit).toEqual({
      id: v.id,
      status: 'REJECTED',
      rejectionReason: '本周不接待外来人员',
      securityNote: null,
    });
    await expect.poll(() => wx.messages().length).toBe(sent + 1);
    expect(wx.messages().at(-1)).toMatchObject({
      data: { phrase3: { value: '未通过' }, thing4: { value: '本周不接待外来人员' } },
    });
    expect(
      await env
        .context()
        .em.count(AccessGrant, { source: GrantSource.VISIT, person: alice.personId, revokedAt: null }),
    ).toBe(0);
  });

  it('will not approve a visit the visitor cancelled: typed error, nothing written', async () => {
    const v = ok(
      await env.gql(
        BOOK,
        { i: booking({ validFrom: fromNow(7 * HOUR), validUntil: fromNow(8 * HOUR) }) },
        alice.token,
      ),
    ).bookVisit;
    ok(await env.gql(CANCEL, { id: v.id, r: '行程有变' }, alice.token));
    const inbox = ok(await env.gql(`{approvals{id}}`, {}, zhangsan)).approvals.map(
      (a: { id: string }) => a.id,
    );
    expect(inbox).not.toContain(v.approvalId);
    const counts = async () => {
      const em = env.context().em;
      return [
        await em.count(AuditEntry, {}),
        await em.count(AccessGrant, {}),
        await em.count(Visit, { status: VisitStatus.APPROVED }),
      ];
    };
    const before = await counts();
    expect(failure(await decide(zhangsan, v.approvalId, 'APPROVE'))).toMatchObject({
      code: 'ALREADY_DECIDED',
      message: '该申请已撤回',
    });
    expect(await counts()).toEqual(before);
    expect((await env.context().em.findOneOrFail(ApprovalRequest, v.approvalId)).status).toBe('CANCELLED');
  });

  it('retries once with a fresh access token when WeChat says the cached one expired', async () => {
    const v = ok(
      await env.gql(
        BOOK,
        { i: booking({ validFrom: fromNow(9 * HOUR), validUntil: fromNow(10 * HOUR) }) },
        alice.token,
      ),
    ).bookVisit;
    const tokens = wx.calls.filter((c) => c.path === '/cgi-bin/token').length;
    const sent = wx.messages().length;
    wx.failNextSend(40001);
    ok(await decide(zhangsan, v.approvalId, 'APPROVE'));
    await expect.poll(() => wx.messages().length).toBe(sent + 2);
    expect(wx.calls.filter((c) => c.path === '/cgi-bin/token').length).toBe(tokens + 1);
    ok(await env.gql(CANCEL, { id: v.id }, alice.token));
  });
});

describe('two bookings for the same hours', () => {
  it('may both wait, but only one can be approved: the other is refused to the approver, nothing written', async () => {
    const window = { validFrom: fromNow(12 * HOUR), validUntil: fromNow(13 * HOUR) };
    const first = ok(await env.gql(BOOK, { i: booking(window) }, alice.token)).bookVisit;
    const second = ok(await env.gql(BOOK, { i: booking(window) }, alice.token)).bookVisit;
    ok(await decide(zhangsan, first.approvalId, 'APPROVE'));
    const before = [
      await env.context().em.count(AuditEntry, {}),
      await env.context().em.count(AccessGrant, {}),
    ];
    expect(failure(await decide(zhangsan, second.approvalId, 'APPROVE'))).toMatchObject({
      code: 'VISIT_OVERLAP',
      message: '孙访客在该时段已有已批准的访问，不能再同意，请驳回此申请',
    });
    expect([
      await env.context().em.count(AuditEntry, {}),
      await env.context().em.count(AccessGrant, {}),
    ]).toEqual(before);
    ok(await decide(zhangsan, second.approvalId, 'REJECT', '重复预约'));
    ok(await env.gql(CANCEL, { id: first.id }, alice.token));
  });
});

describe('production and the escort rule', () => {
  it('needs 保卫部 after the host, and lets the visitor in only right behind the host', async () => {
    const v = ok(
      await env.gql(
        BOOK,
        { i: booking({ areaIds: [site.prod], validFrom: fromNow(-60_000), validUntil: fromNow(HOUR) }) },
        alice.token,
      ),
    ).bookVisit;
    const afterHost = ok(await decide(zhangsan, v.approvalId, 'APPROVE')).decideApproval;
    expect(afterHost.status).toBe('PENDING');
    expect(ok(await decide(security, v.approvalId, 'APPROVE')).decideApproval.status).toBe('APPROVED');
    const now = new Date();
    expect(await access(site.prodGate, { personId: alice.personId }, now)).toEqual({
      __typename: 'AccessDenied',
      code: 'ESCORT_REQUIRED',
      message: '该区域须由被访人或其指定的陪同人陪同进入：请陪同人先刷卡通过',
    });
    ok(await passage(zhangsanId, site.prodGate, new Date(now.getTime() - 10_000)));
    expect(await access(site.prodGate, { personId: alice.personId }, now)).toMatchObject({
      __typename: 'AccessGranted',
    });
    expect(
      await access(site.prodGate, { personId: alice.personId }, new Date(now.getTime() + 25_000)),
    ).toMatchObject({
      code: 'ESCORT_REQUIRED',
    });
    ok(await env.gql(CANCEL, { id: v.id }, security));
  });
});
