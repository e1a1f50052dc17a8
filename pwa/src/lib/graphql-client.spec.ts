import { describe, expect, it, vi } from 'vitest';
import { MeDocument } from '../gql/graphql';
import { fakeGraphQLFetch } from '../test/helpers';
import { createGraphQLClient } from './graphql-client';
import { GraphQLRequestError } from './graphql-errors';
import { createMemorySessionStore } from './session-store';

const ME = { me: { username: 'hr', roles: ['HR'], permissions: [], person: null } };
const expired = { errors: [{ message: '登录已过期', extensions: { code: 'TOKEN_EXPIRED' } }] };
const renewed = {
  data: {
    refreshToken: {
      accessToken: 'access-2',
      refreshToken: 'refresh-2',
      accessTokenExpiresAt: '2030-01-01T00:00:00Z',
    },
  },
};

function signedIn() {
  return createMemorySessionStore({
    accessToken: 'access-1',
    refreshToken: 'refresh-1',
    accessTokenExpiresAt: '',
  });
}

describe('GraphQL client', () => {
  it('posts JSON with the bearer token so CSRF prevention and auth both pass', async () => {
    const { fetch, calls } = fakeGraphQLFetch(() => ({ data: ME }));
    const client = createGraphQLClient({ session: signedIn(), fetch });
    await expect(client.request(MeDocument)).resolves.toEqual(ME);
    expect(calls[0]).toMatchObject({
      operation: 'Me',
      contentType: 'application/json',
      authorization: 'Bearer access-1',
    });
  });

  it('refreshes the tokens once on TOKEN_EXPIRED and retries the request with the new access token', async () => {
    const { fetch, calls } = fakeGraphQLFetch((op, vars) => {
      if (op === 'RefreshToken') return vars.refreshToken === 'refresh-1' ? renewed : expired;
      return calls.at(-1)?.authorization === 'Bearer access-2' ? { data: ME } : expired;
    });
    const session = signedIn();
    const client = createGraphQLClient({ session, fetch });

    await expect(client.request(MeDocument)).resolves.toEqual(ME);
    expect(calls.map((c) => c.operation)).toEqual(['Me', 'RefreshToken', 'Me']);
    expect(session.tokens.value?.refreshToken).toBe('refresh-2');
  });

  it('shares one refresh between requests that expire at the same time', async () => {
    const { fetch, calls } = fakeGraphQLFetch((op) => {
      if (op === 'RefreshToken') return renewed;
      return calls.at(-1)?.authorization === 'Bearer access-2' ? { data: ME } : expired;
    });
    const client = createGraphQLClient({ session: signedIn(), fetch });
    await Promise.all([client.request(MeDocument), client.request(MeDocument), client.request(MeDocument)]);
    expect(calls.filter((c) => c.operation === 'RefreshToken')).toHaveLength(1);
  });

  it('signs out when the refresh token is refused, and does not retry again', async () => {
    const { fetch, calls } = fakeGraphQLFetch(() => ({
      errors: [{ message: '请重新登录', extensions: { code: 'UNAUTHENTICATED' } }],
    }));
    const session = signedIn();
    const onSessionExpired = vi.fn();
    const client = createGraphQLClient({ session, fetch, onSessionExpired });

    await expect(client.request(MeDocument)).rejects.toBeInstanceOf(GraphQLRequestError);
    expect(calls.map((c) => c.operation)).toEqual(['Me', 'RefreshToken']);
    expect(session.tokens.value).toBeNull();
    expect(onSessionExpired).toHaveBeenCalledOnce();
  });

  it('ends the session at once, without trying a refresh, when the account was disabled (offboarded)', async () => {
    const { fetch, calls } = fakeGraphQLFetch(() => ({
      errors: [{ message: '账号已停用，请联系管理员', extensions: { code: 'ACCOUNT_DISABLED' } }],
    }));
    const session = signedIn();
    const onSessionExpired = vi.fn();
    const client = createGraphQLClient({ session, fetch, onSessionExpired });

    await expect(client.request(MeDocument)).rejects.toBeInstanceOf(GraphQLRequestError);
    expect(calls.map((c) => c.operation)).toEqual(['Me']);
    expect(session.tokens.value).toBeNull();
    expect(onSessionExpired).toHaveBeenCalledOnce();
  });

  it('passes other errors through with the server message and code, without refreshing', async () => {
    const { fetch, calls } = fakeGraphQLFetch(() => ({
      errors: [{ message: '身份证号校验位错误', extensions: { code: 'BAD_ID_NUMBER' } }],
    }));
    const client = createGraphQLClient({ session: signedIn(), fetch });
    const error = await client.request(MeDocument).catch((e: unknown) => e);
    expect(error).toMatchObject({ message: '身份证号校验位错误', code: 'BAD_ID_NUMBER' });
    expect(calls).toHaveLength(1);
  });

  it('reports a network error, not a GraphQL one, when the answer is not GraphQL', async () => {
    const fetch = vi.fn(async () => new Response('<html>502</html>', { status: 502 }));
    const client = createGraphQLClient({ session: signedIn(), fetch });
    await expect(client.request(MeDocument)).rejects.toMatchObject({ name: 'NetworkError', status: 502 });
  });
});
