import { readFile } from 'node:fs/promises';
import type { GateCache } from '@park/core';

/**
 * Where fresh gate caches come from. The API's `gateSnapshot` (with the graphql-ws sync stream for
 * changes) implements this next; a file exported from the API, or written by a test, works today.
 * The store validates whatever a source returns, so a source only fetches.
 */
export interface CacheSource {
  /** For logs: where the cache came from. */
  readonly name: string;
  fetch(): Promise<GateCache>;
}

/** Reads a gate cache someone exported to a file (GATE_CACHE_FILE). */
export class FileCacheSource implements CacheSource {
  readonly name: string;

  constructor(private readonly path: string) {
    this.name = `file:${path}`;
  }

  async fetch(): Promise<GateCache> {
    return JSON.parse(await readFile(this.path, 'utf8')) as GateCache;
  }
}
