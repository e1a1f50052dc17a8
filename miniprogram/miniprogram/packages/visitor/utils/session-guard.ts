import { isSessionLost } from '../../../utils/auth';
import { Routes } from '../../../utils/routes';
import { clearSession, hasSession } from '../../../utils/session';

/** Sends someone without a session to the login page; true when the page may go on. */
export function requireSession(): boolean {
  if (hasSession()) return true;
  wx.reLaunch({ url: Routes.login });
  return false;
}

/** After a failed request: true (and on the way to login) when only a fresh login can help. */
export function leaveIfSessionLost(error: unknown): boolean {
  if (!isSessionLost(error)) return false;
  clearSession();
  wx.reLaunch({ url: Routes.login });
  return true;
}
