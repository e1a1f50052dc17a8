import type { Config } from '../config.js';
import { AuthErrors } from './auth.errors.js';

export interface WechatSession {
  openid: string;
  unionid?: string;
}

/**
 * code2session (jscode2session). The base URL is configuration: the real WeChat API in a plant that
 * allows it, a local fake in tests. Unset means no call ever leaves the plant.
 */
export async function code2Session(config: Config, code: string): Promise<WechatSession> {
  if (!config.WECHAT_API_BASE) throw AuthErrors.wechatNotConfigured();
  const url = new URL('/sns/jscode2session', config.WECHAT_API_BASE);
  url.search = new URLSearchParams({
    appid: config.WECHAT_APPID,
    secret: config.WECHAT_SECRET,
    js_code: code,
    grant_type: 'authorization_code',
  }).toString();
  let body: { openid?: string; unionid?: string; errcode?: number };
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    body = (await res.json()) as typeof body;
  } catch {
    throw AuthErrors.wechatFailed();
  }
  if (body.errcode || !body.openid) throw AuthErrors.wechatFailed();
  return { openid: body.openid, unionid: body.unionid };
}
