import { ApiClient } from './api/api-client.js';
import { ApiEventUploader } from './api/api-uploader.js';
import { startHealthPoll } from './api/health.js';
import { type BridgeConfig, ConfigError } from './config.js';
import { type BridgeEvents, EventBus, type EventSource } from './event-bus.js';
import { alarmUploadExtension } from './extensions/alarm-upload.js';
import { apiSyncExtension } from './extensions/api-sync.js';
import { availabilityExtension } from './extensions/availability.js';
import { cacheSyncExtension } from './extensions/cache-sync.js';
import { bindDevices } from './extensions/device-table.js';
import { eventUploadExtension } from './extensions/event-upload.js';
import type { Extension, ExtensionContext, ExtensionFactory } from './extensions/extension.js';
import { gateDecisionsExtension } from './extensions/gate-decisions.js';
import { heartbeatExtension } from './extensions/heartbeat.js';
import { interlockExtension } from './extensions/interlock.js';
import { remoteCommandsExtension } from './extensions/remote-commands.js';
import { simulatedTrafficExtension } from './extensions/simulated-traffic.js';
import type { LatencySummary } from './gate/latency.js';
import { type GateServiceOptions, openGateServices } from './gate/services.js';
import { createLogger, errorMessage, type Logger, redactUrl } from './logger.js';
import { connectBridgeClient } from './mqtt/client.js';
import { startEmbeddedBroker } from './mqtt/embedded-broker.js';
import { parseDeviceEvent } from './mqtt/payloads.js';
import { MessageRouter } from './mqtt/router.js';
import { topicFilters } from './mqtt/topics.js';

export interface RunningBridge {
  /** The broker devices should use: MQTT_URL, or the embedded broker's actual address. */
  readonly brokerUrl: string;
  /** Read-only view of the bus, for the platform's start script and tests. */
  readonly events: EventSource<BridgeEvents>;
  /** Scan-in to command-out times of recent gate decisions. */
  decisionLatency(): LatencySummary;
  /** Publishes the offline state, stops extensions and the embedded broker. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartOptions extends GateServiceOptions {
  /** Overrides the client built from BRIDGE_USERNAME/BRIDGE_PASSWORD (tests). */
  api?: ApiClient;
  /** Defaults to JSON logs at config.logLevel; the platform's start script may pass its own. */
  logger?: Logger;
}

// Order matters for stop (reverse): the uploader stops before the journal is closed, decisions stop
// before the cache sources. Commands start before the sync stream that delivers them.
const EXTENSIONS: readonly ExtensionFactory[] = [
  availabilityExtension,
  cacheSyncExtension,
  remoteCommandsExtension,
  apiSyncExtension,
  interlockExtension,
  gateDecisionsExtension,
  eventUploadExtension,
  alarmUploadExtension,
  heartbeatExtension,
  simulatedTrafficExtension,
];

export async function startBridge(config: BridgeConfig, options: StartOptions = {}): Promise<RunningBridge> {
  const logger = options.logger ?? createLogger(config.logLevel, config.siteId);
  if (config.mqtt.url === undefined && config.mqtt.protocolVersion === 5) {
    throw new ConfigError(['MQTT protocol 5 needs an external broker: Aedes speaks 3.1.1 only']);
  }

  // Everything started is undone in reverse, both on stop() and when a later start step fails.
  const undo: Array<{ what: string; run: () => Promise<void> | void }> = [];
  const unwind = async (): Promise<void> => {
    for (const step of undo.splice(0).reverse()) {
      try {
        await step.run();
      } catch (error) {
        logger.error({ step: step.what, err: errorMessage(error) }, 'shutdown step failed');
      }
    }
  };

  // With an API account the bridge syncs from the API, uploads to it and reports to it; without one it
  // decides from a cache file (GATE_CACHE_FILE) and keeps every event in its journal.
  const api =
    options.api ??
    (config.bridgeUsername || config.bridgeToken
      ? new ApiClient(
          config.apiUrl,
          { username: config.bridgeUsername, password: config.bridgePassword, token: config.bridgeToken },
          logger,
        )
      : undefined);

  try {
    // Disk first: a broken data directory should stop the bridge before any gate depends on it.
    const gate = await openGateServices(
      config,
      { ...options, uploader: options.uploader ?? (api ? new ApiEventUploader(api) : undefined) },
      logger,
    );
    undo.push({ what: 'gate state and journal', run: () => gate.close() });

    let brokerUrl = config.mqtt.url;
    if (brokerUrl === undefined) {
      const broker = await startEmbeddedBroker({ host: config.mqtt.host, port: config.mqtt.port, logger });
      undo.push({ what: 'embedded broker', run: () => broker.stop() });
      brokerUrl = broker.url;
    }

    const bus = new EventBus<BridgeEvents>((event, error) =>
      logger.error({ event: String(event), err: errorMessage(error) }, 'event listener failed'),
    );
    undo.push({ what: 'event bus', run: () => bus.clear() });
    // Without the sync stream, "online" means the health poll reaches the API; with it, the stream decides.
    if (!api) {
      bus.on('api.reachability', ({ reachable }) => {
        gate.services.link.online = reachable;
      });
    }

    const connection = await connectBridgeClient({
      url: brokerUrl,
      siteId: config.siteId,
      protocolVersion: config.mqtt.protocolVersion,
      logger,
    });
    undo.push({ what: 'mqtt', run: () => connection.close() });

    const router = new MessageRouter(config.siteId, connection, logger);
    connection.onMessage((topic, payload, packet) => void router.dispatch(topic, payload, packet));

    // Envelope validation belongs to the topic contract, not to one extension: a malformed event is
    // refused here even before the upload extension exists.
    router.on('device-event', (topic, payload) => {
      const envelope = parseDeviceEvent(payload);
      logger.debug({ deviceId: topic.deviceId, kind: topic.kind, seq: envelope.seq }, 'device event');
      bus.emit('device.event', { deviceId: topic.deviceId, kind: topic.kind, envelope });
    });

    const context: ExtensionContext = {
      config,
      logger,
      bus,
      inbound: router,
      mqtt: connection,
      gate: gate.services,
      devices: bindDevices(config.devices, config.siteId, connection),
      api,
    };
    for (const create of EXTENSIONS) {
      const extension: Extension = create(context);
      await extension.start();
      undo.push({ what: `extension ${extension.name}`, run: () => extension.stop() });
      logger.debug({ extension: extension.name }, 'extension started');
    }

    // Unwinds before the extensions and the MQTT connection: in-flight messages finish, and may still
    // reply, while their handlers and the connection are there.
    undo.push({ what: 'router drain', run: () => router.drain() });
    await connection.subscribe([
      topicFilters.deviceEvents(config.siteId),
      topicFilters.deviceStates(config.siteId),
    ]);

    if (!api) {
      const health = startHealthPoll({
        apiUrl: config.apiUrl,
        intervalMs: config.healthIntervalMs,
        logger,
        bus,
      });
      undo.push({ what: 'api health poll', run: () => health.stop() });
    }

    logger.info(
      {
        brokerUrl: redactUrl(brokerUrl),
        extensions: EXTENSIONS.length,
        devices: config.devices.length,
        dataDir: config.dataDir,
        gateCache: gate.services.cache.snapshot()?.cache.cursor ?? null,
      },
      'device bridge started',
    );

    let stopping: Promise<void> | undefined;
    return {
      brokerUrl,
      events: bus,
      decisionLatency: () => gate.services.latency.summary(),
      stop: () => {
        stopping ??= unwind().then(() => logger.info('device bridge stopped'));
        return stopping;
      },
    };
  } catch (error) {
    await unwind();
    throw error;
  }
}
