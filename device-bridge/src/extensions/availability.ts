import { parseAvailability } from '../mqtt/payloads.js';
import type { Extension, ExtensionContext } from './extension.js';

/**
 * Follows each device's retained `.../state` (which the device also sets as its last-will) and reports
 * changes. This is the source for "device online rate" and for telling a dead gate from a quiet one.
 */
export function availabilityExtension(context: ExtensionContext): Extension {
  const log = context.logger.child({ component: 'availability' });
  const known = new Map<string, boolean>();
  let unregister: (() => void) | undefined;

  return {
    name: 'availability',
    async start(): Promise<void> {
      unregister = context.inbound.on('device-state', (topic, payload) => {
        // An empty retained message is how MQTT deletes one: the device was decommissioned.
        if (payload.length === 0) {
          if (known.delete(topic.deviceId)) log.info({ deviceId: topic.deviceId }, 'device state cleared');
          return;
        }
        const { online } = parseAvailability(payload);
        const previous = known.get(topic.deviceId);
        if (previous === online) return;
        known.set(topic.deviceId, online);
        log.info({ deviceId: topic.deviceId, online, previous }, online ? 'device online' : 'device offline');
        context.bus.emit('device.availability', { deviceId: topic.deviceId, online, previous });
      });
    },
    async stop(): Promise<void> {
      unregister?.();
      known.clear();
    },
  };
}
