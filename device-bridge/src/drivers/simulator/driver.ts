import type { DriverDefinition } from '../driver.js';
import { genericJson } from '../generic-json/index.js';

export const SIMULATOR_DRIVER = 'simulator';

/**
 * Registry entries with `"driver": "simulator"` are devices the bridge simulates itself (the traffic
 * generator, SIM_TRAFFIC_PER_MIN). On the wire they are ordinary generic-JSON devices: the bridge
 * decides their scans exactly as a real lane's.
 */
export const simulatorDriver: DriverDefinition = { ...genericJson, name: SIMULATOR_DRIVER };
