import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authPayload, operationName, useTestApi } from './support/api';
import { type FakeWx, installFakeWx } from './support/fake-wx';
import { navigators, type RenderedPage, renderPage, tap } from './support/render-page';
import { data, visitDetail } from './support/visits';

const SESSION_KEY = 'park.session';

type PageInstance = { onShow(): void; onHide(): void; onUnload(): void; onPullDownRefresh(): Promise<void> };

let wx: FakeWx;
let restoreApi: () => void;
const opened: PageInstance[] = [];

function openListPage(): { page: RenderedPage; instance: PageInstance } {
  const page = renderPage('packages/visitor/pages/bookings/index');
  const instance = page.instance as unknown as PageInstance;
  instance.onShow();
  opened.push(instance);
  return { page, instance };
}

const myVisits = (...statuses: string[]) =>
  data({ myVisits: statuses.map((status, i) => visitDetail({ id: `visit-${i + 1}`, status })) });

beforeEach(() => {
  wx = installFakeWx();
  restoreApi = useTestApi();
  const { accessToken, refreshToken, accessTokenExpiresAt } = authPayload();
  wx.storage.set(SESSION_KEY, { accessToken, refreshToken, accessTokenExpiresAt });
});

afterEach(() => {
  for (const instance of opened.splice(0)) instance.onUnload();
  vi.useRealTimers();
  restoreApi();
});

describe('my visits', () => {
  it('lists each visit with its host, window and status in Chinese, each leading to its detail', async () => {
    wx.respondWith(() =>
      myVisits('PENDING', 'APPROVED', 'REJECTED', 'CANCELLED', 'CHECKED_IN', 'CHECKED_OUT', 'EXPIRED'),
    );

    const { page } = openListPage();

    await vi.waitFor(() => expect(page.data.visits).toHaveLength(7));
    expect(page.data.visits.map((visit: { statusLabel: string }) => visit.statusLabel)).toEqual([
      '待审批',
      '已通过',
      '已驳回',
      '已取消',
      '已入场',
      '已离场',
      '已过期',
    ]);
    expect(navigators(page)[0]).toEqual({
      text: expect.stringContaining('王工 · 设备部'),
      url: '/packages/visitor/pages/visit/index?id=visit-1',
    });
    expect(navigators(page)[0]?.text).toContain('2030-06-01 09:00–11:30');
  });

  it('shows a status change while the page stays open, by asking again every few seconds', async () => {
    vi.useFakeTimers();
    let status = 'PENDING';
    wx.respondWith(() => myVisits(status));
    const { page } = openListPage();
    await vi.waitFor(() => expect(page.data.visits[0]?.statusLabel).toBe('待审批'));

    status = 'APPROVED';
    await vi.advanceTimersByTimeAsync(5_000);

    await vi.waitFor(() => expect(page.data.visits[0]?.statusLabel).toBe('已通过'));
  });

  it('stops asking while the page is hidden', async () => {
    vi.useFakeTimers();
    wx.respondWith(() => myVisits('PENDING'));
    const { page, instance } = openListPage();
    await vi.waitFor(() => expect(page.data.loaded).toBe(true));

    instance.onHide();
    const sentBefore = wx.sent.length;
    await vi.advanceTimersByTimeAsync(30_000);

    expect(wx.sent).toHaveLength(sentBefore);
  });

  it('reloads on pull-down and then folds the refresh indicator away', async () => {
    wx.respondWith(() => myVisits('PENDING'));
    const { page, instance } = openListPage();
    await vi.waitFor(() => expect(page.data.loaded).toBe(true));

    await instance.onPullDownRefresh();

    expect(wx.sent.filter((sent) => operationName(sent) === 'MyVisits').length).toBeGreaterThanOrEqual(2);
    expect(wx.stopPullDownRefresh).toHaveBeenCalled();
  });

  it('keeps the last list on screen and says why when a refresh fails', async () => {
    vi.useFakeTimers();
    let online = true;
    wx.respondWith(() => (online ? myVisits('APPROVED') : 'network-failure'));
    const { page } = openListPage();
    await vi.waitFor(() => expect(page.data.visits).toHaveLength(1));

    online = false;
    await vi.advanceTimersByTimeAsync(5_000);

    await vi.waitFor(() => expect(page.data.errorMessage).toBe('网络连接失败，请检查网络后重试'));
    expect(page.data.visits).toHaveLength(1);
  });

  it('invites a first-time visitor to book', async () => {
    wx.respondWith(() => myVisits());
    const { page } = openListPage();
    await vi.waitFor(() => expect(page.data.loaded).toBe(true));

    await tap(page, '.bookings-book');

    expect(page.dom?.textContent).toContain('还没有访问记录');
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/packages/visitor/pages/book/index' });
  });
});
