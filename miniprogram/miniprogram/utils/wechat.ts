import { AppError, ClientErrorCode } from './errors';

/**
 * Callback style rather than the promise form of wx.login: the promise form needs base library
 * 2.10.2+ and is missing from test doubles of `wx`.
 */
export function wechatLoginCode(): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const unavailable = (): AppError =>
      new AppError(ClientErrorCode.WechatCodeUnavailable, '无法获取微信登录凭证，请重试');
    wx.login({
      success: ({ code }) => (code ? resolve(code) : reject(unavailable())),
      fail: () => reject(unavailable()),
    });
  });
}
