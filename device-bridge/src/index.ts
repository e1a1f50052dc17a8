export { type RunningBridge, type StartOptions, startBridge } from './bridge.js';
export { type BridgeConfig, ConfigError, type LogLevel, loadConfig, type MqttConfig } from './config.js';
export type { BridgeEvents, EventSource } from './event-bus.js';
export type { AvailabilityPayload, DeviceEventEnvelope, ErrorReply } from './mqtt/payloads.js';
export { type BridgeTopic, buildTopic, parseTopic, topicFilters } from './mqtt/topics.js';
