import type { SentRequest } from './fake-wx';

export const TEST_API_BASE_URL = 'http://park.test:4100';

/** Points the app at TEST_API_BASE_URL through the override global that utils/config reads. */
export function useTestApi(): () => void {
  const holder = globalThis as { __PARK_API_BASE_URL__?: string };
  holder.__PARK_API_BASE_URL__ = TEST_API_BASE_URL;
  return () => {
    delete holder.__PARK_API_BASE_URL__;
  };
}

export function graphqlError(code: string, message: string): { body: unknown } {
  return { body: { data: null, errors: [{ message, extensions: { code } }] } };
}

export function authPayload(overrides: { accessToken?: string; refreshToken?: string } = {}) {
  return {
    accessToken: overrides.accessToken ?? 'access-1',
    refreshToken: overrides.refreshToken ?? 'refresh-1',
    accessTokenExpiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    me: { username: 'wx_visitor_01', roles: ['VISITOR'], person: { id: 'p-1', name: '李访客' } },
  };
}

/** The operation name of a sent document, so a fake server can answer per operation. */
export function operationName(request: SentRequest): string | undefined {
  return /(?:query|mutation)\s+(\w+)/.exec(request.query)?.[1];
}
