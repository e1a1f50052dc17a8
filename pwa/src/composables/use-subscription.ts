import { type Client, createClient } from 'graphql-ws';
import { getCurrentScope, onScopeDispose } from 'vue';
import type { TypedDocumentString } from '../gql/graphql';
import { useGraphQL, useSession } from './use-graphql';

export interface SubscriptionHandlers<TResult> {
  next(data: TResult): void;
  error?(error: unknown): void;
}

export interface SubscriptionHandle {
  /** Settles once the socket is up (or after a short wait), so a following mutation's events are seen. */
  ready: Promise<void>;
  stop(): void;
}

const READY_TIMEOUT_MS = 2000;
// graphql-ws never acknowledges a subscribe message, so allow it a moment to reach the server.
const SUBSCRIBE_SETTLE_MS = 100;
const EXPIRY_MARGIN_MS = 30_000;

let wsClient: Client | null = null;
let connected = false;
const connectedWaiters = new Set<() => void>();

function socketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/graphql`;
}

function subscriptionClient(): Client {
  if (wsClient) return wsClient;
  const session = useSession();
  const graphql = useGraphQL();
  wsClient = createClient({
    url: socketUrl(),
    lazy: true,
    retryAttempts: 5,
    // Called on every (re)connect, so a socket opened after a refresh carries the new token.
    connectionParams: async () => {
      const expiresAt = Date.parse(session.tokens.value?.accessTokenExpiresAt ?? '');
      if (expiresAt && expiresAt - Date.now() < EXPIRY_MARGIN_MS) await graphql.refresh().catch(() => false);
      const token = session.tokens.value?.accessToken;
      return token ? { authorization: `Bearer ${token}` } : {};
    },
  });
  wsClient.on('connected', () => {
    connected = true;
    for (const resolve of connectedWaiters) resolve();
    connectedWaiters.clear();
  });
  wsClient.on('closed', () => {
    connected = false;
  });
  return wsClient;
}

function whenConnected(): Promise<void> {
  if (connected) return new Promise((resolve) => setTimeout(resolve, SUBSCRIBE_SETTLE_MS));
  return new Promise((resolve) => {
    const done = (): void => {
      connectedWaiters.delete(done);
      setTimeout(resolve, SUBSCRIBE_SETTLE_MS);
    };
    connectedWaiters.add(done);
    setTimeout(done, READY_TIMEOUT_MS);
  });
}

export function subscribe<TResult, TVariables extends Record<string, unknown>>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  handlers: SubscriptionHandlers<TResult>,
): SubscriptionHandle {
  const stop = subscriptionClient().subscribe<TResult>(
    { query: document.toString(), variables },
    {
      next: (message) => {
        if (message.data) handlers.next(message.data);
        else if (message.errors) handlers.error?.(message.errors);
      },
      error: (error) => handlers.error?.(error),
      complete: () => undefined,
    },
  );
  return { ready: whenConnected(), stop };
}

/** Subscriptions started through this composable end with the component that started them. */
export function useSubscription(): { subscribe: typeof subscribe } {
  const active = new Set<SubscriptionHandle>();
  if (getCurrentScope()) {
    onScopeDispose(() => {
      for (const handle of active) handle.stop();
    });
  }
  return {
    subscribe: (document, variables, handlers) => {
      const handle = subscribe(document, variables, handlers);
      active.add(handle);
      return handle;
    },
  };
}
