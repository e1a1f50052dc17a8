import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Person } from '../identity/person.entity.js';
import { WechatBinding } from '../identity/wechat-binding.entity.js';
import { createTestEnvironment, type TestEnvironment } from '../testing/index.js';

/** A stand-in for api.weixin.qq.com: code "good-*" → openid "openid-*", anything else → errcode. */
function fakeWechat(): Promise<{ server: Server; url: string; calls: URL[] }> {
  const calls: URL[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    calls.push(url);
    const code = url.searchParams.get('js_code') ?? '';
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify(
        url.pathname === '/sns/jscode2session' && code.startsWith('good-')
          ? { openid: `openid-${code.slice(5)}`, session_key: 'k' }
          : { errcode: 40029, errmsg: 'invalid code' },
      ),
    );
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () =>
      ok({ server, calls, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

const WECHAT_LOGIN = `mutation($c:String!){wechatLogin(code:$c){accessToken me{roles person{id name}}}}`;
let env: TestEnvironment;
let wx: Awaited<ReturnType<typeof fakeWechat>>;

beforeAll(async () => {
  wx = await fakeWechat();
  env = await createTestEnvironment({
    env: { WECHAT_API_BASE: wx.url, WECHAT_APPID: 'wxapp', WECHAT_SECRET: 'sekret' },
  });
});
afterAll(async () => {
  await env?.stop();
  wx?.server.closeAllConnections();
  wx?.server.close();
});

describe('wechatLogin', () => {
  it('creates one visitor person on first login and finds the same person on the next', async () => {
    const first = await env.gql(WECHAT_LOGIN, { c: 'good-alice' });
    expect(first.errors).toBeUndefined();
    expect(first.data!.wechatLogin.me.roles).toEqual(['VISITOR']);
    const again = await env.gql(WECHAT_LOGIN, { c: 'good-alice' });
    expect(again.data!.wechatLogin.me.person.id).toBe(first.data!.wechatLogin.me.person.id);
    expect(await env.context().em.count(WechatBinding, { openid: 'openid-alice' })).toBe(1);
    const call = wx.calls.at(-1)!;
    expect(Object.fromEntries(call.searchParams)).toMatchObject({
      appid: 'wxapp',
      secret: 'sekret',
      js_code: 'good-alice',
      grant_type: 'authorization_code',
    });
  });

  it('refuses a code WeChat rejects, in Chinese, and creates nobody', async () => {
    const people = await env.context().em.count(Person, {});
    const r = await env.gql(WECHAT_LOGIN, { c: 'stale' });
    expect(r.errors![0]).toMatchObject({
      message: '微信登录失败，请重试',
      extensions: { code: 'WECHAT_LOGIN_FAILED' },
    });
    expect(await env.context().em.count(Person, {})).toBe(people);
  });
});

describe('wechatLogin without configuration', () => {
  it('never calls out of the plant and says it is not configured', async () => {
    const bare = await createTestEnvironment();
    try {
      const before = wx.calls.length;
      const r = await bare.gql(WECHAT_LOGIN, { c: 'good-bob' });
      expect(r.errors![0]!.extensions!.code).toBe('WECHAT_NOT_CONFIGURED');
      expect(wx.calls.length).toBe(before);
    } finally {
      await bare.stop();
    }
  });
});
