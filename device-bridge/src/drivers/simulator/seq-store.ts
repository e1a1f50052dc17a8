import { join } from 'node:path';
import { readJsonFile, writeFileAtomic } from '../../atomic-file.js';

export const SIM_SEQ_FILE = 'sim-seq.json';
/** Sequence numbers reserved on disk at a time: one write per this many events of a device. */
export const SEQ_BLOCK = 100;

interface SeqFile {
  version: 1;
  /** Device id → every seq up to this one may have been used. */
  devices: Record<string, number>;
}

/**
 * Per-device sequence numbers of the simulated devices, kept in `${DATA_DIR}/sim-seq.json` as a real
 * controller keeps them in flash: (deviceId, seq) identifies an event for the bridge's journal and the
 * API for good, so a seq handed out twice would be taken for a retransmission, or dropped as a
 * duplicate. A block is reserved on disk before its first number is used, so even a crash never
 * reuses one; a clean close records the exact last seq, so a clean restart leaves no gap.
 */
export class SeqStore {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    readonly file: string,
    private readonly used: Map<string, number>,
    private readonly reserved: Map<string, number>,
  ) {}

  static async open(dataDir: string): Promise<SeqStore> {
    const file = join(dataDir, SIM_SEQ_FILE);
    const saved = (await readJsonFile(file)) as SeqFile | undefined;
    const last = new Map<string, number>();
    if (saved !== undefined) {
      if (saved?.version !== 1 || typeof saved.devices !== 'object' || saved.devices === null) {
        throw new Error(`${file} is not a simulator sequence file`);
      }
      for (const [id, seq] of Object.entries(saved.devices)) {
        if (Number.isSafeInteger(seq) && seq >= 0) last.set(id, seq);
      }
    }
    return new SeqStore(file, last, new Map(last));
  }

  /** The last seq handed out (or recorded) for a device; 0 before its first event. */
  last(deviceId: string): number {
    return this.used.get(deviceId) ?? 0;
  }

  /** The next seq of a device; resolves once it is safely reserved on disk. */
  async next(deviceId: string): Promise<number> {
    const seq = this.last(deviceId) + 1;
    this.used.set(deviceId, seq);
    if (seq > (this.reserved.get(deviceId) ?? 0)) {
      this.reserved.set(deviceId, seq + SEQ_BLOCK - 1);
      this.save(this.reserved);
    }
    try {
      // Also waits for a reservation another call started: its number must not go out before that.
      await this.writing;
    } catch (error) {
      // Not on disk, so not handed out; the next call reserves again.
      this.reserved.delete(deviceId);
      throw error;
    }
    return seq;
  }

  /** Records the exact last seqs, so the next start continues without a gap. */
  async close(): Promise<void> {
    this.save(this.used);
    await this.writing;
  }

  private save(values: ReadonlyMap<string, number>): void {
    const data: SeqFile = { version: 1, devices: Object.fromEntries(values) };
    // Serialised, and the content fixed now: the newest state lands last.
    this.writing = this.writing
      .catch(() => undefined)
      .then(() => writeFileAtomic(this.file, JSON.stringify(data)));
  }
}
