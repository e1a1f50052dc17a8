import type { Config } from '../config.js';

/**
 * WeChat subscribe messages (订阅消息, cgi-bin/message/subscribe/send) with the mini-program's
 * access token (cgi-bin/token), cached until shortly before it expires. The base URL is
 * configuration like code2session's: the real WeChat API where a plant allows it, a local fake in
 * tests, and unset means nothing ever leaves the plant.
 */
export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page?: string;
  /** Template keyword → value, e.g. { thing1: '张三', time2: '2026-11-24 09:00' }. */
  data: Record<string, string>;
}

export type SendOutcome = 'sent' | 'not-configured' | 'refused' | 'failed';

interface CachedToken {
  token: string;
  expiresAt: number;
}

const tokens = new Map<string, CachedToken>();
// WeChat answers these when a token was revoked or expired early: fetch a new one and retry once.
const STALE_TOKEN = new Set([40001, 40014, 42001]);

async function getJson(url: URL, init?: RequestInit): Promise<Record<string, unknown>> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(5000) });
  return (await res.json()) as Record<string, unknown>;
}

async function accessToken(config: Config, fresh: boolean): Promise<string | null> {
  const key = `${config.WECHAT_API_BASE}|${config.WECHAT_APPID}`;
  const cached = tokens.get(key);
  if (!fresh && cached && cached.expiresAt > Date.now()) return cached.token;
  const url = new URL('/cgi-bin/token', config.WECHAT_API_BASE);
  url.search = new URLSearchParams({
    grant_type: 'client_credential',
    appid: config.WECHAT_APPID,
    secret: config.WECHAT_SECRET,
  }).toString();
  const body = await getJson(url);
  if (typeof body.access_token !== 'string') return null;
  const ttl = typeof body.expires_in === 'number' ? body.expires_in : 7200;
  tokens.set(key, { token: body.access_token, expiresAt: Date.now() + Math.max(60, ttl - 300) * 1000 });
  return body.access_token;
}

/** Sends one subscribe message. Never throws: a notification must not fail what caused it. */
export async function sendSubscribeMessage(config: Config, message: SubscribeMessage): Promise<SendOutcome> {
  if (!config.WECHAT_API_BASE || !message.templateId) return 'not-configured';
  try {
    for (const fresh of [false, true]) {
      const token = await accessToken(config, fresh);
      if (!token) return 'failed';
      const url = new URL('/cgi-bin/message/subscribe/send', config.WECHAT_API_BASE);
      url.search = new URLSearchParams({ access_token: token }).toString();
      const body = await getJson(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          touser: message.touser,
          template_id: message.templateId,
          page: message.page,
          miniprogram_state: config.WECHAT_MINIPROGRAM_STATE,
          lang: 'zh_CN',
          data: Object.fromEntries(Object.entries(message.data).map(([k, value]) => [k, { value }])),
        }),
      });
      const code = Number(body.errcode ?? 0);
      if (code === 0) return 'sent';
      // 43101: the user has not subscribed (or used up) this template: theirs to decide, not a fault.
      if (code === 43101) return 'refused';
      if (!STALE_TOKEN.has(code)) return 'failed';
    }
    return 'failed';
  } catch {
    return 'failed';
  }
}
