export interface GraphQLErrorPayload {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

/** The server answered with errors; `message` is the first error's (Chinese) message, fit to show. */
export class GraphQLRequestError extends Error {
  readonly code: string | undefined;
  /** The input field the server blamed (extensions.field), so a form can show the message beside it. */
  readonly field: string | undefined;
  readonly errors: GraphQLErrorPayload[];

  constructor(errors: GraphQLErrorPayload[]) {
    super(errors[0]?.message ?? 'GraphQL error');
    this.name = 'GraphQLRequestError';
    this.errors = errors;
    this.code = errors[0]?.extensions?.code;
    const field = errors[0]?.extensions?.field;
    this.field = typeof field === 'string' ? field : undefined;
  }
}

/** The request never got a GraphQL answer (offline, proxy error, HTML error page). */
export class NetworkError extends Error {
  readonly status: number | undefined;

  constructor(message: string, status?: number) {
    super(message);
    this.name = 'NetworkError';
    this.status = status;
  }
}

/** The access token no longer works, but a refresh may bring a fresh one. */
export const AUTH_ERROR_CODES: ReadonlySet<string> = new Set([
  'TOKEN_EXPIRED',
  'TOKEN_INVALID',
  'UNAUTHENTICATED',
]);
/** The account itself is gone (offboarded, disabled): no refresh can help, the session ends now. */
export const SESSION_ENDED_CODES: ReadonlySet<string> = new Set(['ACCOUNT_DISABLED', 'REFRESH_REUSED']);

export function isSessionEnded(errors: GraphQLErrorPayload[] | undefined): boolean {
  return !!errors?.some((e) => SESSION_ENDED_CODES.has(e.extensions?.code ?? ''));
}

export function isAuthError(errors: GraphQLErrorPayload[] | undefined): boolean {
  return !!errors?.some((e) => AUTH_ERROR_CODES.has(e.extensions?.code ?? ''));
}
