import { idEndingAt, readEntries } from '../journal/journal-reader.js';
import { loadWatermark, START, saveWatermark, type Watermark } from '../journal/watermark.js';
import { errorMessage } from '../logger.js';
import type { Extension, ExtensionContext } from './extension.js';

const BATCH = 500;

/**
 * Offers the journal to the uploader in order, from the watermark, and moves the watermark over what
 * was accepted. After a restart it resumes exactly there; anything resent is deduplicated by the API
 * on the idempotency key, so each event is counted once.
 */
export function eventUploadExtension(context: ExtensionContext): Extension {
  const { gate, bus, config } = context;
  const { journal, uploader } = gate;
  const log = context.logger.child({ component: 'event-upload', uploader: uploader.name });
  let watermark: Watermark = START;
  let stopped = false;
  let loop: Promise<void> = Promise.resolve();
  let wake: (() => void) | undefined;
  /** True while caught up: only then does a new journal batch wake the loop (no hammering after a refusal). */
  let idle = false;
  const off: Array<() => void> = [];

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      // stop() may have run while an upload was in flight, with nothing asleep to wake.
      if (stopped) return resolve();
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  const uploadOnce = async (): Promise<'caught-up' | 'progress' | 'refused'> => {
    const entries = await readEntries(journal.file, watermark.offset, journal.durableSize, BATCH);
    if (entries.length === 0) return 'caught-up';
    const accepted = new Set(await uploader.upload(entries.map((e) => e.event)));
    let n = 0;
    while (n < entries.length && accepted.has(entries[n].event.id)) n++;
    if (n > 0) {
      const last = entries[n - 1];
      watermark = { offset: last.end, count: watermark.count + n, lastId: last.event.id };
      await saveWatermark(config.dataDir, watermark);
      bus.emit('journal.uploaded', { ...watermark });
    }
    return n === entries.length ? 'progress' : 'refused';
  };

  const run = async (): Promise<void> => {
    while (!stopped) {
      let result: Awaited<ReturnType<typeof uploadOnce>>;
      try {
        result = await uploadOnce();
      } catch (error) {
        log.warn(
          { err: errorMessage(error), pendingFrom: watermark.offset },
          'upload failed; retrying later',
        );
        result = 'refused';
      }
      if (result === 'progress') continue;
      idle = result === 'caught-up';
      await sleep(config.gate.uploadIntervalMs);
      idle = false;
    }
  };

  return {
    name: 'event-upload',
    async start(): Promise<void> {
      watermark = await loadWatermark(config.dataDir);
      const matches =
        watermark.offset <= journal.durableSize &&
        (await idEndingAt(journal.file, watermark.offset)) === (watermark.lastId ?? undefined);
      if (!matches) {
        // The journal was replaced or cut: upload it all again; the API drops what it already holds.
        log.warn({ watermark }, 'watermark does not match the journal; replaying from its start');
        watermark = START;
      }
      log.info({ watermark, journalBytes: journal.durableSize }, 'event upload resumes at the watermark');
      off.push(
        journal.onFlushed(() => {
          if (idle) wake?.();
        }),
      );
      off.push(
        bus.on('api.reachability', (e) => {
          if (e.reachable) wake?.();
        }),
      );
      loop = run();
    },
    async stop(): Promise<void> {
      stopped = true;
      for (const undo of off.splice(0)) undo();
      wake?.();
      await loop;
    },
  };
}
