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
  | 'APPROVAL_DECIDE';

export const ACCESS_READ: readonly Permission[] = ['ACCESS_READ'];
export const ACCESS_ADMIN: readonly Permission[] = ['ACCESS_ADMIN'];
export const GRANT_MANAGE: readonly Permission[] = ['GRANT_MANAGE'];
export const ALARM_HANDLE: readonly Permission[] = ['ALARM_HANDLE'];
export const DEVICE_COMMAND: readonly Permission[] = ['DEVICE_COMMAND'];
export const KPI_READ: readonly Permission[] = ['KPI_READ'];
export const APPROVAL_REQUEST: readonly Permission[] = ['APPROVAL_REQUEST'];
export const APPROVAL_DECIDE: readonly Permission[] = ['APPROVAL_DECIDE'];

export function hasAnyPermission(held: readonly string[], wanted: readonly Permission[]): boolean {
  return wanted.some((permission) => held.includes(permission));
}
