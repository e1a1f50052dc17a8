// Tokens live in storage, not in App globalData, so a cold start straight into any page (share card,
// subpackage) still finds the session without waiting for App to initialise.

export interface Session {
  accessToken: string;
  refreshToken: string;
  /** ISO-8601, as issued by the API. */
  accessTokenExpiresAt: string;
}

export const SESSION_STORAGE_KEY = 'park.session';
/**
 * Where the visitor subpackage keeps pass codes for offline use. Named here because the codes belong
 * to the person logged in: they go with the session.
 */
export const VISIT_PASSES_STORAGE_KEY = 'park.visitPasses';

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.accessToken === 'string' &&
    typeof candidate.refreshToken === 'string' &&
    typeof candidate.accessTokenExpiresAt === 'string'
  );
}

export function readSession(): Session | null {
  // Storage survives app upgrades, so anything malformed is treated as logged out.
  const stored: unknown = wx.getStorageSync(SESSION_STORAGE_KEY);
  return isSession(stored) ? stored : null;
}

export function saveSession(session: Session): void {
  const { accessToken, refreshToken, accessTokenExpiresAt } = session;
  wx.setStorageSync<Session>(SESSION_STORAGE_KEY, { accessToken, refreshToken, accessTokenExpiresAt });
}

export function clearSession(): void {
  wx.removeStorageSync(SESSION_STORAGE_KEY);
  wx.removeStorageSync(VISIT_PASSES_STORAGE_KEY);
}

export function hasSession(): boolean {
  return readSession() !== null;
}
