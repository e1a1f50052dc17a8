// `@park/schema/mqtt`: the typed MQTT contract (types, topic builder/parser, pure validators).
export * from './contract.js';
export { buildTopic, isTopicSegment, parseTopic, TopicError, topicFilters } from './topics.js';
export {
  type Validation,
  validateBridgeState,
  validateDeviceCommand,
  validateDeviceEvent,
  validateDeviceState,
  validateEnvelope,
  validateMessage,
} from './validate.js';
