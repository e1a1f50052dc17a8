import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authPayload, graphqlError, operationName, TEST_API_BASE_URL, useTestApi } from './support/api';
import { type FakeWx, installFakeWx } from './support/fake-wx';
import { type RenderedPage, renderPage, tap, textOf } from './support/render-page';

const SESSION_KEY = 'park.session';

const renderLoginPage = (): RenderedPage => renderPage('pages/login/index');
const tapLogin = (page: RenderedPage): Promise<void> => tap(page, '.login-button');

describe('the login page', () => {
  let wx: FakeWx;
  let restoreApi: () => void;

  beforeEach(() => {
    wx = installFakeWx();
    restoreApi = useTestApi();
  });

  afterEach(() => {
    restoreApi();
    vi.restoreAllMocks();
  });

  describe('when WeChat login succeeds', () => {
    beforeEach(() => {
      wx.loginCode = 'wx-code-7788';
      wx.respondWith(() => ({ body: { data: { wechatLogin: authPayload() } } }));
    });

    it('offers a one-tap WeChat login button', () => {
      const page = renderLoginPage();

      expect(page.dom?.textContent).toContain('微信一键登录');
    });

    it('sends the wx.login code as the code variable of the wechatLogin mutation to the configured API', async () => {
      const page = renderLoginPage();

      await tapLogin(page);

      await vi.waitFor(() => expect(wx.sent).toHaveLength(1));
      const [sent] = wx.sent;
      expect(wx.login).toHaveBeenCalledTimes(1);
      expect(sent.url).toBe(`${TEST_API_BASE_URL}/graphql`);
      expect(sent.method).toBe('POST');
      expect(sent.header['content-type']).toBe('application/json');
      expect(operationName(sent)).toBe('WechatLogin');
      expect(sent.variables).toEqual({ code: 'wx-code-7788' });
    });

    it('stores the access and refresh tokens it receives', async () => {
      const page = renderLoginPage();

      await tapLogin(page);

      await vi.waitFor(() => expect(wx.setStorageSync).toHaveBeenCalled());
      expect(wx.storage.get(SESSION_KEY)).toMatchObject({
        accessToken: 'access-1',
        refreshToken: 'refresh-1',
      });
    });

    it('relaunches into the home page', async () => {
      const page = renderLoginPage();

      await tapLogin(page);

      await vi.waitFor(() => expect(wx.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' }));
    });

    it('shows that it is logging in until the server answers', async () => {
      let answer: () => void = () => {};
      wx.respondWith(
        () =>
          new Promise(
            (resolve) => (answer = () => resolve({ body: { data: { wechatLogin: authPayload() } } })),
          ),
      );
      const page = renderLoginPage();

      await tapLogin(page);

      await vi.waitFor(() => expect(wx.sent).toHaveLength(1));
      expect(page.data.loading).toBe(true);
      expect(page.dom?.textContent).toContain('正在登录');
      answer();
      await vi.waitFor(() => expect(wx.reLaunch).toHaveBeenCalled());
    });

    it('ignores a second tap while the first login is under way', async () => {
      const page = renderLoginPage();

      await tapLogin(page);
      await tapLogin(page);

      await vi.waitFor(() => expect(wx.reLaunch).toHaveBeenCalled());
      expect(wx.login).toHaveBeenCalledTimes(1);
      expect(wx.sent).toHaveLength(1);
    });
  });

  describe('when the server refuses the WeChat code', () => {
    beforeEach(() => {
      wx.respondWith(() => graphqlError('WECHAT_LOGIN_FAILED', '微信登录失败，请重试'));
    });

    it("shows the server's Chinese message as a toast and under the button", async () => {
      const page = renderLoginPage();

      await tapLogin(page);

      await vi.waitFor(() =>
        expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '微信登录失败，请重试' })),
      );
      expect(textOf(page, '.login-error')).toContain('微信登录失败，请重试');
    });

    it('stores no tokens and stays on the login page', async () => {
      const page = renderLoginPage();

      await tapLogin(page);

      await vi.waitFor(() => expect(wx.showToast).toHaveBeenCalled());
      expect(wx.setStorageSync).not.toHaveBeenCalled();
      expect(wx.storage.has(SESSION_KEY)).toBe(false);
      expect(wx.reLaunch).not.toHaveBeenCalled();
    });

    it('lets the visitor try again', async () => {
      const page = renderLoginPage();

      await tapLogin(page);

      await vi.waitFor(() => expect(wx.showToast).toHaveBeenCalled());
      expect(page.data.loading).toBe(false);
      expect(page.dom?.textContent).toContain('微信一键登录');
    });
  });

  it('explains, in Chinese, that the network is down when the request cannot be sent', async () => {
    wx.respondWith(() => 'network-failure');
    const page = renderLoginPage();

    await tapLogin(page);

    await vi.waitFor(() =>
      expect(wx.showToast).toHaveBeenCalledWith(
        expect.objectContaining({ title: '网络连接失败，请检查网络后重试' }),
      ),
    );
    expect(wx.setStorageSync).not.toHaveBeenCalled();
  });

  it('does not contact the API at all when WeChat gives no login code', async () => {
    wx.login.mockImplementation((options: { fail?: (error: { errMsg: string }) => void }) => {
      options.fail?.({ errMsg: 'login:fail' });
    });
    const page = renderLoginPage();

    await tapLogin(page);

    await vi.waitFor(() =>
      expect(wx.showToast).toHaveBeenCalledWith(
        expect.objectContaining({ title: '无法获取微信登录凭证，请重试' }),
      ),
    );
    expect(wx.sent).toHaveLength(0);
  });
});
