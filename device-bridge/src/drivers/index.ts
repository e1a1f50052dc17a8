import type { DriverDefinition } from './driver.js';
import { genericJson } from './generic-json/index.js';
import { simulatorDriver } from './simulator/driver.js';

export { bindDevice } from './bind-device.js';
export type { DriverDefinition, OutboundFrame } from './driver.js';

/** Every driver by the name a registry entry's `driver` field uses. */
export const DRIVERS: ReadonlyMap<string, DriverDefinition> = new Map([
  [genericJson.name, genericJson],
  [simulatorDriver.name, simulatorDriver],
]);
