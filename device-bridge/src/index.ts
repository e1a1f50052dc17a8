export { type RunningBridge, type StartOptions, startBridge } from './bridge.js';
export { type CacheSource, FileCacheSource } from './cache/cache-source.js';
export {
  type BridgeConfig,
  ConfigError,
  type DeviceConfig,
  type GateConfig,
  type LogLevel,
  loadConfig,
  type MqttConfig,
} from './config.js';
export * from './drivers/simulator/index.js';
export type { BridgeEvents, EventSource } from './event-bus.js';
export type { LatencySummary } from './gate/latency.js';
export type { AccessEvent } from './journal/access-event.js';
export { type EventUploader, noopUploader } from './journal/uploader.js';
export type { Watermark } from './journal/watermark.js';
export type * from './kinds/index.js';
export type { AvailabilityPayload, DeviceEventEnvelope, ErrorReply } from './mqtt/payloads.js';
export { type BridgeTopic, buildTopic, parseTopic, topicFilters } from './mqtt/topics.js';
