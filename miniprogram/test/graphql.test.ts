import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MeDocument, WechatLoginDocument } from '../miniprogram/gql/graphql';
import { apiBaseUrl, DEFAULT_API_BASE_URL } from '../miniprogram/utils/config';
import { AppError } from '../miniprogram/utils/errors';
import { request } from '../miniprogram/utils/graphql';
import { SESSION_STORAGE_KEY } from '../miniprogram/utils/session';
import { authPayload, graphqlError, operationName, TEST_API_BASE_URL, useTestApi } from './support/api';
import { type FakeWx, installFakeWx } from './support/fake-wx';

const me = authPayload().me;

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('the GraphQL request helper', () => {
  let wx: FakeWx;
  let restoreApi: () => void;

  beforeEach(() => {
    wx = installFakeWx();
    restoreApi = useTestApi();
  });

  afterEach(() => restoreApi());

  it('posts the query and its variables as JSON to /graphql of the configured API', async () => {
    wx.respondWith(() => ({ body: { data: { wechatLogin: authPayload() } } }));

    await request(WechatLoginDocument, { code: 'abc' }, { anonymous: true });

    const [sent] = wx.sent;
    expect(sent.url).toBe(`${TEST_API_BASE_URL}/graphql`);
    expect(sent.method).toBe('POST');
    expect(sent.header['content-type']).toBe('application/json');
    expect(operationName(sent)).toBe('WechatLogin');
    expect(sent.variables).toEqual({ code: 'abc' });
  });

  it('resolves the data of a successful response, typed by the document', async () => {
    wx.respondWith(() => ({ body: { data: { me } } }));

    const data = await request(MeDocument, {});

    expect(data.me.person?.name).toBe('李访客');
  });

  it('sends the stored access token as a bearer token when logged in', async () => {
    wx.storage.set(SESSION_STORAGE_KEY, authPayload({ accessToken: 'access-42' }));
    wx.respondWith(() => ({ body: { data: { me } } }));

    await request(MeDocument, {});

    expect(wx.sent[0].header.Authorization).toBe('Bearer access-42');
  });

  it('sends no Authorization header when logged out or asked to stay anonymous', async () => {
    wx.respondWith(() => ({ body: { data: { me } } }));
    await request(MeDocument, {});
    wx.storage.set(SESSION_STORAGE_KEY, authPayload());
    await request(MeDocument, {}, { anonymous: true });

    expect(wx.sent.map((sent) => sent.header.Authorization)).toEqual([undefined, undefined]);
  });

  it("rejects with the first error's extensions.code and its Chinese message", async () => {
    wx.respondWith(() => graphqlError('WECHAT_LOGIN_FAILED', '微信登录失败，请重试'));

    const error = await failureOf(request(WechatLoginDocument, { code: 'abc' }));

    expect(error.code).toBe('WECHAT_LOGIN_FAILED');
    expect(error.message).toBe('微信登录失败，请重试');
  });

  it('maps errors the same way when the server answers them with an HTTP 400', async () => {
    wx.respondWith(() => ({ statusCode: 400, ...graphqlError('VALIDATION', '输入有误') }));

    const error = await failureOf(request(MeDocument, {}));

    expect(error).toMatchObject({ code: 'VALIDATION', message: '输入有误' });
  });

  it('treats a response carrying both data and errors as a failure', async () => {
    wx.respondWith(() => ({
      body: { data: { me }, errors: [{ message: '无权访问', extensions: { code: 'FORBIDDEN' } }] },
    }));

    const error = await failureOf(request(MeDocument, {}));

    expect(error.code).toBe('FORBIDDEN');
  });

  it('falls back to UNKNOWN and a Chinese sentence when the error has neither code nor message', async () => {
    wx.respondWith(() => ({ body: { errors: [{}] } }));

    const error = await failureOf(request(MeDocument, {}));

    expect(error).toMatchObject({ code: 'UNKNOWN', message: '请求失败，请稍后重试' });
  });

  it('reports NETWORK_ERROR in Chinese when the request never reaches the server', async () => {
    wx.respondWith(() => 'network-failure');

    const error = await failureOf(request(MeDocument, {}));

    expect(error).toMatchObject({ code: 'NETWORK_ERROR', message: '网络连接失败，请检查网络后重试' });
  });

  it('reports HTTP_ERROR when a gateway answers 502 with an HTML page', async () => {
    wx.respondWith(() => ({ statusCode: 502, body: '<html>Bad Gateway</html>' }));

    const error = await failureOf(request(MeDocument, {}));

    expect(error).toMatchObject({ code: 'HTTP_ERROR', message: '服务暂时不可用，请稍后重试' });
  });

  it('reports BAD_RESPONSE when a 200 carries no data', async () => {
    wx.respondWith(() => ({ body: { data: null } }));

    const error = await failureOf(request(MeDocument, {}));

    expect(error.code).toBe('BAD_RESPONSE');
  });
});

describe('the API base URL', () => {
  it(`defaults to ${DEFAULT_API_BASE_URL}`, () => {
    expect(apiBaseUrl()).toBe('http://127.0.0.1:4000');
  });

  it('follows the override global, without a trailing slash', () => {
    const holder = globalThis as { __PARK_API_BASE_URL__?: string };
    holder.__PARK_API_BASE_URL__ = 'https://park.example.cn/';
    try {
      expect(apiBaseUrl()).toBe('https://park.example.cn');
    } finally {
      delete holder.__PARK_API_BASE_URL__;
    }
  });
});
