import { randomBytes } from 'node:crypto';
import { MQTT_CONTRACT_VERSION } from '@park/schema/mqtt';
import { connect, type IClientPublishOptions, type IPublishPacket, type MqttClient } from 'mqtt';
import { errorMessage, type Logger, redactUrl } from '../logger.js';
import { encodePayload } from './payloads.js';
import { buildTopic } from './topics.js';

/** The slice of the MQTT client that extensions get: publish only, never connect/end. */
export interface MqttPublisher {
  publish(topic: string, payload: string, options?: IClientPublishOptions): Promise<void>;
}

export type MessageListener = (topic: string, payload: Buffer, packet: IPublishPacket) => void;

export interface BridgeConnection extends MqttPublisher {
  subscribe(filters: readonly string[]): Promise<void>;
  onMessage(listener: MessageListener): void;
  /** Publishes the retained offline state, then disconnects cleanly (so the will is not needed). */
  close(): Promise<void>;
}

export interface ConnectOptions {
  url: string;
  siteId: string;
  protocolVersion: 4 | 5;
  logger: Logger;
}

// The contract version rides on the bridge's state, so a device (or an installer's MQTT tool) sees
// which contract the bridge speaks before the first scan.
const ONLINE = encodePayload({ online: true, contract: MQTT_CONTRACT_VERSION });
const OFFLINE = encodePayload({ online: false, contract: MQTT_CONTRACT_VERSION });

/**
 * Resolves once the broker accepted the bridge and its online state is published. It keeps retrying
 * until then: at a plant the broker may boot after the bridge, and giving up would leave gates unserved.
 */
export async function connectBridgeClient(options: ConnectOptions): Promise<BridgeConnection> {
  const log = options.logger.child({ component: 'mqtt', url: redactUrl(options.url) });
  const stateTopic = buildTopic({ type: 'bridge-state', site: options.siteId });

  const client: MqttClient = connect(options.url, {
    // Random suffix: a restarted bridge must not be refused or kicked by its own ghost session.
    clientId: `park-bridge-${options.siteId}-${randomBytes(4).toString('hex')}`,
    protocolVersion: options.protocolVersion,
    clean: true,
    reconnectPeriod: 2_000,
    connectTimeout: 10_000,
    will: { topic: stateTopic, payload: Buffer.from(OFFLINE), qos: 1, retain: true },
  });

  const publish = async (topic: string, payload: string, publishOptions?: IClientPublishOptions) => {
    await client.publishAsync(topic, payload, publishOptions ?? {});
  };

  // After an unclean drop the broker has published our will, so "online" is re-announced on every
  // connect, not only the first one.
  let announced: Promise<void> = Promise.resolve();
  client.on('connect', () => {
    disableNagle(client);
    log.info('connected to MQTT broker');
    announced = publish(stateTopic, ONLINE, { qos: 1, retain: true }).catch((error: unknown) =>
      log.error({ err: errorMessage(error) }, 'could not publish online state'),
    );
  });
  client.on('offline', () => log.warn('MQTT broker unreachable, retrying'));
  client.on('error', (error) => log.warn({ err: errorMessage(error) }, 'MQTT client error'));

  // Not events.once(): it rejects on the first 'error' (ECONNREFUSED), while mqtt.js keeps retrying.
  // Registered after the listener above, so `announced` is already set when this resolves.
  await new Promise<void>((resolve) => client.once('connect', () => resolve()));
  await announced;

  return {
    publish,
    async subscribe(filters: readonly string[]): Promise<void> {
      await client.subscribeAsync([...filters], { qos: 1 });
    },
    onMessage(listener: MessageListener): void {
      client.on('message', listener);
    },
    async close(): Promise<void> {
      if (client.connected) {
        await publish(stateTopic, OFFLINE, { qos: 1, retain: true }).catch((error: unknown) =>
          log.warn({ err: errorMessage(error) }, 'could not publish offline state; the will covers it'),
        );
      }
      // Forced when disconnected: a graceful end would wait for a broker that is not there.
      await client.endAsync(!client.connected);
      log.info('disconnected from MQTT broker');
    },
  };
}

/**
 * Commands are tiny packets written right after a PUBACK: with Nagle's algorithm on, the second write
 * waits for the broker's delayed ACK (~40 ms on Linux), which measured as +44 ms on every scan. mqtt.js
 * does not expose the socket option, so it is set on each new connection's stream (TCP/TLS only;
 * WebSocket streams have no such switch and are skipped).
 */
export function disableNagle(client: MqttClient): void {
  const stream = client.stream as { setNoDelay?: (noDelay: boolean) => unknown } | undefined;
  stream?.setNoDelay?.(true);
}
