import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authPayload, graphqlError, operationName, useTestApi } from './support/api';
import { type FakeWx, installFakeWx } from './support/fake-wx';
import { navigators, type RenderedPage, renderPage, textOf } from './support/render-page';

const SESSION_KEY = 'park.session';

/** j-component does not run page lifecycles, so the test opens the page the way WeChat would. */
function openHomePage(): RenderedPage {
  const page = renderPage('pages/home/index');
  (page.instance as unknown as { onLoad(): void }).onLoad();
  return page;
}

describe('the home page', () => {
  let wx: FakeWx;
  let restoreApi: () => void;

  beforeEach(() => {
    wx = installFakeWx();
    restoreApi = useTestApi();
  });

  afterEach(() => restoreApi());

  describe('for a logged-in visitor', () => {
    beforeEach(() => {
      const { accessToken, refreshToken, accessTokenExpiresAt } = authPayload();
      wx.storage.set(SESSION_KEY, { accessToken, refreshToken, accessTokenExpiresAt });
    });

    it('greets the person by the name the me query returns', async () => {
      wx.respondWith(() => ({ body: { data: { me: authPayload().me } } }));

      const page = openHomePage();

      await vi.waitFor(() => expect(textOf(page, '.home-name')).toBe('您好，李访客'));
      expect(wx.sent.map(operationName)).toEqual(['Me']);
    });

    it('offers 访客预约 and 外协入场, each leading into its own subpackage', () => {
      wx.respondWith(() => ({ body: { data: { me: authPayload().me } } }));

      const page = openHomePage();

      expect(navigators(page)).toEqual([
        { text: expect.stringContaining('访客预约'), url: '/packages/visitor/pages/bookings/index' },
        { text: expect.stringContaining('外协入场'), url: '/packages/contractor/pages/entry/index' },
      ]);
      expect(navigators(page).map(({ text }) => text.includes('即将上线'))).toEqual([false, true]);
    });

    it('shows the Chinese reason when the person cannot be loaded', async () => {
      wx.respondWith(() => 'network-failure');

      const page = openHomePage();

      await vi.waitFor(() => expect(page.dom?.textContent).toContain('网络连接失败，请检查网络后重试'));
      expect(wx.reLaunch).not.toHaveBeenCalled();
    });

    it('returns to the login page when the session can no longer be refreshed', async () => {
      wx.respondWith((sent) =>
        operationName(sent) === 'Me'
          ? graphqlError('TOKEN_EXPIRED', '登录已过期')
          : graphqlError('TOKEN_INVALID', '登录已失效，请重新登录'),
      );

      openHomePage();

      await vi.waitFor(() => expect(wx.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' }));
      expect(wx.storage.has(SESSION_KEY)).toBe(false);
    });
  });

  it('sends someone without a session to the login page without calling the API', () => {
    openHomePage();

    expect(wx.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
    expect(wx.sent).toHaveLength(0);
  });
});
