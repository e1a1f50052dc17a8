/** Server errors that name a field (extensions.field) are shown beside that field. */
export const REQUEST_FIELDS = ['areaId', 'validFrom', 'validUntil', 'reason'] as const;
export type RequestFieldErrors = Partial<Record<(typeof REQUEST_FIELDS)[number], string>>;
