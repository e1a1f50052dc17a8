import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AccessEvent, BridgeConfig, EventUploader, Watermark } from '../src/index.js';
import { brokerTargets } from './support/bridge-env.js';
import { type GateRun, journalLines, passFor, removeDataDir, startGateRun } from './support/gate-harness.js';
import { buildGateSite, type GateSite } from './support/gate-site.js';

/** An uploader standing in for the API: accepts what `accept` says, remembers every batch offered. */
function recordingUploader(accept: (event: AccessEvent) => boolean = () => true) {
  const batches: string[][] = [];
  const uploader: EventUploader = {
    name: 'test',
    async upload(batch) {
      batches.push(batch.map((e) => e.id));
      return batch.filter(accept).map((e) => e.id);
    },
  };
  return { uploader, batches };
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(brokerTargets)('the bridge across restarts, on an $name', (target) => {
  let site: GateSite;
  let run: GateRun | undefined;
  let config: BridgeConfig | undefined;
  const card = () => ({ kind: 'CARD', number: site.cards.wang }) as const;

  beforeAll(async () => {
    site = await buildGateSite();
  });

  afterEach(async () => {
    await run?.stop();
    await removeDataDir(config);
    run = undefined;
    config = undefined;
  });

  /** Stops the current run and starts the next on the same data directory and site, without a cache source. */
  async function restart(options: { uploader?: EventUploader } = {}): Promise<GateRun> {
    await run!.stop();
    run = await startGateRun(target, { dataDir: config!.dataDir, siteId: config!.siteId, ...options });
    return run;
  }

  it('still decides after a restart with only the cache file on disk, and remembers who is inside', async () => {
    run = await startGateRun(target, { site });
    config = run.config;
    expect((await run.sim.device('lane-1').scan(card())).kind).toBe('unlock');

    await restart();
    const lost = await run.sim
      .device('lane-1')
      .scan({ kind: 'CARD', number: site.cards.zhangLost }, { seq: 2 });
    const again = await run.sim.device('lane-2').scan(card());

    expect(lost.payload).toMatchObject({ reason: 'CARD_LOST' });
    expect(again.kind).toBe('unlock');
    // The presence saved before the restart makes the second entry a (soft, offline) passback.
    const [, entry] = await run.decided(2);
    expect(entry?.event.antiPassbackViolation).toBe(true);
  });

  it('journals each event once and answers a retransmitted scan again with the same command', async () => {
    run = await startGateRun(target, { site });
    config = run.config;
    const token = await passFor(site, site.people.wang.id);
    const lane = run.sim.device('lane-1');

    const first = await lane.scan({ kind: 'QR', token }, { seq: 41 });
    const retransmitted = await lane.scan({ kind: 'QR', token }, { seq: 41 });
    expect(retransmitted).toMatchObject({ kind: 'unlock', payload: first.payload });

    await restart();
    const afterRestart = await run.sim.device('lane-1').scan({ kind: 'QR', token }, { seq: 41 });
    expect(afterRestart.payload).toEqual(first.payload);
    await run.stop();
    run = undefined;

    const ids = (await journalLines(config.dataDir)).map((e) => e.id);
    expect(ids).toEqual(['lane-1:41']);
  });

  it('refuses a pass used just before a restart: the journal refills the replay window', async () => {
    run = await startGateRun(target, { site });
    config = run.config;
    const token = await passFor(site, site.people.wang.id);
    await run.sim.device('lane-1').scan({ kind: 'QR', token });

    await restart();
    const replay = await run.sim.device('lane-2').scan({ kind: 'QR', token }, { seq: 2 });

    expect(replay.payload).toMatchObject({ reason: 'QR_REPLAYED' });
  });

  it('replays the journal after a restart from the watermark, in order, exactly once', async () => {
    const first = recordingUploader((e) => e.seq <= 2);
    run = await startGateRun(target, { site, uploader: first.uploader, gate: { uploadIntervalMs: 50 } });
    config = run.config;
    const lane = run.sim.device('lane-1');
    for (const seq of [1, 2, 3]) await lane.scan(card(), { seq });
    const watermarkFile = join(config.dataDir, 'journal.uploaded.json');
    const watermark = async () =>
      JSON.parse(await readFile(watermarkFile, 'utf8').catch(() => '{}')) as Watermark;
    await until(async () => (await watermark()).count === 2);

    const second = recordingUploader();
    await restart({ uploader: second.uploader });
    await until(() => second.batches.length > 0);
    expect(second.batches[0]).toEqual(['lane-1:3']);

    await run.sim.device('lane-1').scan(card(), { seq: 4 });
    await until(async () => (await watermark()).count === 4);
    expect(second.batches.flat()).toEqual(['lane-1:3', 'lane-1:4']);
    expect(await watermark()).toMatchObject({ count: 4, lastId: 'lane-1:4' });
  });
});
