import type { RequestContext } from './context.js';

/** Collects keys asked for in one tick and fetches them in one query (the N+1 cure, per request). */
export class BatchLoader<K, V> {
  private pending = new Map<K, { resolve: (v: V | undefined) => void; reject: (e: unknown) => void }[]>();
  private cache = new Map<K, Promise<V | undefined>>();

  constructor(private readonly fetch: (keys: K[]) => Promise<Map<K, V>>) {}

  load(key: K): Promise<V | undefined> {
    const hit = this.cache.get(key);
    if (hit) return hit;
    const p = new Promise<V | undefined>((resolve, reject) => {
      if (this.pending.size === 0) queueMicrotask(() => void this.flush());
      const waiters = this.pending.get(key) ?? [];
      waiters.push({ resolve, reject });
      this.pending.set(key, waiters);
    });
    this.cache.set(key, p);
    return p;
  }

  /** Answers `key` with `value` from now on, unless it was already asked for (first answer stays). */
  prime(key: K, value: V): void {
    if (!this.cache.has(key)) this.cache.set(key, Promise.resolve(value));
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = new Map();
    try {
      const found = await this.fetch([...batch.keys()]);
      for (const [k, waiters] of batch) for (const w of waiters) w.resolve(found.get(k));
    } catch (err) {
      for (const waiters of batch.values()) for (const w of waiters) w.reject(err);
    }
  }
}

const loaders = new WeakMap<RequestContext, Map<string, BatchLoader<unknown, unknown>>>();

/** The request's loader named `name`, made on first use. */
export function loaderFor<K, V>(ctx: RequestContext, name: string, fetch: (keys: K[]) => Promise<Map<K, V>>) {
  let byName = loaders.get(ctx);
  if (!byName) {
    byName = new Map();
    loaders.set(ctx, byName);
  }
  let l = byName.get(name) as BatchLoader<K, V> | undefined;
  if (!l) {
    l = new BatchLoader(fetch);
    byName.set(name, l as BatchLoader<unknown, unknown>);
  }
  return l;
}
