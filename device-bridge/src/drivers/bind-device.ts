import type { DeviceConfig } from '../config-devices.js';
import type { Device } from '../kinds/index.js';
import type { MqttPublisher } from '../mqtt/client.js';
import { buildTopic } from '../mqtt/topics.js';
import type { DriverDefinition, OutboundFrame } from './driver.js';

/**
 * A registry entry bound to its driver and the broker: the capability interface of its kind, so the
 * rest of the bridge says `device.unlock(command)` and never builds a topic or a frame itself.
 */
export function bindDevice(
  driver: DriverDefinition,
  config: DeviceConfig,
  siteId: string,
  mqtt: MqttPublisher,
): Device {
  if (!driver.kinds.includes(config.kind)) {
    throw new Error(`driver ${driver.name} cannot drive device ${config.id} of kind ${config.kind}`);
  }
  const topics = new Map<string, string>();
  const send = async (frame: OutboundFrame): Promise<void> => {
    let topic = topics.get(frame.kind);
    if (topic === undefined) {
      topic = buildTopic({ type: 'device-command', site: siteId, deviceId: config.id, kind: frame.kind });
      topics.set(frame.kind, topic);
    }
    // QoS 1: a command lost on a flaky link would leave a person standing at a closed gate.
    await mqtt.publish(topic, frame.payload, { qos: 1 });
  };
  const base = {
    id: config.id,
    readsCredentials: true as const,
    deny: (command: Parameters<DriverDefinition['toDevice']['deny']>[0]) =>
      send(driver.toDevice.deny(command)),
    unlock: (command: Parameters<DriverDefinition['toDevice']['unlock']>[0]) =>
      send(driver.toDevice.unlock(command)),
  };
  switch (config.kind) {
    case 'door':
      return { ...base, kind: 'door', reportsDoorState: true };
    case 'reader':
      return { ...base, kind: 'reader' };
    case 'turnstile':
      return { ...base, kind: 'turnstile' };
    case 'barrier':
      return { ...base, kind: 'barrier' };
    case 'elevator':
      return { ...base, kind: 'elevator' };
  }
}
