/**
 * The API's permission names the PWA shows or hides things by. Display only: the server checks every
 * request itself, so a stale cached "me" can at worst show a page whose calls are refused.
 */
export type Permission =
  | 'ACCESS_READ'
  | 'ACCESS_ADMIN'
  | 'GRANT_MANAGE'
  | 'ALARM_HANDLE'
  | 'DEVICE_COMMAND'
  | 'KPI_READ'
  | 'APPROVAL_REQUEST'
  | 'APPROVAL_DECIDE'
  | 'VISIT_READ'
  | 'VISIT_DESK'
  | 'WATCHLIST_MANAGE';

export const ACCESS_READ: readonly Permission[] = ['ACCESS_READ'];
export const ACCESS_ADMIN: readonly Permission[] = ['ACCESS_ADMIN'];
export const GRANT_MANAGE: readonly Permission[] = ['GRANT_MANAGE'];
export const ALARM_HANDLE: readonly Permission[] = ['ALARM_HANDLE'];
export const DEVICE_COMMAND: readonly Permission[] = ['DEVICE_COMMAND'];
export const KPI_READ: readonly Permission[] = ['KPI_READ'];
export const APPROVAL_REQUEST: readonly Permission[] = ['APPROVAL_REQUEST'];
export const APPROVAL_DECIDE: readonly Permission[] = ['APPROVAL_DECIDE'];
/** The visitor desk at the gate (保卫部): today's visits, walk-ins, check-out, every visit's trail. */
export const VISIT_DESK: readonly Permission[] = ['VISIT_DESK'];
/** Who may keep the watchlist (黑名单). */
export const WATCHLIST_MANAGE: readonly Permission[] = ['WATCHLIST_MANAGE'];
/** One visit and its trail: the desk, or the visit's host (any member of staff; the server checks which). */
export const VISIT_READ: readonly Permission[] = ['VISIT_READ', 'VISIT_DESK'];
/** 保卫部 as the server counts them for visits: the desk, or whoever watches the doors; may change any visit. */
export const VISIT_ALL: readonly Permission[] = ['VISIT_DESK', 'ACCESS_READ'];

export function hasAnyPermission(held: readonly string[], wanted: readonly Permission[]): boolean {
  return wanted.some((permission) => held.includes(permission));
}
