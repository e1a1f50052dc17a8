import type { ModeCommandPayload } from '@park/schema/mqtt';
import type { RemoteCommand } from '../api/sync-types.js';
import { errorMessage } from '../logger.js';
import { buildTopic } from '../mqtt/topics.js';
import type { Extension, ExtensionContext } from './extension.js';

const ACK = `mutation($id:ID!,$ok:Boolean!,$r:String){acknowledgeDeviceCommand(id:$id,succeeded:$ok,result:$r){id status}}`;
// Remembered results: a command the API hands over again (after a reconnect) is acknowledged again,
// never executed again. Bounded: commands expire within minutes anyway.
const REMEMBER = 1_000;

/**
 * Carries out commands from the API (remote open, lock, unlock, resync) and acknowledges each by id.
 * An expired command is refused, not executed: a door must not open minutes after the guard asked.
 */
export function remoteCommandsExtension(context: ExtensionContext): Extension {
  const { api, bus, config, devices, mqtt } = context;
  const log = context.logger.child({ component: 'remote-commands' });
  const done = new Map<string, { ok: boolean; result: string }>();
  const unacknowledged = new Map<string, { ok: boolean; result: string }>();
  let off: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;

  const execute = async (command: RemoteCommand): Promise<{ ok: boolean; result: string }> => {
    if (Date.parse(command.expiresAt) < Date.now()) return { ok: false, result: 'expired before delivery' };
    if (command.kind === 'RESYNC') {
      bus.emit('api.resync', {});
      return { ok: true, result: 'full resync requested' };
    }
    const bound = devices(command.deviceCode);
    if (command.kind === 'OPEN') {
      const pulseMs = bound.config.pulseMs ?? config.gate.unlockPulseMs;
      // An elevator opened remotely releases every floor it serves, like a guard's key switch.
      const floors = Object.keys(bound.config.floors ?? {})
        .map(Number)
        .sort((a, b) => a - b);
      await bound.device.unlock({
        id: command.id,
        allow: true,
        pulseMs,
        message: `远程开门：${command.reason}`,
        floors,
      });
      return { ok: true, result: 'unlocked' };
    }
    // Lock/unlock set the device's mode (contract `cmd/mode`), whatever its driver.
    const topic = buildTopic({
      type: 'device-command',
      site: config.siteId,
      deviceId: command.deviceCode,
      kind: 'mode',
    });
    const payload: ModeCommandPayload = {
      id: command.id,
      mode: command.kind === 'LOCK' ? 'LOCKED' : 'NORMAL',
      message: command.reason,
    };
    await mqtt.publish(topic, JSON.stringify(payload), { qos: 1 });
    return { ok: true, result: payload.mode };
  };

  const acknowledge = async (id: string, outcome: { ok: boolean; result: string }): Promise<void> => {
    try {
      await api?.request(ACK, { id, ok: outcome.ok, r: outcome.result });
      unacknowledged.delete(id);
    } catch (error) {
      // Kept and retried: the API also hands the command over again on reconnect.
      unacknowledged.set(id, outcome);
      log.warn({ commandId: id, err: errorMessage(error) }, 'acknowledgement failed; will retry');
    }
  };

  const handle = async (command: RemoteCommand): Promise<void> => {
    let outcome = done.get(command.id);
    if (!outcome) {
      try {
        outcome = await execute(command);
      } catch (error) {
        outcome = { ok: false, result: errorMessage(error).slice(0, 200) };
      }
      done.set(command.id, outcome);
      if (done.size > REMEMBER) done.delete(done.keys().next().value as string);
      log.info(
        {
          commandId: command.id,
          deviceId: command.deviceCode,
          kind: command.kind,
          by: command.requestedBy,
          reason: command.reason,
          ...outcome,
        },
        'remote command',
      );
    }
    await acknowledge(command.id, outcome);
  };

  return {
    name: 'remote-commands',
    async start(): Promise<void> {
      if (!api) return;
      off = bus.on('api.command', (command) => handle(command));
      timer = setInterval(() => {
        for (const [id, outcome] of unacknowledged) void acknowledge(id, outcome);
      }, 5_000);
      timer.unref();
    },
    async stop(): Promise<void> {
      off?.();
      clearInterval(timer);
    },
  };
}
