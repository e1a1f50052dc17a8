import { join } from 'node:path';
import { readJsonFile, writeFileAtomic } from '../atomic-file.js';
import { errorMessage } from '../logger.js';
import type { Extension, ExtensionContext } from './extension.js';

const INGEST = `mutation($a:[DeviceAlarmInput!]!){ingestDeviceAlarms(alarms:$a){accepted duplicates}}`;
const OUTBOX = 'alarm-outbox.json';
const BATCH = 200;

/** One alarm as the API's DeviceAlarmInput takes it. */
interface PendingAlarm {
  deviceId: string;
  seq: number;
  occurredAt: string;
  kind: 'FORCED_OPEN' | 'HELD_OPEN' | 'TAMPER';
  detail: string | null;
}

/**
 * Door alarms (forced, held open) and tamper reports go to the API's `ingestDeviceAlarms`. They wait in
 * an outbox on disk (`${DATA_DIR}/alarm-outbox.json`) until the API took them, so a forced door while
 * the API is down still reaches the security console later; the API keeps each (device, seq) once.
 */
export function alarmUploadExtension(context: ExtensionContext): Extension {
  const { api, bus, config } = context;
  const log = context.logger.child({ component: 'alarm-upload' });
  const file = join(config.dataDir, OUTBOX);
  let pending: PendingAlarm[] = [];
  let saving: Promise<void> = Promise.resolve();
  let sending = false;
  let timer: NodeJS.Timeout | undefined;
  let off: (() => void) | undefined;

  const save = (): Promise<void> => {
    const snapshot = JSON.stringify(pending);
    saving = saving
      .then(() => writeFileAtomic(file, snapshot))
      .catch((error: unknown) => {
        log.error({ err: errorMessage(error) }, 'alarm outbox could not be written');
      });
    return saving;
  };

  const send = async (): Promise<void> => {
    if (!api || sending || pending.length === 0) return;
    sending = true;
    try {
      while (pending.length > 0) {
        const batch = pending.slice(0, BATCH);
        await api.request(INGEST, { a: batch });
        pending = pending.slice(batch.length);
        await save();
      }
    } catch (error) {
      log.warn({ pending: pending.length, err: errorMessage(error) }, 'alarms not delivered yet; will retry');
    } finally {
      sending = false;
    }
  };

  const raise = async (alarm: PendingAlarm): Promise<void> => {
    log.warn({ deviceId: alarm.deviceId, seq: alarm.seq, kind: alarm.kind }, 'device alarm');
    pending.push(alarm);
    await save();
    await send();
  };

  return {
    name: 'alarm-upload',
    async start(): Promise<void> {
      const stored = await readJsonFile(file).catch(() => undefined);
      if (Array.isArray(stored)) pending = stored as PendingAlarm[];
      off = bus.on('device.event', ({ deviceId, kind, envelope }) => {
        const at = envelope.at ?? new Date().toISOString();
        const body = envelope.body as { alarm?: unknown; active?: unknown; open?: unknown };
        if (kind === 'door' && (body.alarm === 'FORCED_OPEN' || body.alarm === 'HELD_OPEN')) {
          return raise({ deviceId, seq: envelope.seq, occurredAt: at, kind: body.alarm, detail: null });
        }
        if (kind === 'tamper' && body.active === true) {
          return raise({ deviceId, seq: envelope.seq, occurredAt: at, kind: 'TAMPER', detail: null });
        }
        return undefined;
      });
      timer = setInterval(() => void send(), config.gate.uploadIntervalMs);
      timer.unref();
      void send();
    },
    async stop(): Promise<void> {
      off?.();
      clearInterval(timer);
      await saving;
    },
  };
}
