import {
  createTestEnvironment,
  createVisitSite,
  type FakeWechat,
  fakeWechat,
  type TestEnvironment,
  type VisitSite,
  visitorIdNumber,
  wechatVisitor,
} from '@park/api/testing';
import type { DeviceConfig } from '@park/device-bridge';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The pass query exactly as the mini-program's pass page sends it (a string document, no graphql-js).
import { VisitPassesDocument } from '../../miniprogram/miniprogram/gql/graphql';
import { launchBrowser, loginInPwa, phonePage, snap } from '../support/browser';
import { type GateStack, startGateStack } from '../support/gate-stack';
import { buildMiniprogram, type Phone, visitorPhone } from '../support/miniprogram';

const PWA_DIST = new URL('../../pwa/dist', import.meta.url).pathname;

let env: TestEnvironment;
let wechat: FakeWechat;
let browser: Browser;
let stack: GateStack;
let site: VisitSite;
let phone: Phone | undefined;

// biome-ignore lint/suspicious/noExplicitAny: scenario steps assert on results rather than type them
const ok = (r: { data?: unknown; errors?: unknown }): any => {
  if (!r.data || r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data;
};
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A one-minute window starting at the first whole minute after `earliest`, as the booking page's
 * pickers give it (site time, UTC+8): date, start and end, and the instants they mean.
 */
function pickerWindow(earliest: number) {
  const SITE = 8 * 3_600_000;
  let start = Math.ceil(earliest / 60_000) * 60_000;
  const day = (ms: number) => new Date(ms + SITE).toISOString().slice(0, 10);
  const clock = (ms: number) => new Date(ms + SITE).toISOString().slice(11, 16);
  if (day(start) !== day(start + 60_000)) start += 60_000; // 23:59 → 00:00 would end before it starts
  return {
    from: new Date(start),
    until: new Date(start + 60_000),
    picked: { date: day(start), start: clock(start), end: clock(start + 60_000) },
  };
}

beforeAll(async () => {
  wechat = await fakeWechat();
  env = await createTestEnvironment({
    seed: true,
    env: { PWA_DIST, WECHAT_API_BASE: wechat.url, WECHAT_APPID: 'wx-test', WECHAT_SECRET: 'secret' },
  });
  buildMiniprogram();
  browser = await launchBrowser();
  const security = await env.login('security', 'security123');
  site = await createVisitSite(env, security);
  const lane = (id: string, passagePointId: string): DeviceConfig => ({
    id,
    kind: 'turnstile',
    passagePointId,
    direction: 'IN',
    driver: 'generic-json',
    pulseMs: undefined,
    floors: undefined,
  });
  stack = await startGateStack(
    env,
    [lane('office-in', site.officeGate), lane('prod-in', site.prodGate)],
    'bridge-visitors',
  );
  await stack.synced();
});

afterAll(async () => {
  await phone?.close();
  await browser?.close();
  await stack?.stop();
  await env?.stop();
  wechat?.close();
});

describe('a visit, from the mini-program to the turnstile and back', () => {
  it('is booked, approved by the host on the phone, opens the office but not production, dies at its end, and leaves a trail', async () => {
    // 1. On the visitor's phone: 微信一键登录, then the booking page — host found by name, the window
    // from the pickers (whole minutes, site time), real name, ID number, phone — submitted for real.
    const window = pickerWindow(Date.now() + 15_000);
    phone = visitorPhone({
      apiUrl: env.url,
      wechatCode: 'good-li-visitor',
      hostKeyword: '张三',
      purpose: '设备检修洽谈',
      ...window.picked,
      name: '李访客',
      idNumber: visitorIdNumber(),
      phone: '13800138000',
    });
    await phone.next('logged-in');
    const { visitId, hostShown } = (await phone.next('booked')) as { visitId: string; hostShown: string };
    expect(hostShown).toMatch(/^张三/);
    expect(await phone.next('visit-shown')).toMatchObject({ status: '待审批' });
    const visitor = await wechatVisitor(env, 'li-visitor'); // the same WeChat user: same openid, same person
    const booked = ok(
      await env.gql(
        `query($id:ID!){visit(id:$id){id status validFrom validUntil visitor{personId name}}}`,
        { id: visitId },
        visitor.token,
      ),
    ).visit;
    expect(booked).toMatchObject({
      status: 'PENDING',
      validFrom: window.from.toISOString(),
      validUntil: window.until.toISOString(),
      visitor: { personId: visitor.personId, name: '李访客' },
    });
    const { from, until } = window;

    // 2. The host approves it in the PWA, in a real browser.
    const page = await phonePage(browser);
    await loginInPwa(page, env.url, 'zhangsan', 'zhangsan123');
    await page.waitForURL((u) => !u.pathname.includes('login'));
    await page.goto(`${env.url}/approvals`);
    await page.locator('.approval-card', { hasText: '李访客' }).locator('[data-test="approve"]').click();
    await snap(page, 'visitor-approved-by-host');
    const status = async () =>
      ok(await env.gql(`query($id:ID!){visit(id:$id){status}}`, { id: booked.id }, visitor.token)).visit
        .status;
    await expect.poll(status, { timeout: 10_000 }).toBe('APPROVED');
    await page.context().close();
    // The visit page still open on the phone shows the decision by itself.
    expect(await phone.next('visit-shown', 15_000)).toMatchObject({ status: '已通过' });
    await phone.close();

    // 3. The visitor's QR, from the mini-program's pass query, at the turnstiles through the bridge.
    await stack.synced();
    while (Date.now() < from.getTime()) await wait(50);
    const fetchCodes = async () => {
      const passes = ok(
        await env.gql(
          String(VisitPassesDocument),
          { visitId: booked.id, installationId: 'mp-install-0123456789ab' },
          visitor.token,
        ),
      ).visitPasses as { personId: string; codes: { token: string; nbf: string; exp: string }[] }[];
      return passes.find((p) => p.personId === visitor.personId)!.codes;
    };
    /** The code the phone shows now (the newest one already valid). */
    const shown = (codes: { token: string; nbf: string; exp: string }[]) => {
      const now = Date.now();
      return codes.filter((c) => Date.parse(c.nbf) <= now && now < Date.parse(c.exp)).at(-1)?.token;
    };
    const codes = await fetchCodes();
    expect((await stack.sim.device('office-in').scan({ kind: 'QR', token: shown(codes)! })).kind).toBe(
      'unlock',
    );
    // At the production turnstile with a fresh batch (a used code would only be refused as replayed).
    const atProduction = await stack.sim
      .device('prod-in')
      .scan({ kind: 'QR', token: shown(await fetchCodes())! });
    expect(atProduction).toMatchObject({ kind: 'deny', payload: { reason: 'VISIT_NOT_APPROVED' } });

    // 4. The window ends: a code the phone still shows is refused.
    while (Date.now() < until.getTime() + 1_000) await wait(200);
    const late = shown(codes);
    expect(late).toBeTruthy();
    const refused = await stack.sim.device('office-in').scan({ kind: 'QR', token: late! });
    expect(refused.kind).toBe('deny');
    expect(['GRANT_EXPIRED', 'NO_GRANT', 'QR_EXPIRED']).toContain(refused.payload.reason);

    // 5. The trail, as the host sees it: all of it, in order.
    const hostToken = await env.login('zhangsan', 'zhangsan123');
    const trail = async () =>
      ok(
        await env.gql(
          `query($id:ID!){visitTrail(visitId:$id){at result reason passagePointName}}`,
          { id: booked.id },
          hostToken,
        ),
      ).visitTrail as { at: string; result: string; passagePointName: string }[];
    await expect.poll(async () => (await trail()).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    const entries = await trail();
    expect(entries.map((e) => [e.passagePointName, e.result])).toEqual([
      ['办公楼闸机', 'GRANTED'],
      ['生产区闸机', 'DENIED'],
      ['办公楼闸机', 'DENIED'],
    ]);
    const times = entries.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  }, 300_000);
});
