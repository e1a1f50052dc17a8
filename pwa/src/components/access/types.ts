import type { GrantInput } from '../../gql/graphql';

/** Server errors that name a field (extensions.field) are shown beside that field. */
export const AREA_FIELDS = ['name', 'code', 'parentId'] as const;
export type AreaFieldErrors = Partial<Record<(typeof AREA_FIELDS)[number], string>>;

export const POINT_FIELDS = ['name', 'code', 'fromAreaId', 'toAreaId'] as const;
export type PointFieldErrors = Partial<Record<(typeof POINT_FIELDS)[number], string>>;

/** The person comes from the page; the form picks the rest. */
export type GrantFormInput = Omit<GrantInput, 'personId'>;
