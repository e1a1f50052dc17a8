import { applyGatePatch, patchFits } from '@park/core';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { DEVICE_SYNC, type SyncMessage } from '../api/sync-types.js';
import { errorMessage } from '../logger.js';
import type { Extension, ExtensionContext } from './extension.js';

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 30_000;

/**
 * The bridge's live link to the API: one graphql-ws subscription to `deviceSync` from the cache's
 * cursor. A snapshot replaces the cache, a patch is applied when it fits (a stale one is dropped, one
 * that would skip changes resubscribes from the cursor), and commands go to the bus. The bridge counts
 * as online while this stream is up; after any break it resubscribes from its current cursor.
 */
export function apiSyncExtension(context: ExtensionContext): Extension {
  const { api, gate, bus, config } = context;
  const log = context.logger.child({ component: 'api-sync' });
  let client: Client | undefined;
  let unsubscribe: (() => void) | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let failures = 0;
  let stopped = false;
  let generation = 0;
  let applying: Promise<void> = Promise.resolve();

  const setOnline = (online: boolean, why: string): void => {
    if (gate.link.online === online) return;
    gate.link.online = online;
    if (online) log.info('sync stream up: deciding online');
    else log.warn({ why }, 'sync stream down: deciding offline from the local cache');
    bus.emit('api.reachability', { reachable: online, status: undefined, error: online ? undefined : why });
  };

  const apply = async (message: SyncMessage, mine: number): Promise<void> => {
    if (message.snapshot) {
      await gate.cache.replace(message.snapshot);
      bus.emit('gate.cache', {
        cursor: message.snapshot.cursor,
        generatedAt: message.snapshot.generatedAt,
        source: 'api:snapshot',
      });
    } else if (message.patch) {
      const current = gate.cache.snapshot()?.cache;
      const fit = current ? patchFits(current.cursor, message.patch) : 'gap';
      if (fit === 'gap') {
        log.warn(
          { cursor: current?.cursor, from: message.patch.fromCursor },
          'patch does not fit: resubscribing',
        );
        if (mine === generation) resubscribe(0);
        return;
      }
      if (fit === 'applied' && current) {
        await gate.cache.replace(applyGatePatch(current, message.patch));
        bus.emit('gate.cache', {
          cursor: message.patch.cursor,
          generatedAt: message.patch.generatedAt,
          source: 'api:patch',
        });
      }
    }
    for (const command of message.commands) bus.emit('api.command', command);
  };

  const subscribe = (fromScratch = false): void => {
    if (stopped || !api) return;
    const mine = ++generation;
    const cursor = fromScratch ? null : (gate.cache.snapshot()?.cache.cursor ?? null);
    client = createClient({
      url: api.wsUrl,
      webSocketImpl: WebSocket,
      lazy: false,
      // Reconnects are ours: each one must resubscribe from the cursor reached by then.
      retryAttempts: 0,
      // Connection failures reach the subscription's error sink, which logs and retries.
      onNonLazyError: () => undefined,
      keepAlive: 10_000,
      connectionParams: async () => ({ authorization: `Bearer ${await api.token()}` }),
      on: { closed: () => mine === generation && setOnline(false, 'connection closed') },
    });
    unsubscribe = client.subscribe<SyncMessage>(
      { query: DEVICE_SYNC, variables: { site: config.siteId, cursor } },
      {
        next: (result) => {
          const message = (result.data as { deviceSync?: SyncMessage } | undefined)?.deviceSync;
          if (!message) {
            log.error({ errors: result.errors }, 'sync stream refused');
            return;
          }
          failures = 0;
          setOnline(true, '');
          // One at a time, in order: a patch must see the cache the previous message left.
          applying = applying
            .then(() => apply(message, mine))
            .catch((error: unknown) =>
              log.error({ err: errorMessage(error) }, 'applying a sync message failed'),
            );
        },
        error: (error) => {
          if (mine !== generation) return;
          setOnline(false, errorMessage(error));
          resubscribe();
        },
        complete: () => {
          if (mine !== generation || stopped) return;
          setOnline(false, 'stream completed');
          resubscribe();
        },
      },
    );
  };

  function resubscribe(delayMs?: number, fromScratch = false): void {
    generation++;
    unsubscribe?.();
    void client?.dispose();
    clearTimeout(retryTimer);
    if (stopped) return;
    const wait = delayMs ?? Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** Math.min(failures++, 6));
    retryTimer = setTimeout(() => subscribe(fromScratch), wait);
  }

  let offResync: (() => void) | undefined;
  return {
    name: 'api-sync',
    async start(): Promise<void> {
      if (!api) return;
      offResync = bus.on('api.resync', () => resubscribe(0, true));
      subscribe();
    },
    async stop(): Promise<void> {
      stopped = true;
      offResync?.();
      clearTimeout(retryTimer);
      unsubscribe?.();
      await client?.dispose();
      await applying;
    },
  };
}
