import type { ApiClient } from '../api/api-client.js';
import type { BridgeConfig } from '../config.js';
import type { BridgeEvents, EventBus } from '../event-bus.js';
import type { GateServices } from '../gate/services.js';
import type { Logger } from '../logger.js';
import type { MqttPublisher } from '../mqtt/client.js';
import type { InboundRegistry } from '../mqtt/router.js';
import type { BoundDevice } from './device-table.js';

/**
 * A unit of bridge behaviour with its own lifecycle (Zigbee2MQTT's extension model). Extensions never
 * touch each other: they talk through the bus, read device messages through the router and publish
 * through a publisher that cannot disconnect the bridge.
 */
export interface Extension {
  readonly name: string;
  /** Register handlers and listeners; the bridge subscribes to device topics only after every start. */
  start(): Promise<void>;
  /** Undo start; called in reverse start order, once, even if another extension's stop failed. */
  stop(): Promise<void>;
}

export interface ExtensionContext {
  readonly config: BridgeConfig;
  readonly logger: Logger;
  readonly bus: EventBus<BridgeEvents>;
  readonly inbound: InboundRegistry;
  readonly mqtt: MqttPublisher;
  /** Gate cache, gate state, journal, replay window: shared services, not extensions. */
  readonly gate: GateServices;
  /** The device registry bound to drivers; throws UnknownDeviceError (answered to the device) otherwise. */
  readonly devices: (deviceId: string) => BoundDevice;
  /** The API as this site's bridge account; undefined when no account is configured (cache file only). */
  readonly api: ApiClient | undefined;
}

export type ExtensionFactory = (context: ExtensionContext) => Extension;
