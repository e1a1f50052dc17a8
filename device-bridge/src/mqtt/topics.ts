// The topic contract lives in `@park/schema/mqtt`, shared with the simulator, the protocol page and
// device adapters; the bridge uses it from here so its imports stay local.
export {
  type BridgeTopic,
  type BridgeTopicType,
  buildTopic,
  isTopicSegment,
  parseTopic,
  TOPIC_ROOT,
  TopicError,
  topicFilters,
} from '@park/schema/mqtt';
