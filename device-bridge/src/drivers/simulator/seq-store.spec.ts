import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEQ_BLOCK, SeqStore, SIM_SEQ_FILE } from './seq-store.js';

describe('the simulated devices’ sequence numbers', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sim-seq-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('count up per device from 1 and continue after a clean restart without a gap', async () => {
    const store = await SeqStore.open(dir);
    expect([await store.next('lane-1'), await store.next('lane-1'), await store.next('door-1')]).toEqual([
      1, 2, 1,
    ]);
    await store.close();
    expect(JSON.parse(await readFile(join(dir, SIM_SEQ_FILE), 'utf8'))).toEqual({
      version: 1,
      devices: { 'lane-1': 2, 'door-1': 1 },
    });

    const again = await SeqStore.open(dir);
    expect(await again.next('lane-1')).toBe(3);
    expect(await again.next('door-1')).toBe(2);
  });

  it('never hand out a number twice, even after a crash: the reserved block is skipped', async () => {
    const store = await SeqStore.open(dir);
    for (let i = 0; i < 5; i++) await store.next('lane-1');
    // No close(): the process died.
    const after = await SeqStore.open(dir);
    expect(await after.next('lane-1')).toBe(SEQ_BLOCK + 1);
  });

  it('reserve the next block before its first number goes out', async () => {
    const store = await SeqStore.open(dir);
    for (let i = 0; i < SEQ_BLOCK; i++) await store.next('lane-1');
    expect(await store.next('lane-1')).toBe(SEQ_BLOCK + 1);
    const saved = JSON.parse(await readFile(join(dir, SIM_SEQ_FILE), 'utf8'));
    expect(saved.devices['lane-1']).toBe(2 * SEQ_BLOCK);
  });

  it('give concurrent callers distinct, increasing numbers', async () => {
    const store = await SeqStore.open(dir);
    const seqs = await Promise.all(Array.from({ length: 250 }, () => store.next('lane-1')));
    expect(seqs).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
  });

  it('refuse a file that is not theirs rather than start again at 1', async () => {
    await writeFile(join(dir, SIM_SEQ_FILE), '{"lane-1": 7}');
    await expect(SeqStore.open(dir)).rejects.toThrow('not a simulator sequence file');
  });
});
