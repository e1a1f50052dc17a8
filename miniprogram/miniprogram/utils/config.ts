export const DEFAULT_API_BASE_URL = 'http://127.0.0.1:4000';

/** Name of the global a test (or a debug build) sets to point the app at another API. */
export const API_BASE_URL_GLOBAL = '__PARK_API_BASE_URL__';

type OverridableGlobal = { [API_BASE_URL_GLOBAL]?: unknown };

/**
 * Read on every call rather than once at import: the module cache outlives a single test, and each
 * test may start its own fake server.
 */
export function apiBaseUrl(): string {
  // Older base libraries may lack globalThis; the default is then the only source.
  const holder: OverridableGlobal | undefined =
    typeof globalThis === 'object' ? (globalThis as OverridableGlobal) : undefined;
  const override = holder?.[API_BASE_URL_GLOBAL];
  const base = typeof override === 'string' && override !== '' ? override : DEFAULT_API_BASE_URL;
  return base.replace(/\/+$/, '');
}

export function graphqlUrl(): string {
  return `${apiBaseUrl()}/graphql`;
}
