import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authPayload, graphqlError, operationName, useTestApi } from './support/api';
import { type FakeWx, installFakeWx } from './support/fake-wx';
import { type RenderedPage, renderPage, tap, textOf } from './support/render-page';
import { areas, byOperation, data, visitDetail } from './support/visits';

const SESSION_KEY = 'park.session';

type PageInstance = { onLoad(query: object): void; onShow(): void; onUnload(): void };

let wx: FakeWx;
let restoreApi: () => void;
const opened: PageInstance[] = [];

async function openVisitPage(): Promise<RenderedPage> {
  const page = renderPage('packages/visitor/pages/visit/index');
  const instance = page.instance as unknown as PageInstance;
  instance.onLoad({ id: 'visit-1' });
  instance.onShow();
  opened.push(instance);
  await vi.waitFor(() => expect(page.data.visit).not.toBeNull());
  return page;
}

beforeEach(() => {
  wx = installFakeWx();
  restoreApi = useTestApi();
  const { accessToken, refreshToken, accessTokenExpiresAt } = authPayload();
  wx.storage.set(SESSION_KEY, { accessToken, refreshToken, accessTokenExpiresAt });
});

afterEach(() => {
  for (const instance of opened.splice(0)) instance.onUnload();
  restoreApi();
});

describe('the visit detail', () => {
  it('shows host, window, areas, companions, plate and status', async () => {
    wx.respondWith(() => data({ visit: visitDetail({ areas }) }));

    const page = await openVisitPage();

    const text = page.dom?.textContent ?? '';
    expect(wx.sent[0]?.variables).toEqual({ id: 'visit-1' });
    expect(textOf(page, '.visit-status')).toBe('待审批');
    expect(textOf(page, '.visit-window')).toBe('2030-06-01 09:00–11:30');
    expect(textOf(page, '.visit-host')).toBe('王工 · 设备部');
    expect(text).toContain('办公楼');
    expect(text).toContain('锅炉房');
    expect(text).toContain('需保卫部审批');
    expect(text).toContain('张同行（440524********0013）');
    expect(textOf(page, '.visit-plate')).toBe('京A12345');
  });

  it('names the colleagues the host designated as escorts, and shows no such row when there are none', async () => {
    wx.respondWith(() =>
      data({
        visit: visitDetail({
          status: 'APPROVED',
          escorts: [
            { id: 'e-1', name: '李值长', department: '运行部' },
            { id: 'e-2', name: '赵工', department: null },
          ],
        }),
      }),
    );
    const page = await openVisitPage();
    expect(textOf(page, '.visit-escorts')).toBe('李值长 · 运行部、赵工');

    wx.respondWith(() => data({ visit: visitDetail() }));
    const plain = await openVisitPage();
    expect(plain.querySelector('.visit-escorts')).toBeFalsy();
  });

  it('shows the reason a rejected visit was turned down', async () => {
    wx.respondWith(() =>
      data({ visit: visitDetail({ status: 'REJECTED', rejectionReason: '当日检修，暂停接待' }) }),
    );

    const page = await openVisitPage();

    expect(textOf(page, '.visit-status')).toBe('已驳回');
    expect(textOf(page, '.visit-rejection-reason')).toBe('当日检修，暂停接待');
    expect(page.querySelector('.visit-cancel')).toBeFalsy();
  });

  it('cancels a pending visit after the visitor confirms', async () => {
    wx.respondWith(
      byOperation({
        VisitById: data({ visit: visitDetail() }),
        CancelVisit: data({ cancelVisit: visitDetail({ status: 'CANCELLED' }) }),
      }),
    );
    const page = await openVisitPage();

    await tap(page, '.visit-cancel');

    await vi.waitFor(() => expect(textOf(page, '.visit-status')).toBe('已取消'));
    expect(wx.sent.find((sent) => operationName(sent) === 'CancelVisit')?.variables).toEqual({
      id: 'visit-1',
    });
    expect(page.querySelector('.visit-cancel')).toBeFalsy();
  });

  it('leaves the visit alone when the visitor thinks again', async () => {
    wx.modalConfirm = false;
    wx.respondWith(byOperation({ VisitById: data({ visit: visitDetail() }) }));
    const page = await openVisitPage();

    await tap(page, '.visit-cancel');
    await vi.waitFor(() => expect(wx.showModal).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 10));

    expect(wx.sent.map(operationName)).not.toContain('CancelVisit');
  });

  it("shows the API's reason when a cancellation is refused", async () => {
    wx.respondWith(
      byOperation({
        VisitById: data({ visit: visitDetail({ status: 'APPROVED' }) }),
        CancelVisit: graphqlError('VISIT_IN_PROGRESS', '访客已入场，请办理离场而非取消'),
      }),
    );
    const page = await openVisitPage();

    await tap(page, '.visit-cancel');

    await vi.waitFor(() =>
      expect(wx.showToast).toHaveBeenCalledWith(
        expect.objectContaining({ title: '访客已入场，请办理离场而非取消' }),
      ),
    );
  });

  it('offers the pass for an approved visit', async () => {
    wx.respondWith(() => data({ visit: visitDetail({ status: 'APPROVED' }) }));
    const page = await openVisitPage();

    await tap(page, '.visit-pass');

    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/packages/visitor/pages/pass/index?id=visit-1' });
  });

  it('offers neither pass nor cancel once the visitor has left', async () => {
    wx.respondWith(() =>
      data({ visit: visitDetail({ status: 'CHECKED_OUT', checkedInAt: '2030-06-01T01:05:00.000Z' }) }),
    );

    const page = await openVisitPage();

    expect(page.querySelector('.visit-pass')).toBeFalsy();
    expect(page.querySelector('.visit-cancel')).toBeFalsy();
    expect(page.dom?.textContent).toContain('2030-06-01 09:05');
  });

  it('says "not found or no access" for a visit that is not the visitor\'s', async () => {
    wx.respondWith(() => graphqlError('NOT_FOUND', '访问记录不存在或无权访问'));
    const page = renderPage('packages/visitor/pages/visit/index');
    const instance = page.instance as unknown as PageInstance;
    instance.onLoad({ id: 'visit-9' });
    instance.onShow();
    opened.push(instance);

    await vi.waitFor(() => expect(textOf(page, '.visit-error')).toBe('访问记录不存在或无权访问'));
  });
});
