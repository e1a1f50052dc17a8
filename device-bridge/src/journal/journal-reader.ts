import { open } from 'node:fs/promises';
import type { AccessEvent } from './access-event.js';

export interface JournalEntry {
  event: AccessEvent;
  /** Byte offset just past this line: where the watermark moves once the event is uploaded. */
  end: number;
}

const READ_BYTES = 512 * 1024;
const NEWLINE = 0x0a;

/**
 * Up to `max` events starting at byte `offset`, in journal order, never reading past `limit` (the
 * journal's durable size) and never returning a line without its newline. Reads a bounded slice, so
 * a journal that grew for a week offline is uploaded batch by batch, not loaded into memory.
 */
export async function readEntries(
  file: string,
  offset: number,
  limit: number,
  max: number,
): Promise<JournalEntry[]> {
  if (offset >= limit) return [];
  const handle = await open(file, 'r');
  try {
    const length = Math.min(READ_BYTES, limit - offset);
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, offset);
    const entries: JournalEntry[] = [];
    let start = 0;
    for (let i = 0; i < bytesRead && entries.length < max; i++) {
      if (buffer[i] !== NEWLINE) continue;
      const event = parse(buffer.toString('utf8', start, i));
      // An unreadable line (logged when the journal opened) is stepped over, not retried forever.
      if (event) entries.push({ event, end: offset + i + 1 });
      start = i + 1;
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** The id of the line that ends exactly at `offset`, to check a watermark still matches its journal. */
export async function idEndingAt(file: string, offset: number): Promise<string | undefined> {
  if (offset <= 0) return undefined;
  const handle = await open(file, 'r');
  try {
    const length = Math.min(64 * 1024, offset);
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, offset - length);
    if (bytesRead !== length || buffer[length - 1] !== NEWLINE) return undefined;
    const start = buffer.lastIndexOf(NEWLINE, length - 2) + 1;
    return parse(buffer.toString('utf8', start, length - 1))?.id;
  } finally {
    await handle.close();
  }
}

function parse(line: string): AccessEvent | undefined {
  try {
    const event = JSON.parse(line) as AccessEvent;
    return typeof event?.id === 'string' ? event : undefined;
  } catch {
    return undefined;
  }
}
