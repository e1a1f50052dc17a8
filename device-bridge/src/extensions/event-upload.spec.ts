import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testConfig } from '../../test/support/bridge-env.js';
import { type BridgeEvents, EventBus } from '../event-bus.js';
import type { GateServices } from '../gate/services.js';
import { eventId } from '../journal/access-event.js';
import { Journal } from '../journal/journal.js';
import type { EventUploader } from '../journal/uploader.js';
import { loadWatermark } from '../journal/watermark.js';
import { eventUploadExtension } from './event-upload.js';
import type { ExtensionContext } from './extension.js';

const silent = pino({ level: 'silent' });

describe('the event upload extension', () => {
  let dir: string;
  let journal: Journal;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'upload-'));
    journal = await Journal.open(dir, silent);
    for (const seq of [1, 2, 3]) {
      journal.append({ id: eventId('lane-1', seq), seq, occurredAt: new Date().toISOString() } as never);
    }
    await journal.flush();
  });
  afterEach(async () => {
    await journal.close();
    await rm(dir, { recursive: true, force: true });
  });

  function extension(uploader: EventUploader) {
    const base = testConfig({ name: 'none', url: undefined });
    const config = { ...base, dataDir: dir, gate: { ...base.gate, uploadIntervalMs: 60_000 } };
    const context = {
      config,
      logger: silent,
      bus: new EventBus<BridgeEvents>(() => undefined),
      gate: { journal, uploader } as unknown as GateServices,
    } as unknown as ExtensionContext;
    return eventUploadExtension(context);
  }

  it('moves the watermark over the accepted prefix only', async () => {
    let offered: string[] = [];
    const ext = extension({
      name: 'test',
      async upload(batch) {
        offered = batch.map((e) => e.id);
        return ['lane-1:1', 'lane-1:3'];
      },
    });
    await ext.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await ext.stop();

    expect(offered).toEqual(['lane-1:1', 'lane-1:2', 'lane-1:3']);
    expect(await loadWatermark(dir)).toMatchObject({ count: 1, lastId: 'lane-1:1' });
  });

  it('stops at once when stopped during an upload, not after the retry interval', async () => {
    let release: () => void = () => undefined;
    const ext = extension({
      name: 'slow',
      upload: () =>
        new Promise((resolve) => {
          release = () => resolve([]);
        }),
    });
    await ext.start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const stopped = ext.stop();
    release();
    const t0 = Date.now();
    await stopped;
    expect(Date.now() - t0).toBeLessThan(1_000);
  });
});
