export type AlarmAction = 'acknowledge' | 'close';

/** Server errors that name a field (extensions.field) are shown beside that field. */
export const DEVICE_FIELDS = ['code', 'name', 'siteId', 'passagePointId', 'driver'] as const;
export type DeviceFieldErrors = Partial<Record<(typeof DEVICE_FIELDS)[number], string>>;
