import { createReadStream } from 'node:fs';
import { type FileHandle, mkdir, open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { errorMessage, type Logger } from '../logger.js';
import type { AccessEvent } from './access-event.js';

export const JOURNAL_FILE = 'journal.jsonl';
/** A retransmission comes within seconds; a seq seen again after this long is a device that restarted. */
export const DUPLICATE_WINDOW_MS = 10 * 60_000;
const MAX_LINES_PER_WRITE = 256;
const RETRY_MS = 1_000;

/** A QR pass journaled recently enough that its replay must still be refused after a restart. */
export interface LivePass {
  jti: string;
  exp: number;
}

/**
 * Append-only record of every decision (`${DATA_DIR}/journal.jsonl`, one AccessEvent per line). Lines
 * are written and fsync'd in small batches (group commit): whatever accumulated while the previous
 * fsync ran goes in the next, so a busy site pays one fsync per batch, not per scan, and no scan
 * waits for the disk before its gate opens. The price: a power cut can lose the last batch.
 */
export class Journal {
  private buffer: string[] = [];
  private flushing: Promise<void> | undefined;
  private retry: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<() => void>();
  private closed = false;

  private constructor(
    readonly file: string,
    private readonly handle: FileHandle,
    /** Bytes written and fsync'd: readers never look past it. */
    private size: number,
    /** Recent events by id, oldest first: duplicate detection and retransmitted answers. */
    private readonly recent: Map<string, AccessEvent>,
    readonly livePasses: readonly LivePass[],
    private readonly log: Logger,
  ) {}

  /** Opens the journal, reading it once to drop a torn last line and remember recent ids. */
  static async open(dataDir: string, logger: Logger, now = Date.now()): Promise<Journal> {
    const log = logger.child({ component: 'journal' });
    await mkdir(dataDir, { recursive: true });
    const file = join(dataDir, JOURNAL_FILE);
    const recent = new Map<string, AccessEvent>();
    const livePasses: LivePass[] = [];
    let good = 0;
    let bad = 0;
    const fileSize = await stat(file).then(
      (s) => s.size,
      () => 0,
    );
    if (fileSize > 0) {
      const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
      let position = 0;
      for await (const line of lines) {
        const bytes = Buffer.byteLength(line);
        // Every line is written with its newline; one that ends at end-of-file without it was torn.
        const complete = position + bytes < fileSize;
        const end = complete ? position + bytes + 1 : fileSize;
        const event = complete ? parseLine(line) : undefined;
        if (event) {
          if (Date.parse(event.occurredAt) >= now - DUPLICATE_WINDOW_MS) recent.set(event.id, event);
          if (event.passExp !== null && event.passExp * 1000 > now && event.credentialRef) {
            livePasses.push({ jti: event.credentialRef, exp: event.passExp });
          }
        } else if (complete) {
          bad++;
        }
        if (complete) good = end;
        position = end;
      }
    }
    const handle = await open(file, 'a+');
    if (good < fileSize) {
      log.warn({ file, dropped: fileSize - good }, 'dropping a torn last journal line');
      await handle.truncate(good);
    }
    if (bad > 0) log.error({ file, lines: bad }, 'journal has unreadable lines; they are skipped');
    log.info({ file, bytes: good, recent: recent.size }, 'journal opened');
    return new Journal(file, handle, good, recent, livePasses, log);
  }

  get durableSize(): number {
    return this.size;
  }

  /** The event journaled under this id within the duplicate window, if any. */
  get(id: string, now = Date.now()): AccessEvent | undefined {
    this.prune(now);
    return this.recent.get(id);
  }

  /** Remembers the id at once (a retransmission right behind it is caught), writes it soon. */
  append(event: AccessEvent): void {
    if (this.closed) throw new Error('journal is closed');
    this.recent.set(event.id, event);
    this.buffer.push(`${JSON.stringify(event)}\n`);
    this.flush().catch(() => undefined);
  }

  /** Resolves when every event appended before the call is on disk. */
  async flush(): Promise<void> {
    // A loop, not one await: a line appended while a drain was finishing is left for the next drain.
    while (this.flushing || this.buffer.length > 0) {
      this.flushing ??= this.drain().finally(() => {
        this.flushing = undefined;
      });
      await this.flushing;
    }
  }

  /** Called after each batch reached the disk (the uploader wakes up on it). */
  onFlushed(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    clearTimeout(this.retry);
    await this.flush().catch((error: unknown) =>
      this.log.error({ err: errorMessage(error), lost: this.buffer.length }, 'journal not flushed on close'),
    );
    this.closed = true;
    await this.handle.close();
  }

  private async drain(): Promise<void> {
    // One turn of the event loop: scans handled in the same tick join this batch.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.buffer.length > 0) {
      const lines = this.buffer.splice(0, MAX_LINES_PER_WRITE);
      const chunk = lines.join('');
      try {
        await this.handle.appendFile(chunk, 'utf8');
        await this.handle.datasync();
      } catch (error) {
        this.buffer.unshift(...lines);
        // A partial write would glue the retry onto half a line: cut back to the last good byte.
        await this.handle.truncate(this.size).catch(() => undefined);
        this.log.error({ err: errorMessage(error), pending: this.buffer.length }, 'journal write failed');
        if (!this.closed) this.retry = setTimeout(() => void this.flush().catch(() => undefined), RETRY_MS);
        throw error;
      }
      this.size += Buffer.byteLength(chunk);
      for (const listener of this.listeners) listener();
    }
  }

  private prune(now: number): void {
    const horizon = now - DUPLICATE_WINDOW_MS;
    for (const [id, event] of this.recent) {
      if (Date.parse(event.occurredAt) >= horizon) break;
      this.recent.delete(id);
    }
  }
}

function parseLine(line: string): AccessEvent | undefined {
  try {
    const event = JSON.parse(line) as AccessEvent;
    return typeof event?.id === 'string' && typeof event.occurredAt === 'string' ? event : undefined;
  } catch {
    return undefined;
  }
}
