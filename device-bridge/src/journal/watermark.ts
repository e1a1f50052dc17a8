import { join } from 'node:path';
import { readJsonFile, writeFileAtomic } from '../atomic-file.js';

export const WATERMARK_FILE = 'journal.uploaded.json';

/** How far into the journal the API has everything: uploads resume here after a restart. */
export interface Watermark {
  /** Byte offset just past the last uploaded line. */
  offset: number;
  /** Events uploaded so far, for logs and operators. */
  count: number;
  /** Id of the last uploaded event: checked against the journal so a replaced journal is noticed. */
  lastId: string | null;
}

export const START: Watermark = { offset: 0, count: 0, lastId: null };

export async function loadWatermark(dataDir: string): Promise<Watermark> {
  const value = (await readJsonFile(join(dataDir, WATERMARK_FILE))) as Partial<Watermark> | undefined;
  if (!value || !Number.isSafeInteger(value.offset) || !Number.isSafeInteger(value.count)) return START;
  return { offset: value.offset!, count: value.count!, lastId: value.lastId ?? null };
}

export async function saveWatermark(dataDir: string, watermark: Watermark): Promise<void> {
  await writeFileAtomic(join(dataDir, WATERMARK_FILE), JSON.stringify(watermark));
}
