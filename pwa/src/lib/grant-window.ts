import type { GrantFieldsFragment } from '../gql/graphql';

export type GrantStatus = 'ACTIVE' | 'PENDING' | 'EXPIRED' | 'REVOKED';
export type WindowProblem = 'grant.untilBeforeFrom' | 'grant.untilPast' | 'grant.dateInvalid';

/** `<input type="datetime-local">` gives local wall-clock time ("2025-05-01T08:00"); the API wants an instant. */
export function localInputToIso(value: string): string | null {
  if (!value.trim()) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function isoToLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * The server refuses a window that ends before it starts or has already ended (BAD_WINDOW); saying so
 * beside the field saves a round trip. Either end may be open.
 */
export function windowProblem(from: string, until: string, now = Date.now()): WindowProblem | null {
  const start = from.trim() ? Date.parse(localInputToIso(from) ?? '') : null;
  const end = until.trim() ? Date.parse(localInputToIso(until) ?? '') : null;
  if (Number.isNaN(start) || Number.isNaN(end)) return 'grant.dateInvalid';
  if (end === null) return null;
  if (start !== null && end <= start) return 'grant.untilBeforeFrom';
  if (end <= now) return 'grant.untilPast';
  return null;
}

export function grantStatus(
  grant: Pick<GrantFieldsFragment, 'revokedAt' | 'validFrom' | 'validUntil'>,
  now = Date.now(),
): GrantStatus {
  if (grant.revokedAt) return 'REVOKED';
  if (grant.validFrom && Date.parse(grant.validFrom) > now) return 'PENDING';
  if (grant.validUntil && Date.parse(grant.validUntil) <= now) return 'EXPIRED';
  return 'ACTIVE';
}
