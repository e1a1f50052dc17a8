import { parseDeviceEvent } from '../mqtt/payloads.js';
import type { Extension, ExtensionContext } from './extension.js';

/**
 * Follows door contacts (`evt/door`) into the gate state, so a mantrap door is refused
 * (INTERLOCK_BUSY) while another door of its group stands open. Forced-open and held-open alarms will
 * listen to the same events.
 */
export function interlockExtension(context: ExtensionContext): Extension {
  const log = context.logger.child({ component: 'interlock' });
  let unregister: (() => void) | undefined;

  return {
    name: 'interlock',
    async start(): Promise<void> {
      const lookup = context.devices;
      unregister = context.inbound.on('device-event', (topic, payload) => {
        if (topic.kind !== 'door') return;
        const { config, driver } = lookup(topic.deviceId);
        const event = driver.fromDevice.door(parseDeviceEvent(payload));
        if (context.gate.state.doorChanged(config.passagePointId, event.open)) {
          log.info(
            { deviceId: config.id, passagePointId: config.passagePointId, open: event.open },
            'door contact',
          );
        }
      });
    },
    async stop(): Promise<void> {
      unregister?.();
    },
  };
}
