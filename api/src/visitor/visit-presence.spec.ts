import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessGrant } from '../access/access-grant.entity.js';
import { ApprovalRequest } from '../approval/approval-request.entity.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { deviceToken } from '../testing/access-fixtures.js';
import { demoPlant, ok } from '../testing/helpers.js';
import { createTestEnvironment, type TestEnvironment } from '../testing/index.js';
import {
  createVisitSite,
  type FakeWechat,
  fakeWechat,
  type VisitSite,
  visitorIdNumber,
  wechatVisitor,
} from '../testing/visitor-fixtures.js';
import { Visit } from './visit.entity.js';
import { passageReporter } from './visit.spec-support.js';
import { sweepVisits } from './visit-sweep.service.js';

const BOOK = `mutation($i:BookVisitInput!){bookVisit(input:$i){id approvalId companions{personId}}}`;
const DECIDE = `mutation($i:DecideApprovalInput!){decideApproval(input:$i){id status}}`;
const TRAIL = `query($id:ID!){visitTrail(visitId:$id){personName passagePointName areaName direction result reason message}}`;
const ALARMS = `{alarms{kind message status}}`;

const HOUR = 3_600_000;
const fromNow = (ms: number) => new Date(Date.now() + ms);

let env: TestEnvironment;
let wx: FakeWechat;
let site: VisitSite;
let security: string;
let zhangsan: string;
let zhangsanId: string;
let device: string;

const book = async (
  who: { token: string },
  name: string,
  from: Date,
  until: Date,
  over: Record<string, unknown> = {},
) =>
  ok(
    await env.gql(
      BOOK,
      {
        i: {
          hostId: zhangsanId,
          purpose: '参观',
          validFrom: from.toISOString(),
          validUntil: until.toISOString(),
          name,
          idNumber: visitorIdNumber(),
          phone: '13900003333',
          ...over,
        },
      },
      who.token,
    ),
  ).bookVisit as { id: string; approvalId: string; companions: { personId: string }[] };
const approve = async (requestId: string) =>
  ok(await env.gql(DECIDE, { i: { requestId, decision: 'APPROVE' } }, zhangsan));
let pass: ReturnType<typeof passageReporter>;
const status = async (id: string) => (await env.context().em.findOneOrFail(Visit, id)).status;

beforeAll(async () => {
  wx = await fakeWechat();
  env = await createTestEnvironment({
    seed: true,
    env: {
      WECHAT_API_BASE: wx.url,
      WECHAT_APPID: 'wxapp',
      WECHAT_SECRET: 'sekret',
      WECHAT_VISIT_TEMPLATE_ID: 'tmpl',
    },
  });
  security = await env.login('security', 'security123');
  zhangsan = await env.login('zhangsan', 'zhangsan123');
  device = await deviceToken(env);
  pass = passageReporter(env, device, 'V-GATE-1', 'QR');
  site = await createVisitSite(env, security);
  zhangsanId = await (await demoPlant(env)).personOf('zhangsan');
});
afterAll(async () => {
  await env?.stop();
  wx?.close();
});

describe('check-in and check-out at the main gate', () => {
  it('checks in on the first entry, out when the last of the visit has left, and keeps the trail in order', async () => {
    const alice = await wechatVisitor(env, 'alice');
    const v = await book(alice, '郑访客', fromNow(-5 * 60_000), fromNow(2 * HOUR), {
      companions: [{ name: '冯同行', idNumber: visitorIdNumber() }],
    });
    await approve(v.approvalId);
    const companion = v.companions[0]!.personId;
    const base = Date.now();
    const t = (s: number) => new Date(base - s * 1000);
    ok(await pass(alice.personId, site.officeGate, t(60), 'IN'));
    await expect.poll(() => status(v.id)).toBe('CHECKED_IN');
    ok(await pass(companion, site.officeGate, t(50), 'IN'));
    ok(await pass(alice.personId, site.prodGate, t(40), 'IN', 'VISIT_NOT_APPROVED'));
    ok(await pass(alice.personId, site.officeGate, t(30), 'OUT'));
    // The companion is still inside: the visit goes on.
    await new Promise((r) => setTimeout(r, 200));
    expect(await status(v.id)).toBe('CHECKED_IN');
    ok(await pass(companion, site.officeGate, t(20), 'OUT'));
    await expect.poll(() => status(v.id)).toBe('CHECKED_OUT');
    const visit = await env.context().em.findOneOrFail(Visit, v.id);
    expect(visit.checkedInAt).toEqual(t(60));
    expect(visit.checkedOutAt).toEqual(t(20));
    expect(await env.context().em.count(AccessGrant, { id: { $in: visit.grantIds }, revokedAt: null })).toBe(
      0,
    );

    const trail = ok(await env.gql(TRAIL, { id: v.id }, zhangsan)).visitTrail;
    expect(trail).toEqual([
      {
        personName: '郑访客',
        passagePointName: '办公楼闸机',
        areaName: '办公楼',
        direction: 'IN',
        result: 'GRANTED',
        reason: null,
        message: null,
      },
      {
        personName: '冯同行',
        passagePointName: '办公楼闸机',
        areaName: '办公楼',
        direction: 'IN',
        result: 'GRANTED',
        reason: null,
        message: null,
      },
      {
        personName: '郑访客',
        passagePointName: '生产区闸机',
        areaName: '生产区',
        direction: 'IN',
        result: 'DENIED',
        reason: 'VISIT_NOT_APPROVED',
        message: '访问申请未获批准或不包含此区域',
      },
      {
        personName: '郑访客',
        passagePointName: '办公楼闸机',
        areaName: '办公楼',
        direction: 'OUT',
        result: 'GRANTED',
        reason: null,
        message: null,
      },
      {
        personName: '冯同行',
        passagePointName: '办公楼闸机',
        areaName: '办公楼',
        direction: 'OUT',
        result: 'GRANTED',
        reason: null,
        message: null,
      },
    ]);
    expect(ok(await env.gql(TRAIL, { id: v.id }, security)).visitTrail).toHaveLength(5);

    const file = ok(
      await env.gql(
        `query($id:ID!){exportVisitTrail(visitId:$id){filename mimeType contentBase64 count}}`,
        { id: v.id },
        security,
      ),
    ).exportVisitTrail;
    expect(file).toMatchObject({
      count: 5,
      filename: expect.stringMatching(/^访客轨迹-郑访客-\d{4}-\d{2}-\d{2}\.xlsx$/),
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '时间',
      '人员',
      '通行点',
      '区域',
      '方向',
      '结果',
      '说明',
    ]);
    expect(sheet.getRow(4).values).toEqual(
      expect.arrayContaining([
        '郑访客',
        '生产区闸机',
        '生产区',
        '进',
        '拒绝',
        '访问申请未获批准或不包含此区域',
      ]),
    );
    expect(await env.context().em.count(AuditEntry, { action: 'VISIT_TRAIL_EXPORT', entityId: v.id })).toBe(
      1,
    );
  });
});

describe('the end of the window', () => {
  it('expires undecided and unused visits, checks out who left, and raises one overstay alarm for who stayed', async () => {
    const [a, b, c, d] = [
      await wechatVisitor(env, 'sweep-a'),
      await wechatVisitor(env, 'sweep-b'),
      await wechatVisitor(env, 'sweep-c'),
      await wechatVisitor(env, 'sweep-d'),
    ];
    const from = fromNow(-60_000);
    const until = fromNow(HOUR);
    const pending = await book(a, '陈待批', from, until);
    const unused = await book(b, '褚未到', from, until);
    await approve(unused.approvalId);
    const stayer = await book(c, '卫滞留', from, until);
    await approve(stayer.approvalId);
    const leaver = await book(d, '蒋已走', from, until);
    await approve(leaver.approvalId);
    ok(await pass(c.personId, site.officeGate, fromNow(-30_000), 'IN'));
    ok(await pass(d.personId, site.officeGate, fromNow(-30_000), 'IN'));
    await expect.poll(() => status(stayer.id)).toBe('CHECKED_IN');
    await expect.poll(() => status(leaver.id)).toBe('CHECKED_IN');
    // 蒋 left through a side door the gates do not report as a main gate: the presence table says so.
    await env
      .context()
      .em.getConnection()
      .execute(`update presence set area_id = ? where person_id = ?`, [site.site, d.personId]);

    const later = new Date(until.getTime() + 60_000);
    expect(await sweepVisits(env.context(), later)).toEqual({ expired: 2, checkedOut: 1, overstays: 1 });
    expect([
      await status(pending.id),
      await status(unused.id),
      await status(stayer.id),
      await status(leaver.id),
    ]).toEqual(['EXPIRED', 'EXPIRED', 'CHECKED_IN', 'CHECKED_OUT']);
    expect((await env.context().em.findOneOrFail(ApprovalRequest, pending.approvalId)).status).toBe(
      'CANCELLED',
    );
    const inbox = ok(await env.gql(`{approvals{id}}`, {}, zhangsan)).approvals.map(
      (x: { id: string }) => x.id,
    );
    expect(inbox).not.toContain(pending.approvalId);
    const alarms = ok(await env.gql(ALARMS, {}, security)).alarms.filter(
      (x: { kind: string }) => x.kind === 'OVERSTAY',
    );
    expect(alarms).toHaveLength(1);
    expect(alarms[0].message).toMatch(/^访客超时滞留：卫滞留，访问时段 .* 已结束仍在厂内$/);
    await expect
      .poll(() =>
        wx.messages().some((m) => (m.data as { phrase3?: { value: string } }).phrase3?.value === '已超时'),
      )
      .toBe(true);

    // Once is enough: the next sweep raises nothing new.
    expect(await sweepVisits(env.context(), new Date(later.getTime() + 60_000))).toEqual({
      expired: 0,
      checkedOut: 0,
      overstays: 0,
    });
    // The stayer finally leaves: checked out then.
    ok(await pass(c.personId, site.officeGate, new Date(), 'OUT'));
    await expect.poll(() => status(stayer.id)).toBe('CHECKED_OUT');
  });
});

describe('kpis.visitOnlineReviewRatio', () => {
  it('counts visits decided in the app against all visits of the period, leaving out bookings withdrawn before review', async () => {
    const start = new Date();
    const people = await Promise.all(
      ['kpi-1', 'kpi-2', 'kpi-3', 'kpi-4', 'kpi-5'].map((w) => wechatVisitor(env, w)),
    );
    const window = [fromNow(2 * HOUR), fromNow(3 * HOUR)] as const;
    const visits = [];
    for (const [i, p] of people.entries()) visits.push(await book(p, `指标${i}`, ...window));
    await approve(visits[0]!.approvalId);
    await approve(visits[1]!.approvalId);
    ok(
      await env.gql(
        DECIDE,
        { i: { requestId: visits[2]!.approvalId, decision: 'REJECT', comment: '不便接待' } },
        zhangsan,
      ),
    );
    ok(await env.gql(`mutation($id:ID!){cancelVisit(id:$id){id}}`, { id: visits[4]!.id }, people[4]!.token));
    const q = `query($f:DateTime,$t:DateTime){kpis{visitOnlineReviewRatio(from:$f,to:$t){ratio target meetsTarget decidedOnline total}}}`;
    expect(
      ok(await env.gql(q, { f: start.toISOString(), t: new Date().toISOString() }, security)).kpis
        .visitOnlineReviewRatio,
    ).toEqual({
      ratio: 0.75,
      target: 0.9,
      meetsTarget: false,
      decidedOnline: 3,
      total: 4,
    });
    const empty = ok(
      await env.gql(q, { f: '2020-01-01T00:00:00Z', t: '2020-02-01T00:00:00Z' }, security),
    ).kpis;
    expect(empty.visitOnlineReviewRatio).toEqual({
      ratio: null,
      target: 0.9,
      meetsTarget: false,
      decidedOnline: 0,
      total: 0,
    });
  });
});
