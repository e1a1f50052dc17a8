import { errorMessage, type Logger } from '../logger.js';

/** The API answered with a GraphQL error (refused, not unreachable). */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

export interface ApiCredentials {
  /** A bridge account (role DEVICE): logs in, and again before the access token expires. */
  username?: string;
  password?: string;
  /** Or a token handed over as is (tests, short-lived tools); never refreshed. */
  token?: string;
}

interface LoginPayload {
  login: { accessToken: string; accessTokenExpiresAt: string };
}

// Log in again this long before the token expires: a request in flight must not carry a dead token.
const RENEW_BEFORE_MS = 60_000;

/**
 * GraphQL over HTTP to the API as the site's bridge account. Each request has a timeout, so a half-dead
 * API cannot hold an upload or an acknowledgement for ever.
 */
export class ApiClient {
  readonly graphqlUrl: string;
  readonly wsUrl: string;
  private current: { token: string; renewAt: number } | undefined;
  private loggingIn: Promise<string> | undefined;
  private readonly log: Logger;

  constructor(
    apiUrl: string,
    private readonly credentials: ApiCredentials,
    logger: Logger,
    private readonly timeoutMs = 10_000,
  ) {
    this.graphqlUrl = `${apiUrl}/graphql`;
    this.wsUrl = this.graphqlUrl.replace(/^http/, 'ws');
    this.log = logger.child({ component: 'api-client' });
  }

  /** A valid access token, logging in when there is none or it is about to expire. */
  async token(): Promise<string> {
    if (this.credentials.token) return this.credentials.token;
    if (this.current && Date.now() < this.current.renewAt) return this.current.token;
    this.loggingIn ??= this.login().finally(() => {
      this.loggingIn = undefined;
    });
    return this.loggingIn;
  }

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    try {
      return await this.post<T>(query, variables, await this.token());
    } catch (error) {
      // The account's token was revoked or its key retired: one fresh login, then give up.
      if (!(error instanceof ApiError) || error.code !== 'UNAUTHENTICATED' || this.credentials.token)
        throw error;
      this.current = undefined;
      return this.post<T>(query, variables, await this.token());
    }
  }

  private async login(): Promise<string> {
    const { username, password } = this.credentials;
    if (!username || !password) throw new ApiError('NO_CREDENTIALS', 'bridge has no API account configured');
    const data = await this.post<LoginPayload>(
      'mutation($u:String!,$p:String!){login(username:$u,password:$p){accessToken accessTokenExpiresAt}}',
      { u: username, p: password },
    );
    const expiresAt = Date.parse(data.login.accessTokenExpiresAt);
    this.current = {
      token: data.login.accessToken,
      renewAt: Math.max(Date.now() + 5_000, expiresAt - RENEW_BEFORE_MS),
    };
    this.log.info({ username, expiresAt: data.login.accessTokenExpiresAt }, 'logged in to the API');
    return this.current.token;
  }

  private async post<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
    const response = await fetch(this.graphqlUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
    try {
      body = (await response.json()) as typeof body;
    } catch (error) {
      throw new Error(`API answered ${response.status} without JSON: ${errorMessage(error)}`);
    }
    const first = body.errors?.[0];
    if (first) throw new ApiError(first.extensions?.code, first.message);
    if (!body.data) throw new Error(`API answered ${response.status} without data`);
    return body.data;
  }
}
