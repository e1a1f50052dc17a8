import { createTestEnvironment, type TestEnvironment } from '@park/api/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginInPwa, phonePage, snap } from '../support/browser';

const PWA_DIST = new URL('../../pwa/dist', import.meta.url).pathname;

let env: TestEnvironment;
let browser: Browser;
beforeAll(async () => {
  env = await createTestEnvironment({ seed: true, env: { PWA_DIST } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await env?.stop();
});

describe('the PWA as a phone sees it', () => {
  it('is installable: a manifest with name, standalone display and 192/512 icons that exist', async () => {
    const page = await phonePage(browser);
    await page.goto(`${env.url}/login`);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = await (await fetch(new URL(href!, env.url))).json();
    expect(manifest).toMatchObject({ name: '智慧园区一卡通', display: 'standalone', start_url: '/' });
    for (const size of ['192x192', '512x512']) {
      const icon = manifest.icons.find((i: { sizes: string }) => i.sizes === size);
      const res = await fetch(new URL(icon.src, env.url));
      expect([res.status, res.headers.get('content-type')]).toEqual([200, 'image/png']);
    }
    await page.context().close();
  });

  it('opens with no network once visited, still knowing who is signed in and which tabs they have', async () => {
    const page = await phonePage(browser);
    await loginInPwa(page, env.url, 'hr', 'hr123456');
    await page.waitForURL((u) => !u.pathname.includes('login'));
    // The service worker takes control and precaches the shell.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await page.reload();
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    await page.context().setOffline(true);
    await page.goto(`${env.url}/me`);
    // Who they are and which tabs they have come from the last confirmed "me", kept on the phone.
    await expect.poll(() => page.locator('.van-tabbar').textContent()).toContain('人员');
    expect(await page.locator('body').textContent()).toContain('人力资源');
    await snap(page, 'offline-me');
    await page.context().close();
  });

  it('keeps the people pages from an employee: no tab, and the route sends them home', async () => {
    const page = await phonePage(browser);
    await loginInPwa(page, env.url, 'zhangsan', 'zhangsan123');
    await page.waitForURL((u) => !u.pathname.includes('login'));
    await expect.poll(() => page.locator('.van-tabbar').textContent()).toContain('我的');
    expect(await page.locator('.van-tabbar').textContent()).not.toContain('人员');
    await page.goto(`${env.url}/people`);
    await page.waitForURL((u) => u.pathname === '/');
    await page.context().close();
  });
});
