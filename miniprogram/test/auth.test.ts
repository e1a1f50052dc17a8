import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MeDocument } from '../miniprogram/gql/graphql';
import { logout, refresh, requestWithSession } from '../miniprogram/utils/auth';
import { readSession, SESSION_STORAGE_KEY, type Session } from '../miniprogram/utils/session';
import { authPayload, graphqlError, operationName, useTestApi } from './support/api';
import { type FakeWx, installFakeWx } from './support/fake-wx';

const me = authPayload().me;

function storedSession(overrides: Partial<Session> = {}): void {
  const { accessToken, refreshToken, accessTokenExpiresAt } = authPayload();
  wx.storage.set(SESSION_STORAGE_KEY, { accessToken, refreshToken, accessTokenExpiresAt, ...overrides });
}

let wx: FakeWx;
let restoreApi: () => void;

beforeEach(() => {
  wx = installFakeWx();
  restoreApi = useTestApi();
});

afterEach(() => restoreApi());

describe('refreshing the session', () => {
  it('exchanges the stored refresh token and stores the rotated pair', async () => {
    storedSession({ refreshToken: 'refresh-old' });
    wx.respondWith(() => ({
      body: {
        data: { refreshToken: authPayload({ accessToken: 'access-new', refreshToken: 'refresh-new' }) },
      },
    }));

    await refresh();

    expect(wx.sent[0].variables).toEqual({ refreshToken: 'refresh-old' });
    expect(readSession()).toMatchObject({ accessToken: 'access-new', refreshToken: 'refresh-new' });
  });

  it('spends the refresh token once even when several requests need a refresh at the same time', async () => {
    storedSession();
    wx.respondWith(() => ({ body: { data: { refreshToken: authPayload({ refreshToken: 'refresh-2' }) } } }));

    await Promise.all([refresh(), refresh(), refresh()]);

    expect(wx.sent).toHaveLength(1);
  });

  it('ends the session when the server refuses the refresh token', async () => {
    storedSession();
    wx.respondWith(() => graphqlError('REFRESH_REUSED', '登录状态异常，请重新登录'));

    await expect(refresh()).rejects.toMatchObject({ code: 'REFRESH_REUSED' });
    expect(readSession()).toBeNull();
  });

  it('keeps the session when only the network failed, so a later try can still refresh', async () => {
    storedSession();
    wx.respondWith(() => 'network-failure');

    await expect(refresh()).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    expect(readSession()).not.toBeNull();
  });
});

describe('a request on behalf of the logged-in person', () => {
  it('refreshes first when the access token is about to expire', async () => {
    storedSession({ accessTokenExpiresAt: new Date(Date.now() + 5_000).toISOString() });
    wx.respondWith((sent) =>
      operationName(sent) === 'RefreshToken'
        ? { body: { data: { refreshToken: authPayload({ accessToken: 'access-fresh' }) } } }
        : { body: { data: { me } } },
    );

    await requestWithSession(MeDocument, {});

    expect(wx.sent.map(operationName)).toEqual(['RefreshToken', 'Me']);
    expect(wx.sent[1].header.Authorization).toBe('Bearer access-fresh');
  });

  it('retries once with a fresh token when the server says TOKEN_EXPIRED', async () => {
    storedSession();
    let meCalls = 0;
    wx.respondWith((sent) => {
      if (operationName(sent) === 'RefreshToken') {
        return { body: { data: { refreshToken: authPayload({ accessToken: 'access-fresh' }) } } };
      }
      meCalls += 1;
      return meCalls === 1 ? graphqlError('TOKEN_EXPIRED', '登录已过期') : { body: { data: { me } } };
    });

    const data = await requestWithSession(MeDocument, {});

    expect(data.me.username).toBe('wx_visitor_01');
    expect(wx.sent.map(operationName)).toEqual(['Me', 'RefreshToken', 'Me']);
  });

  it('refuses to send anything when nobody is logged in', async () => {
    await expect(requestWithSession(MeDocument, {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(wx.sent).toHaveLength(0);
  });
});

describe('logging out', () => {
  it('revokes the refresh token and forgets the session', async () => {
    storedSession({ refreshToken: 'refresh-bye' });
    wx.respondWith(() => ({ body: { data: { logout: true } } }));

    await logout();

    expect(wx.sent[0].variables).toEqual({ refreshToken: 'refresh-bye' });
    expect(readSession()).toBeNull();
  });

  it('forgets the session even when the server cannot be reached', async () => {
    storedSession();
    wx.respondWith(() => 'network-failure');

    await logout();

    expect(readSession()).toBeNull();
  });
});
