import type { VisitHostsQuery } from '../../gql/graphql';

/** Server errors that name a field (extensions.field) are shown beside that field of the walk-in form. */
export const WALK_IN_FIELDS = [
  'name',
  'idNumber',
  'phone',
  'company',
  'hostId',
  'purpose',
  'validUntil',
  'areaIds',
  'plate',
  'companions',
] as const;
export type WalkInFieldErrors = Partial<Record<(typeof WALK_IN_FIELDS)[number], string>>;

export type VisitHost = VisitHostsQuery['visitHosts'][number];
