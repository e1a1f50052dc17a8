import { DomainError } from '../common/errors.js';

export const AuthErrors = {
  invalidCredentials: () => new DomainError('INVALID_CREDENTIALS', '用户名或密码错误'),
  locked: (minutes: number) =>
    new DomainError('ACCOUNT_LOCKED', `连续登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试`, {
      minutes,
    }),
  disabled: () => new DomainError('ACCOUNT_DISABLED', '账号已停用，请联系管理员'),
  tokenInvalid: () => new DomainError('TOKEN_INVALID', '登录凭证无效，请重新登录'),
  tokenExpired: () => new DomainError('TOKEN_EXPIRED', '登录已过期，请重新登录'),
  refreshInvalid: () => new DomainError('REFRESH_INVALID', '登录已失效，请重新登录'),
  refreshReused: () =>
    new DomainError('REFRESH_REUSED', '检测到登录凭证被重复使用，为保护账号安全已强制下线，请重新登录'),
  weakPassword: () => new DomainError('WEAK_PASSWORD', '新密码至少 8 位，且须同时包含字母和数字'),
  wechatNotConfigured: () => new DomainError('WECHAT_NOT_CONFIGURED', '未配置微信登录'),
  wechatFailed: () => new DomainError('WECHAT_LOGIN_FAILED', '微信登录失败，请重试'),
};
