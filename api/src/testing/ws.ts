import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { GqlResult, TestEnvironment } from './environment.js';

/** A graphql-ws client on the environment's /graphql, authenticated like the PWA does it. */
export function wsClient(env: TestEnvironment, token?: string): Client {
  return createClient({
    url: `${env.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
}

/** Every result a subscription delivers, until `until` says enough or the server ends it. */
export function collect<T = Record<string, unknown>>(
  client: Client,
  query: string,
  variables: Record<string, unknown>,
  until: (results: GqlResult<T>[]) => boolean = () => false,
): { results: GqlResult<T>[]; finished: Promise<GqlResult<T>[]> } {
  const results: GqlResult<T>[] = [];
  const finished = new Promise<GqlResult<T>[]>((resolve, reject) => {
    const stop = client.subscribe<T>(
      { query, variables },
      {
        next: (r) => {
          results.push(r as GqlResult<T>);
          if (until(results)) {
            stop();
            resolve(results);
          }
        },
        error: (e) => (Array.isArray(e) ? resolve([...results, { errors: e }]) : reject(e)),
        complete: () => resolve(results),
      },
    );
  });
  return { results, finished };
}
