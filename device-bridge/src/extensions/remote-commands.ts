import { type ModeCommandPayload, validateDeviceEvent } from '@park/schema/mqtt';
import type { RemoteCommand } from '../api/sync-types.js';
import { errorMessage } from '../logger.js';
import { buildTopic } from '../mqtt/topics.js';
import type { Extension, ExtensionContext } from './extension.js';

const ACK = `mutation($id:ID!,$ok:Boolean!,$r:String){acknowledgeDeviceCommand(id:$id,succeeded:$ok,result:$r){id status}}`;
// Remembered results: a command the API hands over again (after a reconnect) is acknowledged again,
// never executed again. Bounded: commands expire within minutes anyway.
const REMEMBER = 1_000;

type Outcome = { ok: boolean; result: string };

/**
 * Carries out commands from the API (remote open, lock, unlock, resync) and acknowledges each by id.
 * An expired command is refused, not executed: a door must not open minutes after the guard asked.
 * A command sent to a device counts as done only when the device confirms it on `evt/ack` (contract):
 * its refusal, or silence for COMMAND_ACK_TIMEOUT_MS, goes back to the API as a failure, so the guard
 * who opened a door remotely sees whether it opened.
 */
export function remoteCommandsExtension(context: ExtensionContext): Extension {
  const { api, bus, config, devices, mqtt } = context;
  const log = context.logger.child({ component: 'remote-commands' });
  const done = new Map<string, Outcome>();
  const unacknowledged = new Map<string, Outcome>();
  /** Commands sent to a device, waiting for its evt/ack: command id → device id and what to do. */
  const awaiting = new Map<string, { deviceId: string; settle: (o: Outcome) => void }>();
  const off: Array<() => void> = [];
  let timer: NodeJS.Timeout | undefined;

  /** Sends with `send` and resolves with the device's answer to `commandId`, or a timeout. */
  const confirmed = async (
    deviceId: string,
    commandId: string,
    kind: 'unlock' | 'mode',
    what: string,
    send: () => Promise<void>,
  ): Promise<Outcome> => {
    const ms = config.gate.commandAckTimeoutMs;
    const answer = new Promise<Outcome>((resolve) => {
      const timeout = setTimeout(
        () => settle({ ok: false, result: `no answer from the device within ${ms} ms` }),
        ms,
      );
      timeout.unref();
      const settle = (o: Outcome) => {
        clearTimeout(timeout);
        awaiting.delete(commandId);
        resolve(o);
      };
      awaiting.set(commandId, {
        deviceId,
        settle: (o) => settle(o.ok ? { ok: true, result: `${what}; device confirmed` } : o),
      });
    });
    try {
      await send();
    } catch (error) {
      awaiting.get(commandId)?.settle({ ok: false, result: errorMessage(error).slice(0, 200) });
      throw error;
    }
    bus.emit('device.command', { deviceId, commandId, kind });
    return answer;
  };

  const execute = async (command: RemoteCommand): Promise<Outcome> => {
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
      return confirmed(command.deviceCode, command.id, 'unlock', 'unlocked', () =>
        bound.device.unlock({
          id: command.id,
          allow: true,
          pulseMs,
          message: `远程开门：${command.reason}`,
          floors,
        }),
      );
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
    return confirmed(command.deviceCode, command.id, 'mode', payload.mode, () =>
      mqtt.publish(topic, JSON.stringify(payload), { qos: 1 }),
    );
  };

  /** A device's `evt/ack`: settles the command it names, when it is this device's and still awaited. */
  const onAck = (deviceId: string, body: Readonly<Record<string, unknown>>): void => {
    const valid = validateDeviceEvent('ack', body);
    if (!valid.ok) {
      log.warn({ deviceId, reason: valid.reason }, 'malformed command acknowledgement ignored');
      return;
    }
    const waiting = awaiting.get(valid.value.commandId);
    if (!waiting || waiting.deviceId !== deviceId) return;
    waiting.settle(
      valid.value.status === 'ok'
        ? { ok: true, result: '' }
        : { ok: false, result: `device refused: ${valid.value.reason ?? 'no reason given'}`.slice(0, 200) },
    );
  };

  const acknowledge = async (id: string, outcome: Outcome): Promise<void> => {
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
      off.push(bus.on('api.command', (command) => handle(command)));
      off.push(
        bus.on('device.event', ({ deviceId, kind, envelope }) => {
          if (kind === 'ack') onAck(deviceId, envelope.body);
        }),
      );
      timer = setInterval(() => {
        for (const [id, outcome] of unacknowledged) void acknowledge(id, outcome);
      }, 5_000);
      timer.unref();
    },
    async stop(): Promise<void> {
      for (const undo of off.splice(0)) undo();
      clearInterval(timer);
      for (const { settle } of [...awaiting.values()])
        settle({ ok: false, result: 'bridge stopped before the device answered' });
    },
  };
}
