import { join } from 'node:path';
import { readJsonFile, writeFileAtomic } from '../atomic-file.js';
import { errorMessage, type Logger } from '../logger.js';
import { GateState, type GateStateData } from './gate-state.js';

export const GATE_STATE_FILE = 'gate-state.json';
// Saving on every passage would put a disk write on each scan's path; a crash loses at most this much
// presence, and offline anti-passback is soft anyway. The journal, not this file, is the record.
const SAVE_DELAY_MS = 200;

/** Keeps `${DATA_DIR}/gate-state.json` in step with a GateState, so a restart keeps anti-passback sensible. */
export class GateStateFile {
  readonly file: string;
  private timer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();
  private readonly log: Logger;

  constructor(dataDir: string, logger: Logger) {
    this.file = join(dataDir, GATE_STATE_FILE);
    this.log = logger.child({ component: 'gate-state' });
  }

  /** The saved state, attached to this file; an unreadable file starts empty (and says so). */
  async load(): Promise<GateState> {
    let data: GateStateData | undefined;
    try {
      data = (await readJsonFile(this.file)) as GateStateData | undefined;
    } catch (error) {
      this.log.error({ file: this.file, err: errorMessage(error) }, 'gate state unreadable, starting empty');
    }
    const state = GateState.fromData(data);
    state.onChange = () => this.schedule(state);
    return state;
  }

  /** Writes any pending change now; on stop. */
  async flush(state: GateState): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.save(state);
  }

  private schedule(state: GateState): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.save(state);
    }, SAVE_DELAY_MS);
    this.timer.unref();
  }

  private save(state: GateState): Promise<void> {
    // Serialised, and the snapshot taken when the write starts, so the newest state lands last.
    this.saving = this.saving.then(async () => {
      try {
        await writeFileAtomic(this.file, JSON.stringify(state.toData()));
      } catch (error) {
        this.log.error({ file: this.file, err: errorMessage(error) }, 'could not save gate state');
      }
    });
    return this.saving;
  }
}
