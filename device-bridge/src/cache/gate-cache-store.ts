import { join } from 'node:path';
import type { GateCache, GateIndex } from '@park/core';
import { readJsonFile, writeFileAtomic } from '../atomic-file.js';
import { errorMessage, type Logger } from '../logger.js';
import { buildSnapshot, type CacheSnapshot } from './snapshot.js';

export const GATE_CACHE_FILE = 'gate-cache.json';

/**
 * The gate cache this bridge decides from, in memory and on disk (`${DATA_DIR}/gate-cache.json`), so a
 * bridge restarted while the API is down still decides. A new cache replaces the old one as a whole:
 * in memory by swapping one reference (a scan sees the old or the new cache, never a mix), on disk by
 * an atomic rename.
 */
export class GateCacheStore {
  readonly file: string;
  private current: CacheSnapshot | undefined;
  private persisted: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<(snapshot: CacheSnapshot) => void>();
  private readonly log: Logger;

  constructor(dataDir: string, logger: Logger) {
    this.file = join(dataDir, GATE_CACHE_FILE);
    this.log = logger.child({ component: 'gate-cache' });
  }

  /** Loads the cache left on disk. False when there is none or it is unusable: the bridge then denies. */
  async load(): Promise<boolean> {
    try {
      const value = await readJsonFile(this.file);
      if (value === undefined) {
        this.log.warn({ file: this.file }, 'no gate cache on disk: every scan is refused until one arrives');
        return false;
      }
      this.swap(buildSnapshot(value));
      this.log.info(this.describe(), 'gate cache loaded from disk');
      return true;
    } catch (error) {
      this.log.error({ file: this.file, err: errorMessage(error) }, 'gate cache on disk is unusable');
      return false;
    }
  }

  index(): GateIndex | undefined {
    return this.current?.index;
  }

  snapshot(): CacheSnapshot | undefined {
    return this.current;
  }

  /** Called after every swap, with the new snapshot. */
  onChange(listener: (snapshot: CacheSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Validates, swaps, then persists. Memory goes first on purpose: a revoked grant or a lost card
   * must take effect at the gate even if the disk is full; the write error still reaches the caller.
   */
  async replace(cache: GateCache): Promise<void> {
    const snapshot = buildSnapshot(cache);
    this.swap(snapshot);
    this.log.info(this.describe(), 'gate cache replaced');
    // Serialised: two quick replacements must reach the disk in order, the newest last.
    const write = this.persisted.then(() => writeFileAtomic(this.file, JSON.stringify(cache)));
    this.persisted = write.catch(() => undefined);
    await write;
  }

  private swap(snapshot: CacheSnapshot): void {
    this.current = snapshot;
    for (const listener of this.listeners) {
      try {
        listener(snapshot);
      } catch (error) {
        // The swap has happened; one listener's bug must not leave the others on the old cache.
        this.log.error({ err: errorMessage(error) }, 'gate cache listener failed');
      }
    }
  }

  private describe(): Record<string, unknown> {
    const cache = this.current?.cache;
    return {
      cursor: cache?.cursor,
      generatedAt: cache ? new Date(cache.generatedAt).toISOString() : undefined,
      people: cache?.people.length,
      cards: cache?.cards.length,
      points: cache?.points.length,
    };
  }
}
