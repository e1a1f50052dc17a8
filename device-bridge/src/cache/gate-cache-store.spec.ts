import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GateCache } from '@park/core';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AREA, buildGateSite, type GateSite } from '../../test/support/gate-site.js';
import { GATE_CACHE_FILE, GateCacheStore } from './gate-cache-store.js';

const silent = pino({ level: 'silent' });

describe('the gate cache store', () => {
  let dir: string;
  let site: GateSite;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gate-cache-'));
    site = await buildGateSite();
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('starts empty when there is no cache on disk', async () => {
    const store = new GateCacheStore(dir, silent);
    expect(await store.load()).toBe(false);
    expect(store.index()).toBeUndefined();
  });

  it('writes a new cache by rename, leaving no temporary file, and a fresh store loads it back', async () => {
    const store = new GateCacheStore(dir, silent);
    await store.replace(site.cache);

    expect(await readdir(dir)).toEqual([GATE_CACHE_FILE]);
    const reloaded = new GateCacheStore(dir, silent);
    expect(await reloaded.load()).toBe(true);
    expect(reloaded.index()?.cards.get(site.cards.zhangLost)?.status).toBe('LOST');
  });

  it('refuses a cache of an unknown version or with a private pass key, and keeps the one it has', async () => {
    const store = new GateCacheStore(dir, silent);
    await store.replace(site.cache);
    const privateKey = { ...site.cache.passJwks.keys[0], d: 'c2VjcmV0' };

    await expect(store.replace({ ...site.cache, version: 2 } as unknown as GateCache)).rejects.toThrow(
      /version/,
    );
    await expect(
      store.replace({ ...site.cache, cursor: '2', passJwks: { keys: [privateKey] } }),
    ).rejects.toThrow(/private/);
    expect(store.snapshot()?.cache.cursor).toBe('1024');
    expect(JSON.parse(await readFile(join(dir, GATE_CACHE_FILE), 'utf8')).cursor).toBe('1024');
  });

  it('softens HARD anti-passback for offline decisions only', async () => {
    const store = new GateCacheStore(dir, silent);
    await store.replace(site.cache);
    const snapshot = store.snapshot()!;
    expect(snapshot.index.site.areas.get(AREA.production)?.policy.antiPassback).toBe('HARD');
    expect(snapshot.offlineSite.areas.get(AREA.production)?.policy.antiPassback).toBe('SOFT');
    expect(snapshot.offlineSite.areas.get(AREA.plant)?.policy.antiPassback).toBe('OFF');
  });

  it('tells its listeners about each new cache', async () => {
    const store = new GateCacheStore(dir, silent);
    const cursors: string[] = [];
    store.onChange((s) => cursors.push(s.cache.cursor));
    await store.replace(site.cache);
    await store.replace({ ...site.cache, cursor: '1025' });
    expect(cursors).toEqual(['1024', '1025']);
  });
});
