import { randomUUID } from 'node:crypto';
import { createPassVerifier, type PassVerifier } from '@park/core';
import { applyOutcome, decideScan } from '../gate/scan-decision.js';
import { accessEvent, commandFor } from '../gate/scan-record.js';
import { eventId } from '../journal/access-event.js';
import type { Device, GateCommand } from '../kinds/index.js';
import { parseDeviceEvent } from '../mqtt/payloads.js';
import type { Extension, ExtensionContext } from './extension.js';

/** Tolerated clock difference between phones' issuer and this gate; also how long a used pass id is kept. */
const PASS_CLOCK_SKEW_S = 5;

/**
 * Decides every `evt/scan` at the gate, from the local cache: verify → look up → decide → answer →
 * remember (state, journal) → tell the bus. The router runs each message in its own try/catch and one
 * device's messages in order, so a retransmission is always checked after the original was journaled.
 */
export function gateDecisionsExtension(context: ExtensionContext): Extension {
  const { gate, bus, config } = context;
  const log = context.logger.child({ component: 'gate-decisions' });
  let verifier: PassVerifier;
  const off: Array<() => void> = [];

  const answer = (device: Device, command: GateCommand): Promise<void> => {
    if (command.kind === 'deny') return device.deny(command.body);
    // An elevator always gets its floor list, even an empty one: "no floors" must not read as "all".
    if (device.kind === 'elevator')
      return device.unlock({ ...command.body, floors: command.body.floors ?? [] });
    return device.unlock(command.body);
  };

  return {
    name: 'gate-decisions',
    async start(): Promise<void> {
      const lookup = context.devices;
      verifier = createPassVerifier({
        keys: gate.cache.snapshot()?.passKeys ?? new Map(),
        clockSkewSeconds: PASS_CLOCK_SKEW_S,
        replayWindow: gate.replayWindow,
      });
      // Passes used just before a restart stay used: the journal remembers them.
      for (const pass of gate.journal.livePasses)
        gate.replayWindow.markUsed(pass.jti, pass.exp + PASS_CLOCK_SKEW_S);
      off.push(gate.cache.onChange((snapshot) => verifier.setKeys(snapshot.passKeys)));

      off.push(
        context.inbound.on('device-event', async (topic, payload) => {
          if (topic.kind !== 'scan') return;
          const received = performance.now();
          const now = Date.now();
          const envelope = parseDeviceEvent(payload);
          const { config: device, driver, device: handle } = lookup(topic.deviceId);
          const scan = driver.fromDevice.scan(envelope);
          const id = eventId(device.id, scan.seq);

          const earlier = gate.journal.get(id, now);
          if (earlier) {
            // A retransmission (the device missed our answer): the same answer again, nothing new decided.
            await answer(handle, earlier.command);
            log.info({ deviceId: device.id, seq: scan.seq }, 'retransmitted scan answered again');
            return;
          }

          const online = gate.link.online;
          const outcome = decideScan({
            scan,
            device,
            snapshot: gate.cache.snapshot(),
            verifier,
            state: gate.state,
            online,
            now,
          });
          applyOutcome(gate.state, outcome, id, now);
          const command = commandFor(
            outcome,
            scan.seq,
            randomUUID(),
            device.pulseMs ?? config.gate.unlockPulseMs,
          );
          const event = accessEvent({ id, deviceId: device.id, scan, outcome, command, online, now });
          gate.journal.append(event);
          const decided = performance.now();
          await answer(handle, command);
          const sent = performance.now();
          gate.latency.record(sent - received);

          const { decision } = outcome;
          log.info(
            {
              deviceId: device.id,
              seq: scan.seq,
              personId: event.personId,
              result: event.result,
              reason: event.reason,
              detail: decision.allow ? undefined : decision.detail,
              offline: !online,
              ms: Number((sent - received).toFixed(2)),
            },
            'scan decided',
          );
          bus.emit('access.decision', { event, decisionMs: decided - received, commandMs: sent - received });
        }),
      );
    },
    async stop(): Promise<void> {
      for (const undo of off.splice(0)) undo();
    },
  };
}
