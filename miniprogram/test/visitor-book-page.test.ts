import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authPayload, graphqlError, operationName, useTestApi } from './support/api';
import { type FakeWx, installFakeWx } from './support/fake-wx';
import { type RenderedPage, renderPage, tap, textOf } from './support/render-page';
import {
  areas,
  BAD_CHECK_DIGIT_ID,
  byOperation,
  COMPANION_ID,
  data,
  GOOD_ID,
  host,
  profile,
  visitDetail,
} from './support/visits';

const SESSION_KEY = 'park.session';

let wx: FakeWx;
let restoreApi: () => void;

beforeEach(() => {
  wx = installFakeWx();
  restoreApi = useTestApi();
  const { accessToken, refreshToken, accessTokenExpiresAt } = authPayload();
  wx.storage.set(SESSION_KEY, { accessToken, refreshToken, accessTokenExpiresAt });
  wx.respondWith(
    byOperation({
      VisitBookingOptions: data({ visitAreas: areas, myVisitorProfile: profile }),
      VisitHosts: data({ visitHosts: [host] }),
      BookVisit: data({ bookVisit: visitDetail({ id: 'visit-42' }) }),
    }),
  );
});

afterEach(() => restoreApi());

async function openBookPage(): Promise<RenderedPage> {
  const page = renderPage('packages/visitor/pages/book/index');
  (page.instance as unknown as { onLoad(query: object): void }).onLoad({});
  await vi.waitFor(() => expect(page.data.loading).toBe(false));
  return page;
}

/** j-component delivers events on a microtask, like taps. */
async function fire(page: RenderedPage, selector: string, event: string, detail: object): Promise<void> {
  const target = page.querySelector(selector);
  if (!target) throw new Error(`nothing matches ${selector}`);
  target.dispatchEvent(event, { detail });
  await Promise.resolve();
}

const type = (page: RenderedPage, selector: string, value: string) =>
  fire(page, selector, 'input', { value });
const pick = (page: RenderedPage, selector: string, value: string) =>
  fire(page, selector, 'change', { value });

async function chooseHost(page: RenderedPage): Promise<void> {
  await type(page, '.book-host-input', '王');
  await vi.waitFor(() => expect(page.querySelector('.book-host-option')).toBeTruthy());
  await tap(page, '.book-host-option');
}

async function fillForm(page: RenderedPage): Promise<void> {
  await chooseHost(page);
  await type(page, '.book-purpose', '设备检修洽谈');
  await pick(page, '.book-date', '2030-06-01');
  await pick(page, '.book-start', '09:00');
  await pick(page, '.book-end', '11:30');
  await type(page, '.book-id', GOOD_ID);
  await type(page, '.book-plate', '京a·12345');
}

const sentOf = (name: string) => wx.sent.filter((request) => operationName(request) === name);

describe('the booking page', () => {
  it('offers the areas with the default ones ticked and production areas flagged for 保卫部', async () => {
    const page = await openBookPage();

    expect(page.data.areas).toEqual([
      expect.objectContaining({ id: 'area-office', selected: true }),
      expect.objectContaining({
        id: 'area-boiler',
        selected: false,
        needsSecurity: true,
        escortRequired: true,
      }),
    ]);
    expect(page.dom?.textContent).toContain('需保卫部审批');
    expect(page.dom?.textContent).toContain('需陪同');
  });

  it("prefills a returning visitor's name, phone and company, and asks only to confirm the ID number", async () => {
    const page = await openBookPage();

    expect(page.data).toMatchObject({
      name: '李访客',
      phone: '13800138000',
      company: '华电检修公司',
      idNumber: '',
    });
    expect(page.data.idNumberHint).toContain('110105********002X');
  });

  it('searches hosts once the visitor stops typing, and shows only name and department', async () => {
    const page = await openBookPage();

    await type(page, '.book-host-input', '王');
    await type(page, '.book-host-input', '王工');

    await vi.waitFor(() => expect(textOf(page, '.book-host-option')).toBe('王工 · 设备部'));
    expect(sentOf('VisitHosts').map((request) => request.variables)).toEqual([{ keyword: '王工' }]);
  });

  it('books the visit with everything filled in and lands on the new visit', async () => {
    const page = await openBookPage();
    await fillForm(page);
    await tap(page, '.book-companion-add');
    await type(page, '.book-companion-name', '张同行');
    await type(page, '.book-companion-id', COMPANION_ID);

    await tap(page, '.book-submit');

    await vi.waitFor(() =>
      expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/packages/visitor/pages/visit/index?id=visit-42' }),
    );
    expect(sentOf('BookVisit')[0]?.variables).toEqual({
      input: {
        hostId: 'host-1',
        purpose: '设备检修洽谈',
        validFrom: '2030-06-01T01:00:00.000Z',
        validUntil: '2030-06-01T03:30:00.000Z',
        areaIds: ['area-office'],
        name: '李访客',
        idNumber: GOOD_ID,
        phone: '13800138000',
        company: '华电检修公司',
        plate: '京A12345',
        companions: [{ name: '张同行', idNumber: COMPANION_ID }],
      },
    });
  });

  it('sends the areas the visitor ticked', async () => {
    const page = await openBookPage();
    await fillForm(page);
    await pick(page, '.book-areas', ['area-office', 'area-boiler'] as unknown as string);

    await tap(page, '.book-submit');

    await vi.waitFor(() => expect(sentOf('BookVisit')).toHaveLength(1));
    expect(sentOf('BookVisit')[0]?.variables).toMatchObject({
      input: { areaIds: ['area-office', 'area-boiler'] },
    });
  });

  it("refuses a companion whose ID number's check digit is wrong, and sends nothing", async () => {
    const page = await openBookPage();
    await fillForm(page);
    await tap(page, '.book-companion-add');
    await type(page, '.book-companion-name', '张同行');
    await type(page, '.book-companion-id', BAD_CHECK_DIGIT_ID);

    await tap(page, '.book-submit');

    await vi.waitFor(() =>
      expect(textOf(page, '.book-companion-error')).toBe('身份证号码校验位不正确，请核对'),
    );
    expect(textOf(page, '.book-error')).toBe('同行人 1：身份证号码校验位不正确，请核对');
    expect(wx.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '同行人 1：身份证号码校验位不正确，请核对' }),
    );
    expect(sentOf('BookVisit')).toHaveLength(0);
  });

  it('lets a companion be removed again', async () => {
    const page = await openBookPage();
    await tap(page, '.book-companion-add');
    await tap(page, '.book-companion-add');

    await tap(page, '.book-companion-remove');

    await vi.waitFor(() => expect(page.data.companions).toHaveLength(1));
  });

  it('refuses a window that ends before it starts', async () => {
    const page = await openBookPage();
    await fillForm(page);
    await pick(page, '.book-end', '08:00');

    await tap(page, '.book-submit');

    await vi.waitFor(() => expect(page.data.errors.window).toBe('结束时间须晚于开始时间'));
    expect(sentOf('BookVisit')).toHaveLength(0);
  });

  it('refuses a window in the past', async () => {
    const page = await openBookPage();
    await fillForm(page);
    await pick(page, '.book-date', '2020-01-01');

    await tap(page, '.book-submit');

    await vi.waitFor(() => expect(page.data.errors.window).toBe('开始时间不能早于当前时间'));
    expect(sentOf('BookVisit')).toHaveLength(0);
  });

  it('sends a photo only together with the consent, and not before the box is ticked', async () => {
    const page = await openBookPage();
    await fillForm(page);
    await tap(page, '.book-photo-choose');
    await vi.waitFor(() => expect(page.data.photoPath).toBe('wxfile://tmp/photo.jpg'));

    await tap(page, '.book-submit');
    await vi.waitFor(() => expect(page.data.errors.photo).toBe('上传照片须先勾选同意照片采集说明'));
    expect(sentOf('BookVisit')).toHaveLength(0);

    await pick(page, '.book-consent', ['consent'] as unknown as string);
    await tap(page, '.book-submit');

    await vi.waitFor(() => expect(sentOf('BookVisit')).toHaveLength(1));
    expect(sentOf('BookVisit')[0]?.variables).toMatchObject({
      input: { photoBase64: wx.fileBase64, photoConsent: true },
    });
  });

  it("shows the API's Chinese message for a typed error and marks the field it names", async () => {
    wx.respondWith(
      byOperation({
        VisitBookingOptions: data({ visitAreas: areas, myVisitorProfile: profile }),
        VisitHosts: data({ visitHosts: [host] }),
        BookVisit: {
          body: {
            data: null,
            errors: [
              { message: '被访人不是在职员工', extensions: { code: 'HOST_NOT_ACTIVE', field: 'hostId' } },
            ],
          },
        },
      }),
    );
    const page = await openBookPage();
    await fillForm(page);

    await tap(page, '.book-submit');

    await vi.waitFor(() => expect(textOf(page, '.book-error')).toBe('被访人不是在职员工'));
    expect(page.data.errors.host).toBe('被访人不是在职员工');
    expect(page.data.submitting).toBe(false);
    expect(wx.redirectTo).not.toHaveBeenCalled();
  });

  it('shows the reason when the form cannot be loaded', async () => {
    wx.respondWith(() => graphqlError('INTERNAL_SERVER_ERROR', '服务器内部错误'));
    const page = renderPage('packages/visitor/pages/book/index');
    (page.instance as unknown as { onLoad(query: object): void }).onLoad({});

    await vi.waitFor(() => expect(page.dom?.textContent).toContain('服务器内部错误'));
  });
});
