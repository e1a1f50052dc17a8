import type { TagType } from 'vant';
import type { VisitFieldsFragment, VisitStatus } from '../gql/graphql';

/** The order the desk reads them in: what needs a decision, who may come, who is inside, who is done. */
export const VISIT_STATUSES: readonly VisitStatus[] = [
  'PENDING',
  'APPROVED',
  'CHECKED_IN',
  'CHECKED_OUT',
  'REJECTED',
  'CANCELLED',
  'EXPIRED',
];

export const VISIT_STATUS_TAG: Record<VisitStatus, TagType> = {
  PENDING: 'warning',
  APPROVED: 'success',
  CHECKED_IN: 'primary',
  CHECKED_OUT: 'default',
  REJECTED: 'danger',
  CANCELLED: 'default',
  EXPIRED: 'default',
};

export function visitCounts(
  visits: readonly Pick<VisitFieldsFragment, 'status'>[],
): Record<VisitStatus, number> {
  const counts = Object.fromEntries(VISIT_STATUSES.map((status) => [status, 0])) as Record<
    VisitStatus,
    number
  >;
  for (const visit of visits) counts[visit.status] += 1;
  return counts;
}

/** Still before the gate: a visit that may yet be called off. */
export function isCancellable(status: VisitStatus): boolean {
  return status === 'PENDING' || status === 'APPROVED';
}

const ESCORT_STATUSES: readonly VisitStatus[] = ['PENDING', 'APPROVED', 'CHECKED_IN'];

/** Escorts may be named before approval and while the pass works, never once the window is over. */
export function mayAssignEscorts(
  visit: Pick<VisitFieldsFragment, 'status' | 'validUntil'>,
  now = Date.now(),
): boolean {
  return ESCORT_STATUSES.includes(visit.status) && Date.parse(visit.validUntil) > now;
}

/** The line under the status: who the desk is waiting for, or what the guard should do. */
export function visitStatusHintKey(
  visit: Pick<VisitFieldsFragment, 'status' | 'areas'>,
): `visitStatusHint.${VisitStatus | 'PENDING_SECURITY'}` {
  if (visit.status === 'PENDING' && visit.areas.some((area) => area.needsSecurity)) {
    return 'visitStatusHint.PENDING_SECURITY';
  }
  return `visitStatusHint.${visit.status}`;
}

/** What visitsToday lists: a window that touches today (local), or someone still inside from before. */
export function belongsToday(
  visit: Pick<VisitFieldsFragment, 'status' | 'validFrom' | 'validUntil'>,
  now = new Date(),
): boolean {
  if (visit.status === 'CHECKED_IN') return true;
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime();
  return Date.parse(visit.validFrom) < end && Date.parse(visit.validUntil) > start;
}

/** A host's list order (hostedVisits): soonest window first. */
export function bySoonest<T extends { validFrom: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => Date.parse(a.validFrom) - Date.parse(b.validFrom));
}

/** Newest state wins; a visit the list has not seen goes on top. */
export function mergeVisit<T extends { id: string }>(list: readonly T[], visit: T): T[] {
  return list.some((item) => item.id === visit.id)
    ? list.map((item) => (item.id === visit.id ? visit : item))
    : [visit, ...list];
}
