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
// The mini-program's own operations, exactly as its pages send them (string documents, no graphql-js).
import {
  BookVisitDocument,
  VisitHostsDocument,
  VisitPassesDocument,
} from '../../miniprogram/miniprogram/gql/graphql';
import { launchBrowser, loginInPwa, phonePage, snap } from '../support/browser';
import { type GateStack, startGateStack } from '../support/gate-stack';

const PWA_DIST = new URL('../../pwa/dist', import.meta.url).pathname;

let env: TestEnvironment;
let wechat: FakeWechat;
let browser: Browser;
let stack: GateStack;
let site: VisitSite;

// biome-ignore lint/suspicious/noExplicitAny: scenario steps assert on results rather than type them
const ok = (r: { data?: unknown; errors?: unknown }): any => {
  if (!r.data || r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data;
};
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  wechat = await fakeWechat();
  env = await createTestEnvironment({
    seed: true,
    env: { PWA_DIST, WECHAT_API_BASE: wechat.url, WECHAT_APPID: 'wx-test', WECHAT_SECRET: 'secret' },
  });
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
  await browser?.close();
  await stack?.stop();
  await env?.stop();
  wechat?.close();
});

describe('a visit, from the mini-program to the turnstile and back', () => {
  it('is booked, approved by the host on the phone, opens the office but not production, dies at its end, and leaves a trail', async () => {
    // 1. The visitor logs in through WeChat and books with the mini-program's own operations.
    const visitor = await wechatVisitor(env, 'li-visitor');
    const [host] = ok(
      await env.gql(String(VisitHostsDocument), { keyword: '张三' }, visitor.token),
    ).visitHosts;
    expect(host).toMatchObject({ name: '张三' });
    const from = new Date(Date.now() + 2_000);
    const until = new Date(Date.now() + 40_000);
    const booked = ok(
      await env.gql(
        String(BookVisitDocument),
        {
          input: {
            hostId: host.id,
            purpose: '设备检修洽谈',
            validFrom: from.toISOString(),
            validUntil: until.toISOString(),
            name: '李访客',
            idNumber: visitorIdNumber(),
            phone: '13800138000',
          },
        },
        visitor.token,
      ),
    ).bookVisit;
    expect(booked.status).toBe('PENDING');

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
  });
});
