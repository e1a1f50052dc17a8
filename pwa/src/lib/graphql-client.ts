import { RefreshTokenDocument, type TypedDocumentString } from '../gql/graphql';
import {
  type GraphQLErrorPayload,
  GraphQLRequestError,
  isAuthError,
  isSessionEnded,
  NetworkError,
} from './graphql-errors';
import type { SessionStore } from './session-store';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Operations without required variables may omit them; the rest must pass them. */
export type VariablesArg<TVariables> =
  Record<string, never> extends TVariables ? [variables?: TVariables] : [variables: TVariables];

export interface GraphQLClient {
  request<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    ...args: VariablesArg<TVariables>
  ): Promise<TResult>;
  /** Exchanges the refresh token for a new pair; false when the session is gone. */
  refresh(): Promise<boolean>;
}

export interface GraphQLClientOptions {
  session: SessionStore;
  endpoint?: string;
  fetch?: FetchLike;
  /** Called after the session was cleared because it could not be renewed. */
  onSessionExpired?: () => void;
}

interface GraphQLResponse<TResult> {
  data?: TResult | null;
  errors?: GraphQLErrorPayload[];
}

export function createGraphQLClient(options: GraphQLClientOptions): GraphQLClient {
  const { session } = options;
  const endpoint = options.endpoint ?? '/graphql';
  // Resolved per call so tests (and polyfills) can replace the global after the client exists.
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  let refreshing: Promise<boolean> | null = null;

  async function send<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    variables: TVariables | undefined,
    accessToken: string | null,
  ): Promise<GraphQLResponse<TResult>> {
    // content-type: application/json is also what gets us past the server's CSRF prevention.
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json;q=0.9',
    };
    if (accessToken) headers.authorization = `Bearer ${accessToken}`;
    let response: Response;
    try {
      response = await doFetch(endpoint, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
      });
    } catch (error) {
      throw new NetworkError(error instanceof Error ? error.message : String(error));
    }
    let body: GraphQLResponse<TResult> | null = null;
    try {
      body = (await response.json()) as GraphQLResponse<TResult>;
    } catch {
      body = null;
    }
    if (!body || (body.data == null && !body.errors?.length)) {
      throw new NetworkError(`HTTP ${response.status}`, response.status);
    }
    return body;
  }

  async function renew(): Promise<boolean> {
    const refreshToken = session.tokens.value?.refreshToken;
    if (!refreshToken) return false;
    // Network failures propagate: being offline is no reason to sign the user out.
    const body = await send(RefreshTokenDocument, { refreshToken }, null);
    if (body.errors?.length || !body.data) return false;
    session.set(body.data.refreshToken);
    return true;
  }

  function refresh(): Promise<boolean> {
    // Refresh tokens rotate, so concurrent refreshes would look like token reuse to the server.
    refreshing ??= renew().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  function expire(): void {
    session.clear();
    options.onSessionExpired?.();
  }

  async function request<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    ...[variables]: VariablesArg<TVariables>
  ): Promise<TResult> {
    const used = session.tokens.value?.accessToken ?? null;
    let body = await send(document, variables, used);
    if (used && isSessionEnded(body.errors)) {
      expire();
      throw new GraphQLRequestError(body.errors ?? []);
    }
    if (used && isAuthError(body.errors)) {
      const current = session.tokens.value?.accessToken;
      // Another request or tab may have renewed the pair while this one was in flight.
      const renewed = (current && current !== used) || (await refresh());
      if (!renewed) {
        expire();
        throw new GraphQLRequestError(body.errors ?? []);
      }
      body = await send(document, variables, session.tokens.value?.accessToken ?? null);
      if (isAuthError(body.errors)) expire();
    }
    if (body.errors?.length) throw new GraphQLRequestError(body.errors);
    return body.data as TResult;
  }

  return { request, refresh };
}
