import { ConfigError } from '../config.js';
import type { DeviceConfig } from '../config-devices.js';
import { bindDevice, DRIVERS, type DriverDefinition } from '../drivers/index.js';
import type { Device } from '../kinds/index.js';
import type { MqttPublisher } from '../mqtt/client.js';
import { MalformedPayloadError } from '../mqtt/payloads.js';

export interface BoundDevice {
  config: DeviceConfig;
  driver: DriverDefinition;
  device: Device;
}

/** A device the registry does not list: refused with a reason its installer can act on. */
export class UnknownDeviceError extends MalformedPayloadError {
  override name = 'UnknownDeviceError';
  constructor(deviceId: string) {
    super(`device "${deviceId}" is not in the bridge's device registry`);
  }
}

/** The registry bound to drivers and the broker, once at start: a bad entry stops the bridge there. */
export function bindDevices(
  configs: readonly DeviceConfig[],
  siteId: string,
  mqtt: MqttPublisher,
): (deviceId: string) => BoundDevice {
  const table = new Map<string, BoundDevice>();
  const problems: string[] = [];
  for (const config of configs) {
    const driver = DRIVERS.get(config.driver);
    if (!driver) {
      problems.push(`device ${config.id}: unknown driver "${config.driver}"`);
      continue;
    }
    try {
      table.set(config.id, { config, driver, device: bindDevice(driver, config, siteId, mqtt) });
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return (deviceId) => {
    const bound = table.get(deviceId);
    if (!bound) throw new UnknownDeviceError(deviceId);
    return bound;
  };
}
