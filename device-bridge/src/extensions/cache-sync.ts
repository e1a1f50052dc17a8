import { errorMessage } from '../logger.js';
import type { Extension, ExtensionContext } from './extension.js';

// A source that hangs (an API half up) must not hold the bridge's start: the disk cache serves meanwhile.
const FIRST_FETCH_WAIT_MS = 5_000;

/**
 * Pulls fresh gate caches from the configured source (a file today, the API next) and hands them to
 * the store, which swaps and persists them. Without a source the bridge decides from its disk cache.
 */
export function cacheSyncExtension(context: ExtensionContext): Extension {
  const { gate, config, bus } = context;
  const log = context.logger.child({ component: 'cache-sync' });
  const source = gate.cacheSource;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const refresh = async (): Promise<void> => {
    if (!source) return;
    try {
      const cache = await source.fetch();
      const current = gate.cache.snapshot()?.cache;
      if (current?.cursor === cache.cursor && current.generatedAt === cache.generatedAt) return;
      await gate.cache.replace(cache);
      bus.emit('gate.cache', { cursor: cache.cursor, generatedAt: cache.generatedAt, source: source.name });
      const points = gate.cache.index()!.points;
      for (const device of config.devices) {
        if (!points.has(device.passagePointId)) {
          log.warn(
            { deviceId: device.id, passagePointId: device.passagePointId },
            'device guards a passage point the cache does not know: it refuses every scan',
          );
        }
      }
    } catch (error) {
      log.error(
        { source: source.name, err: errorMessage(error) },
        'gate cache refresh failed; keeping the current one',
      );
    }
  };

  const loop = (): void => {
    if (stopped) return;
    timer = setTimeout(() => void refresh().finally(loop), config.gate.cacheRefreshMs).unref();
  };

  return {
    name: 'cache-sync',
    async start(): Promise<void> {
      if (!source) return;
      let waited: NodeJS.Timeout | undefined;
      await Promise.race([
        refresh(),
        new Promise((resolve) => (waited = setTimeout(resolve, FIRST_FETCH_WAIT_MS))),
      ]);
      clearTimeout(waited);
      loop();
    },
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
