import { createTestEnvironment, type TestEnvironment } from '@park/api/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuditTrailDocument,
  FindPersonDocument,
  ImportPeopleDocument,
  VerifyAuditChainDocument,
} from '../gql/graphql';
import { launchBrowser, loginInPwa, phonePage, snap } from '../support/browser';
import { archiveCsv, validIdNumber } from '../support/files';

const PWA_DIST = new URL('../../pwa/dist', import.meta.url).pathname;
const ID = validIdNumber('37020219900307123');
const NEWCOMER = {
  姓名: '王新来',
  性别: '男',
  身份证号: ID,
  手机号: '13912345678',
  工号: 'E9001',
  人员类型: '职工',
  组织: '东港发电有限公司/运行部/运行二值',
  岗位: '巡检员',
  卡号: 'DG900001',
  车牌: '鲁BA9001',
  入职日期: '2026-11-24',
};

let env: TestEnvironment;
let browser: Browser;
let hr: string;

beforeAll(async () => {
  env = await createTestEnvironment({ seed: true, env: { PWA_DIST } });
  browser = await launchBrowser();
  hr = await env.login('hr', 'hr123456');
});
afterAll(async () => {
  await browser?.close();
  await env?.stop();
});

async function person() {
  const r = await env.gql(FindPersonDocument, { search: 'E9001' }, hr);
  return r.data!.people.items[0]!;
}

describe('a newcomer from import to exit', () => {
  it('HR dry-runs a file with a mistake, sees it in Chinese, fixes it and imports', async () => {
    const bad = archiveCsv([{ ...NEWCOMER, 身份证号: `${ID.slice(0, 17)}${ID[17] === '1' ? '2' : '1'}` }]);
    const dry = await env.gql(
      ImportPeopleDocument,
      {
        input: {
          filename: 'newcomers.csv',
          contentBase64: Buffer.from(bad).toString('base64'),
          dryRun: true,
        },
      },
      hr,
    );
    expect(dry.data!.importPeople.errors).toEqual([
      { row: 2, column: '身份证号', code: 'BAD_ID_NUMBER', message: '身份证号码校验位错误' },
    ]);
    const good = Buffer.from(archiveCsv([NEWCOMER])).toString('base64');
    const check = await env.gql(
      ImportPeopleDocument,
      { input: { filename: 'newcomers.csv', contentBase64: good, dryRun: true } },
      hr,
    );
    expect(check.data!.importPeople).toMatchObject({ ok: true, created: 0, errors: [] });
    const run = await env.gql(
      ImportPeopleDocument,
      { input: { filename: 'newcomers.csv', contentBase64: good, dryRun: false } },
      hr,
    );
    expect(run.data!.importPeople).toMatchObject({ ok: true, created: 1 });
    expect(await person()).toMatchObject({
      name: '王新来',
      status: 'ACTIVE',
      cards: [{ number: 'DG900001', status: 'ACTIVE' }],
      vehicles: [{ plate: '鲁BA9001' }],
    });
  });

  let employee: Page;
  it('the newcomer signs in on the PWA with the initial password and is made to change it first', async () => {
    employee = await phonePage(browser);
    await loginInPwa(employee, env.url, 'E9001', ID.slice(-6));
    await employee.waitForURL(/\/me\?password=1/);
    await snap(employee, '1-change-initial-password');
    const dialog = employee.locator('.van-dialog:visible');
    const fields = dialog.locator('input[type="password"]');
    await fields.nth(0).fill(ID.slice(-6));
    await fields.nth(1).fill('Donggang2026');
    await fields.nth(2).fill('Donggang2026');
    await dialog.locator('.van-dialog__confirm').click();
    await dialog.waitFor({ state: 'hidden' });
    await employee.goto(`${env.url}/me`);
    await expect.poll(() => employee.locator('body').textContent()).toContain('王新来');
    await snap(employee, '2-me');
  });

  it('HR reports the card lost in the PWA and it is dead at once', async () => {
    const page = await phonePage(browser);
    await loginInPwa(page, env.url, 'hr', 'hr123456');
    await page.waitForURL((u) => !u.pathname.includes('login'));
    await page.goto(`${env.url}/people/${(await person()).id}`);
    await page.getByRole('button', { name: '挂失' }).click();
    await snap(page, '3-report-lost');
    await page.locator('.van-dialog__confirm:visible').click();
    await expect.poll(async () => (await person()).cards[0]!.status).toBe('LOST');
    await page.close();
  });

  it('HR offboards the newcomer in the PWA and their open session stops working', async () => {
    const page = await phonePage(browser);
    await loginInPwa(page, env.url, 'hr', 'hr123456');
    await page.waitForURL((u) => !u.pathname.includes('login'));
    await page.goto(`${env.url}/people/${(await person()).id}`);
    await page
      .getByRole('button', { name: /离职|退场/ })
      .first()
      .click();
    const dialog = page.locator('.van-dialog:visible');
    await dialog.locator('textarea').fill('合同到期');
    await dialog.locator('.van-dialog__confirm').click();
    await expect.poll(async () => (await person()).status).toBe('INACTIVE');
    await snap(page, '4-offboarded');
    expect((await person()).cards[0]!.status).toBe('VOIDED');
    await page.close();
    await employee.reload();
    await employee.waitForURL(/\/login/);
  });

  it('the audit chain holds every step and verifies', async () => {
    const security = await env.login('security', 'security123');
    const id = (await person()).id;
    const trail = await env.gql(AuditTrailDocument, { entityId: id }, security);
    expect(trail.data!.auditLog.items.map((e: { action: string }) => e.action).reverse()).toEqual([
      'PERSON_CREATE',
      'PERSON_OFFBOARD',
    ]);
    const verified = await env.gql(VerifyAuditChainDocument, {}, security);
    expect(verified.data!.verifyAuditChain).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(verified.data!.verifyAuditChain.checked).toBeGreaterThan(300);
  });
});
