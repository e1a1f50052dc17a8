import { createTestEnvironment, type TestEnvironment } from '@park/api/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginInPwa, phonePage, snap } from '../support/browser';

const PWA_DIST = new URL('../../pwa/dist', import.meta.url).pathname;
const DECIDE = `query($i:DecideAccessInput!){decideAccess(input:$i){__typename ... on AccessGranted{personName} ... on AccessDenied{code}}}`;

let env: TestEnvironment;
let browser: Browser;
let security: string;
let gate: string;

beforeAll(async () => {
  env = await createTestEnvironment({ seed: true, env: { PWA_DIST } });
  browser = await launchBrowser();
  security = await env.login('security', 'security123');
  const area = async (code: string, securityLevel: string, parentId?: string) =>
    (
      await env.gql(
        `mutation($i:AreaInput!){createArea(input:$i){id}}`,
        { i: { name: code, code, securityLevel, parentId } },
        security,
      )
    ).data!.createArea.id as string;
  const site = await area('SITE', 'PUBLIC');
  const office = await area('OFFICE', 'OFFICE', site);
  gate = (
    await env.gql(
      `mutation($i:PassagePointInput!){createPassagePoint(input:$i){id}}`,
      { i: { name: '办公楼闸机', code: 'T-OFFICE', kind: 'TURNSTILE', fromAreaId: site, toAreaId: office } },
      security,
    )
  ).data!.createPassagePoint.id;
  const person = (
    await env.context().em.getConnection().execute(`select id from person where name = '张三'`)
  )[0].id;
  await env.gql(
    `mutation($i:GrantInput!){grantAccess(input:$i){id}}`,
    { i: { personId: person, areaId: office } },
    security,
  );
});
afterAll(async () => {
  await browser?.close();
  await env?.stop();
});

describe('my pass on the phone', () => {
  it('shows a QR the office turnstile accepts once, and keeps showing codes in airplane mode', async () => {
    const page = await phonePage(browser);
    await loginInPwa(page, env.url, 'zhangsan', 'zhangsan123');
    await page.waitForURL((u) => !u.pathname.includes('login'));
    await page.goto(`${env.url}/pass`);
    await page.locator('canvas').waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    const shown = await page.evaluate(() => {
      const batch = JSON.parse(localStorage.getItem('park.passes') ?? 'null') as {
        codes: { token: string; nbf: number; exp: number }[];
      };
      const now = Date.now();
      return batch.codes.filter((c) => c.nbf <= now && now < c.exp).at(-1)?.token;
    });
    expect(shown).toBeTruthy();
    const scan = async () =>
      (await env.gql(DECIDE, { i: { passagePointId: gate, direction: 'IN', qrToken: shown } }, security))
        .data!.decideAccess;
    expect(await scan()).toEqual({ __typename: 'AccessGranted', personName: '张三' });
    expect(await scan()).toEqual({ __typename: 'AccessDenied', code: 'QR_REPLAYED' });

    await page.context().setOffline(true);
    await page.reload();
    await page.locator('canvas').waitFor();
    await expect.poll(() => page.locator('body').textContent()).toContain('离线可用');
    await snap(page, 'my-pass-offline');
    await page.context().close();
  });
});
