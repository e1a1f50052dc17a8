import {
  LogoutDocument,
  RefreshTokenDocument,
  type SessionPersonFragment,
  type SessionTokensFragment,
  type TypedDocumentString,
  WechatLoginDocument,
} from '../gql/graphql';
import { AppError, ClientErrorCode } from './errors';
import { request } from './graphql';
import { clearSession, readSession, type Session, saveSession } from './session';
import { wechatLoginCode } from './wechat';

export type SessionPerson = SessionPersonFragment;

/**
 * Server codes after which only a fresh login helps. TOKEN_EXPIRED is here because a page only sees
 * it once requestWithSession's refresh has failed too.
 */
const SESSION_LOST_CODES: readonly string[] = [
  'UNAUTHENTICATED',
  'TOKEN_INVALID',
  'TOKEN_EXPIRED',
  'REFRESH_REUSED',
];

/** Refresh a little early so a request does not leave with a token that expires in flight. */
const EXPIRY_MARGIN_MS = 60_000;

function store(payload: SessionTokensFragment): SessionPerson {
  saveSession(payload);
  return payload.me;
}

/** wx.login → wechatLogin(code) → tokens stored. Resolves the person the API knows us as. */
export async function login(): Promise<SessionPerson> {
  const code = await wechatLoginCode();
  const { wechatLogin } = await request(WechatLoginDocument, { code }, { anonymous: true });
  return store(wechatLogin);
}

let refreshing: Promise<Session> | null = null;

/**
 * Refresh tokens rotate and the API treats a second use as theft (REFRESH_REUSED), so concurrent
 * callers share one in-flight refresh instead of each spending the same token.
 */
export function refresh(): Promise<Session> {
  if (!refreshing) {
    refreshing = refreshOnce().finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

async function refreshOnce(): Promise<Session> {
  const current = readSession();
  if (!current) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录');
  try {
    const { refreshToken } = await request(
      RefreshTokenDocument,
      { refreshToken: current.refreshToken },
      { anonymous: true },
    );
    store(refreshToken);
    return refreshToken;
  } catch (error) {
    // A network blip keeps the session for the next try; anything the server refused ends it.
    if (!(error instanceof AppError && error.code === ClientErrorCode.Network)) clearSession();
    throw error;
  }
}

function expiresSoon(session: Session): boolean {
  const expiresAt = Date.parse(session.accessTokenExpiresAt);
  return Number.isFinite(expiresAt) && expiresAt - Date.now() < EXPIRY_MARGIN_MS;
}

/**
 * A request on behalf of the logged-in person. Refreshes ahead of expiry, and once more on
 * TOKEN_EXPIRED because the phone's clock is not to be trusted.
 */
export async function requestWithSession<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  const session = readSession();
  if (!session) throw new AppError('UNAUTHENTICATED', '请先登录');
  if (expiresSoon(session)) await refresh();
  try {
    return await request(document, variables);
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'TOKEN_EXPIRED')) throw error;
    await refresh();
    return request(document, variables);
  }
}

export function isSessionLost(error: unknown): boolean {
  return error instanceof AppError && SESSION_LOST_CODES.includes(error.code);
}

/** Revokes the refresh token when the network allows; the local session ends either way. */
export async function logout(): Promise<void> {
  const session = readSession();
  if (!session) return;
  try {
    await request(LogoutDocument, { refreshToken: session.refreshToken });
  } catch {
    // The refresh token expires on its own; a failed revoke must not keep the user logged in here.
  } finally {
    clearSession();
  }
}
