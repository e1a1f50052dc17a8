import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { drawQr } from '../miniprogram/packages/visitor/utils/qr/draw';
import { encodeQr } from '../miniprogram/packages/visitor/utils/qr/encode';
import { authPayload, graphqlError, operationName, useTestApi } from './support/api';
import { FakeCanvas } from './support/fake-canvas';
import { type FakeWx, installFakeWx } from './support/fake-wx';
import { type RenderedPage, renderPage } from './support/render-page';
import { byOperation, data, passCodes } from './support/visits';

const SESSION_KEY = 'park.session';
const PASSES_KEY = 'park.visitPasses';
const T0 = Date.parse('2030-06-01T01:00:00.000Z');

let wx: FakeWx;
let restoreApi: () => void;

/** The rectangles the page should have drawn for this token. */
function rectsFor(token: string, cssWidth: number): FakeCanvas['rects'] {
  const canvas = new FakeCanvas();
  drawQr(canvas, encodeQr(token, { level: 'M' }), cssWidth, 2);
  return canvas.rects;
}

const toStored = (codes: ReturnType<typeof passCodes>) =>
  codes.map((code) => ({ token: code.token, nbf: Date.parse(code.nbf), exp: Date.parse(code.exp) }));

/** What an earlier visit to the page left in storage: four codes each for the visitor and a companion. */
function cachedBatch() {
  return {
    visitId: 'visit-1',
    validFrom: T0 - 10 * 60_000,
    validUntil: T0 + 2 * 60 * 60_000,
    skewMs: 0,
    passes: [
      { personId: 'p-1', name: '李访客', codes: toStored(passCodes('p-1', T0, 4)) },
      { personId: 'p-2', name: '张同行', codes: toStored(passCodes('p-2', T0, 4)) },
    ],
  };
}

const tokenOf = (personId: string, index: number): string => passCodes(personId, T0, 4)[index]!.token;

function openPassPage(): RenderedPage {
  const page = renderPage('packages/visitor/pages/pass/index');
  const instance = page.instance as unknown as {
    onLoad(query: object): void;
    onShow(): void;
    onUnload(): void;
  };
  instance.onLoad({ id: 'visit-1' });
  instance.onShow();
  opened.push(instance);
  return page;
}

const opened: { onUnload(): void }[] = [];

beforeEach(() => {
  vi.useFakeTimers({ now: T0 + 1_000 });
  wx = installFakeWx();
  restoreApi = useTestApi();
  const { accessToken, refreshToken, accessTokenExpiresAt } = authPayload();
  wx.storage.set(SESSION_KEY, { accessToken, refreshToken, accessTokenExpiresAt });
});

afterEach(() => {
  for (const page of opened.splice(0)) page.onUnload();
  vi.useRealTimers();
  restoreApi();
});

describe('the pass page without a network', () => {
  beforeEach(() => {
    wx.storage.set(PASSES_KEY, { 'visit-1': cachedBatch() });
    wx.respondWith(() => 'network-failure');
  });

  it('draws the current code from the cached batch and says it works offline', async () => {
    const page = openPassPage();

    await vi.waitFor(() => expect(page.data.offline).toBe(true));
    await vi.waitFor(() => expect(wx.canvas.rects).toEqual(rectsFor(tokenOf('p-1', 0), wx.canvas.cssWidth)));
    expect(page.dom?.textContent).toContain('离线可用');
    expect(page.data).toMatchObject({ view: 'valid', secondsLeft: 29 });
    expect(wx.sent.map(operationName)).toContain('VisitPasses');
  });

  it('moves to the next code every 30 seconds, counting down in between', async () => {
    const page = openPassPage();
    await vi.waitFor(() => expect(wx.canvas.rects).toEqual(rectsFor(tokenOf('p-1', 0), wx.canvas.cssWidth)));

    await vi.advanceTimersByTimeAsync(10_000);
    expect(page.data.secondsLeft).toBe(19);
    expect(wx.canvas.draws).toBe(1);

    await vi.advanceTimersByTimeAsync(20_000);
    await vi.waitFor(() => expect(wx.canvas.rects).toEqual(rectsFor(tokenOf('p-1', 1), wx.canvas.cssWidth)));
    expect(page.data.secondsLeft).toBe(29);

    await vi.advanceTimersByTimeAsync(60_000);
    await vi.waitFor(() => expect(wx.canvas.rects).toEqual(rectsFor(tokenOf('p-1', 3), wx.canvas.cssWidth)));
  });

  it("shows each companion's own code on their tab", async () => {
    const page = openPassPage();
    await vi.waitFor(() => expect(page.querySelectorAll('.pass-person')).toHaveLength(2));

    page.querySelectorAll('.pass-person')[1]!.dispatchEvent('tap');

    await vi.waitFor(() => expect(wx.canvas.rects).toEqual(rectsFor(tokenOf('p-2', 0), wx.canvas.cssWidth)));
  });

  it('says 通行码已过期 once the last cached code has expired', async () => {
    const page = openPassPage();

    await vi.advanceTimersByTimeAsync(150_000);

    await vi.waitFor(() => expect(page.data.view).toBe('expired'));
    expect(page.dom?.textContent).toContain('通行码已过期');
    expect(page.dom?.textContent).toContain('连接网络后将自动更新');
  });

  it('says 通行码已过期 once the visit window is over, codes or not', async () => {
    const ending = { ...cachedBatch(), validUntil: T0 + 45_000 };
    wx.storage.set(PASSES_KEY, { 'visit-1': ending });
    const page = openPassPage();
    await vi.waitFor(() => expect(page.data.view).toBe('valid'));

    await vi.advanceTimersByTimeAsync(45_000);

    await vi.waitFor(() => expect(page.data.view).toBe('expired'));
    expect(page.dom?.textContent).not.toContain('连接网络后将自动更新');
  });

  it('says so plainly when there is neither a network nor a cached code', async () => {
    wx.storage.delete(PASSES_KEY);

    const page = openPassPage();

    await vi.waitFor(() => expect(page.data.errorMessage).toContain('本机暂无可用的通行码'));
    expect(wx.canvas.draws).toBe(0);
  });
});

describe('the pass page online', () => {
  const answer = () =>
    data({
      visit: {
        id: 'visit-1',
        status: 'APPROVED',
        validFrom: new Date(T0 - 60_000).toISOString(),
        validUntil: new Date(T0 + 3_600_000).toISOString(),
      },
      visitPasses: [{ personId: 'p-1', name: '李访客', codes: passCodes('p-1', T0, 20) }],
    });

  it('asks for codes bound to this install and keeps them for offline use', async () => {
    wx.respondWith(byOperation({ VisitPasses: answer() }));

    const page = openPassPage();

    await vi.waitFor(() => expect(wx.canvas.rects).toEqual(rectsFor(tokenOf('p-1', 0), wx.canvas.cssWidth)));
    const { variables } = wx.sent[0]!;
    expect(variables.visitId).toBe('visit-1');
    expect(variables.installationId).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(wx.storage.get('park.installation')).toBe(variables.installationId);
    expect(wx.storage.get(PASSES_KEY)).toMatchObject({ 'visit-1': { visitId: 'visit-1' } });
    expect(page.data.offline).toBe(false);
  });

  it('uses the same installation id every time', async () => {
    wx.respondWith(byOperation({ VisitPasses: answer() }));
    openPassPage();
    await vi.waitFor(() => expect(wx.sent).toHaveLength(1));
    openPassPage();
    await vi.waitFor(() => expect(wx.sent).toHaveLength(2));

    expect(wx.sent[0]!.variables.installationId).toBe(wx.sent[1]!.variables.installationId);
  });

  it('drops the cached codes when the server says the visit has no pass any more', async () => {
    wx.storage.set(PASSES_KEY, { 'visit-1': cachedBatch() });
    wx.respondWith(() => graphqlError('VISIT_NOT_APPROVED', '访问尚未获批准，暂无通行码'));

    const page = openPassPage();

    await vi.waitFor(() => expect(page.data.errorMessage).toBe('访问尚未获批准，暂无通行码'));
    expect(wx.storage.get(PASSES_KEY)).toEqual({});
    expect(page.data.view).toBe('none');
  });

  it('says 通行码已过期 when the server says the visit has ended', async () => {
    wx.respondWith(() => graphqlError('VISIT_ENDED', '该访问已结束'));

    const page = openPassPage();

    await vi.waitFor(() => expect(page.data.view).toBe('expired'));
    expect(page.dom?.textContent).toContain('通行码已过期');
  });

  it('shows when the pass starts for a visit whose window lies ahead', async () => {
    wx.respondWith(() =>
      data({
        visit: {
          id: 'visit-1',
          status: 'APPROVED',
          validFrom: '2030-06-01T06:00:00.000Z',
          validUntil: '2030-06-01T08:00:00.000Z',
        },
        visitPasses: [{ personId: 'p-1', name: '李访客', codes: passCodes('p-1', T0, 20) }],
      }),
    );

    const page = openPassPage();

    await vi.waitFor(() => expect(page.data.view).toBe('upcoming'));
    expect(page.dom?.textContent).toContain('通行码将于 2030-06-01 14:00 生效');
    expect(wx.canvas.draws).toBe(0);
  });
});
