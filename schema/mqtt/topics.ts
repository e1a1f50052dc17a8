// Building and reading topics of the contract. Every topic the bridge or a device builds or accepts
// goes through here, so a typo cannot create a topic nobody listens to.
//
//   park/{site}/dev/{deviceId}/evt/{kind}   device → bridge, one event, carries a device-local seq
//   park/{site}/dev/{deviceId}/cmd/{kind}   bridge → device (including cmd/error replies)
//   park/{site}/dev/{deviceId}/state        device availability, retained, device's last-will
//   park/{site}/bridge/state                bridge availability, retained, bridge's last-will
import { type BridgeTopic, TOPIC_ROOT } from './contract.js';

// Site, device and kind become single topic levels: no '/', no wildcards, nothing a shell or a log
// viewer would mangle. The limit keeps topics far below broker limits.
const SEGMENT = /^[A-Za-z0-9_-]{1,64}$/;

export function isTopicSegment(value: string): boolean {
  return SEGMENT.test(value);
}

export class TopicError extends Error {
  override name = 'TopicError';
}

function segment(label: string, value: string): string {
  if (!isTopicSegment(value)) throw new TopicError(`${label} "${value}" is not a valid topic segment`);
  return value;
}

export function buildTopic(topic: BridgeTopic): string {
  const site = `${TOPIC_ROOT}/${segment('site', topic.site)}`;
  switch (topic.type) {
    case 'bridge-state':
      return `${site}/bridge/state`;
    case 'device-state':
      return `${site}/dev/${segment('deviceId', topic.deviceId)}/state`;
    case 'device-event':
      return `${site}/dev/${segment('deviceId', topic.deviceId)}/evt/${segment('kind', topic.kind)}`;
    case 'device-command':
      return `${site}/dev/${segment('deviceId', topic.deviceId)}/cmd/${segment('kind', topic.kind)}`;
  }
}

/** Returns undefined for anything outside the contract, wildcards and empty levels included. */
export function parseTopic(topic: string): BridgeTopic | undefined {
  const levels = topic.split('/');
  if (levels[0] !== TOPIC_ROOT || !levels.slice(1).every(isTopicSegment)) return undefined;
  const [, site, area, id, leaf, kind] = levels;

  if (area === 'bridge') {
    return levels.length === 4 && id === 'state' ? { type: 'bridge-state', site } : undefined;
  }
  if (area !== 'dev') return undefined;
  if (levels.length === 5 && leaf === 'state') return { type: 'device-state', site, deviceId: id };
  if (levels.length !== 6) return undefined;
  if (leaf === 'evt') return { type: 'device-event', site, deviceId: id, kind };
  if (leaf === 'cmd') return { type: 'device-command', site, deviceId: id, kind };
  return undefined;
}

/** Subscription filters: the only place wildcards appear. */
export const topicFilters = {
  deviceEvents: (site: string): string => `${TOPIC_ROOT}/${segment('site', site)}/dev/+/evt/+`,
  deviceStates: (site: string): string => `${TOPIC_ROOT}/${segment('site', site)}/dev/+/state`,
  /** What one device listens to (the simulator, a device adapter). */
  deviceCommands: (site: string, deviceId: string): string =>
    `${TOPIC_ROOT}/${segment('site', site)}/dev/${segment('deviceId', deviceId)}/cmd/+`,
  /** Every command of a site: a console or a test watching the bridge's answers. */
  allCommands: (site: string): string => `${TOPIC_ROOT}/${segment('site', site)}/dev/+/cmd/+`,
} as const;
