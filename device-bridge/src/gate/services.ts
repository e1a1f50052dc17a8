import { ReplayWindow } from '@park/core';
import type { ApiLink } from '../api/link.js';
import type { CacheSource } from '../cache/cache-source.js';
import { FileCacheSource } from '../cache/cache-source.js';
import { GateCacheStore } from '../cache/gate-cache-store.js';
import type { BridgeConfig } from '../config.js';
import { Journal } from '../journal/journal.js';
import { type EventUploader, noopUploader } from '../journal/uploader.js';
import type { Logger } from '../logger.js';
import type { GateState } from './gate-state.js';
import { GateStateFile } from './gate-state-file.js';
import { LatencyRecorder } from './latency.js';

/** What the gate extensions share: one cache, one state, one journal, one replay window per site. */
export interface GateServices {
  readonly cache: GateCacheStore;
  readonly state: GateState;
  readonly journal: Journal;
  readonly link: ApiLink;
  readonly latency: LatencyRecorder;
  /** Every lane's pass verifier checks and records here, so a code used at lane 1 is refused at lane 2. */
  readonly replayWindow: ReplayWindow;
  readonly cacheSource: CacheSource | undefined;
  readonly uploader: EventUploader;
}

export interface GateServiceOptions {
  /** Overrides GATE_CACHE_FILE (tests; the API source next). */
  cacheSource?: CacheSource;
  /** The API client next; accepts nothing until then. */
  uploader?: EventUploader;
}

/**
 * Opens everything on disk before any device is heard: a bridge restarted without the API decides
 * from the cache, state and journal it left behind.
 */
export async function openGateServices(
  config: BridgeConfig,
  options: GateServiceOptions,
  logger: Logger,
): Promise<{ services: GateServices; close(): Promise<void> }> {
  const stateFile = new GateStateFile(config.dataDir, logger);
  const state = await stateFile.load();
  const cache = new GateCacheStore(config.dataDir, logger);
  cache.onChange((snapshot) => state.useSite(snapshot.index.site.areas, snapshot.index.points));
  await cache.load();
  const journal = await Journal.open(config.dataDir, logger);
  const services: GateServices = {
    cache,
    state,
    journal,
    link: { online: false },
    latency: new LatencyRecorder(),
    replayWindow: new ReplayWindow(),
    cacheSource:
      options.cacheSource ?? (config.gate.cacheFile ? new FileCacheSource(config.gate.cacheFile) : undefined),
    uploader: options.uploader ?? noopUploader,
  };
  return {
    services,
    async close(): Promise<void> {
      await stateFile.flush(state);
      await journal.close();
    },
  };
}
