import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApprovalRequest } from '../approval/approval-request.entity.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { CHINESE, demoPlant, failure, ok, withBadCheckDigit } from '../testing/helpers.js';
import { createTestEnvironment, type TestEnvironment } from '../testing/index.js';
import {
  createVisitSite,
  type FakeWechat,
  fakeWechat,
  visitorIdNumber,
  wechatVisitor,
} from '../testing/visitor-fixtures.js';
import { collect, wsClient } from '../testing/ws.js';
import { WatchlistEntry } from './watchlist-entry.entity.js';

const ADD = `mutation($i:WatchlistInput!){addToWatchlist(input:$i){id name idNumberMasked reason until createdBy active}}`;
const REMOVE = `mutation($id:ID!){removeFromWatchlist(id:$id){id active}}`;
const LIST = `query($all:Boolean){watchlist(includeInactive:$all){id active}}`;
const BOOK = `mutation($i:BookVisitInput!){bookVisit(input:$i){id status rejectionReason approvalId securityNote}}`;
const VISIT = `query($id:ID!){visit(id:$id){status rejectionReason securityNote}}`;

const HOUR = 3_600_000;
const fromNow = (ms: number) => new Date(Date.now() + ms).toISOString();
const REASON = '曾冒用他人证件进入厂区';

let env: TestEnvironment;
let wx: FakeWechat;
let security: string;
let zhangsan: string;
let zhangsanId: string;
const listed = visitorIdNumber('19800303');

const booking = (over: Record<string, unknown> = {}) => ({
  hostId: zhangsanId,
  purpose: '拜访',
  validFrom: fromNow(HOUR),
  validUntil: fromNow(2 * HOUR),
  name: '韩某',
  idNumber: listed,
  phone: '13900004444',
  ...over,
});

beforeAll(async () => {
  wx = await fakeWechat();
  env = await createTestEnvironment({
    seed: true,
    env: { WECHAT_API_BASE: wx.url, WECHAT_APPID: 'wxapp', WECHAT_SECRET: 'sekret' },
  });
  security = await env.login('security', 'security123');
  zhangsan = await env.login('zhangsan', 'zhangsan123');
  await createVisitSite(env, security);
  zhangsanId = await (await demoPlant(env)).personOf('zhangsan');
});
afterAll(async () => {
  await env?.stop();
  wx?.close();
});

describe('the watchlist', () => {
  let entryId: string;

  it('is kept by 保卫部 with the ID number only hashed and masked, audited', async () => {
    const entry = ok(
      await env.gql(ADD, { i: { idNumber: listed, name: '韩某', reason: REASON } }, security),
    ).addToWatchlist;
    entryId = entry.id;
    expect(entry).toMatchObject({
      name: '韩某',
      idNumberMasked: `${listed.slice(0, 6)}********${listed.slice(-4)}`,
      reason: REASON,
      until: null,
      createdBy: 'security',
      active: true,
    });
    const [row] = await env
      .context()
      .em.getConnection()
      .execute(`select * from watchlist_entry where id = ?`, [entryId]);
    expect(JSON.stringify(row)).not.toContain(listed);
    expect(row.id_hash).toMatch(/^[0-9a-f]{64}$/);
    const [audit] = await env.context().em.find(AuditEntry, { action: 'WATCHLIST_ADD', entityId: entryId });
    expect(JSON.stringify(audit!.after)).not.toContain(listed);
    expect(ok(await env.gql(LIST, {}, security)).watchlist).toEqual([{ id: entryId, active: true }]);
  });

  it('refuses bad entries in Chinese, writing nothing, and is closed to everyone but 保卫部', async () => {
    const visitor = await wechatVisitor(env, 'nosy');
    const before = [
      await env.context().em.count(WatchlistEntry, {}),
      await env.context().em.count(AuditEntry, {}),
    ];
    const cases: [Record<string, unknown>, string][] = [
      [{ idNumber: listed, reason: '再次' }, 'WATCHLIST_DUPLICATE'],
      [{ idNumber: withBadCheckDigit(visitorIdNumber()), reason: REASON }, 'BAD_ID_NUMBER'],
      [{ idNumber: visitorIdNumber(), reason: ' ' }, 'VALIDATION'],
      [{ idNumber: visitorIdNumber(), reason: REASON, until: fromNow(-HOUR) }, 'VALIDATION'],
    ];
    for (const [i, code] of cases) {
      const e = failure(await env.gql(ADD, { i }, security));
      expect(e.code).toBe(code);
      expect(e.message).toMatch(CHINESE);
    }
    for (const who of [visitor.token, zhangsan]) {
      expect(failure(await env.gql(LIST, {}, who)).code).toBe('FORBIDDEN');
      expect(
        failure(await env.gql(ADD, { i: { idNumber: visitorIdNumber(), reason: REASON } }, who)).code,
      ).toBe('FORBIDDEN');
    }
    expect([
      await env.context().em.count(WatchlistEntry, {}),
      await env.context().em.count(AuditEntry, {}),
    ]).toEqual(before);
  });

  it('refuses a listed visitor’s booking with a neutral word, and tells 保卫部 the real reason alone', async () => {
    const alarms = collect<{ alarmRaised: { kind: string; message: string } }>(
      wsClient(env, security),
      `subscription{alarmRaised{kind message}}`,
      {},
      (r) => r.length >= 1,
    );
    await new Promise((r) => setTimeout(r, 150));
    const han = await wechatVisitor(env, 'han');
    const requests = await env.context().em.count(ApprovalRequest, {});
    const v = ok(await env.gql(BOOK, { i: booking() }, han.token)).bookVisit;
    expect(v).toEqual({
      id: v.id,
      status: 'REJECTED',
      rejectionReason: '暂无法预约，请联系被访人',
      approvalId: null,
      securityNote: null,
    });
    expect(await env.context().em.count(ApprovalRequest, {})).toBe(requests);
    const [alarm] = (await alarms.finished).map((r) => r.data!.alarmRaised);
    expect(alarm).toMatchObject({ kind: 'WATCHLIST_HIT' });
    expect(alarm.message).toContain(REASON);
    expect(alarm.message).toContain('韩某');
    expect(ok(await env.gql(VISIT, { id: v.id }, security)).visit.securityNote).toBe(
      `观察名单：韩某（${listed.slice(0, 6)}********${listed.slice(-4)}）：${REASON}`,
    );
    for (const who of [han.token, zhangsan])
      expect(ok(await env.gql(VISIT, { id: v.id }, who)).visit).toEqual({
        status: 'REJECTED',
        rejectionReason: '暂无法预约，请联系被访人',
        securityNote: null,
      });
    expect(
      await env.context().em.count(AuditEntry, { action: 'VISIT_WATCHLIST_REFUSED', entityId: v.id }),
    ).toBe(1);
  });

  it('refuses a booking bringing a listed companion, and a guard’s walk-in of a listed person', async () => {
    const friend = await wechatVisitor(env, 'friend');
    const v = ok(
      await env.gql(
        BOOK,
        {
          i: booking({
            name: '杨某',
            idNumber: visitorIdNumber(),
            companions: [{ name: '韩某', idNumber: listed }],
          }),
        },
        friend.token,
      ),
    ).bookVisit;
    expect(v).toMatchObject({ status: 'REJECTED', rejectionReason: '暂无法预约，请联系被访人' });
    const walkIn = ok(
      await env.gql(
        `mutation($i:WalkInInput!){registerWalkIn(input:$i){status securityNote}}`,
        {
          i: {
            name: '韩某',
            idNumber: listed,
            hostId: zhangsanId,
            purpose: '送材料',
            validUntil: fromNow(HOUR),
          },
        },
        security,
      ),
    ).registerWalkIn;
    expect(walkIn.status).toBe('REJECTED');
    expect(walkIn.securityNote).toContain(REASON);
  });

  it('lets them book again once removed; an entry past its date no longer matches', async () => {
    ok(await env.gql(REMOVE, { id: entryId }, security));
    expect(failure(await env.gql(REMOVE, { id: entryId }, security)).code).toBe('NOT_FOUND');
    expect(ok(await env.gql(LIST, {}, security)).watchlist).toEqual([]);
    expect(ok(await env.gql(LIST, { all: true }, security)).watchlist).toEqual([
      { id: entryId, active: false },
    ]);
    const han = await wechatVisitor(env, 'han');
    expect(
      ok(
        await env.gql(
          BOOK,
          { i: booking({ validFrom: fromNow(5 * HOUR), validUntil: fromNow(6 * HOUR) }) },
          han.token,
        ),
      ).bookVisit.status,
    ).toBe('PENDING');

    const other = visitorIdNumber();
    const e = ok(
      await env.gql(ADD, { i: { idNumber: other, reason: REASON, until: fromNow(HOUR) } }, security),
    ).addToWatchlist;
    await env
      .context()
      .em.getConnection()
      .execute(`update watchlist_entry set until = now() - interval '1 minute' where id = ?`, [e.id]);
    const pat = await wechatVisitor(env, 'pat');
    expect(
      ok(await env.gql(BOOK, { i: booking({ name: '秦某', idNumber: other }) }, pat.token)).bookVisit.status,
    ).toBe('PENDING');
  });
});
