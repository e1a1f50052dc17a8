import { describe, expect, it } from 'vitest';
import { type BridgeTopic, buildTopic, parseTopic, TopicError, topicFilters } from './topics.js';

describe('topic contract', () => {
  const examples: Array<[BridgeTopic, string]> = [
    [
      { type: 'device-event', site: 'plant-a', deviceId: 'gate_01', kind: 'passage' },
      'park/plant-a/dev/gate_01/evt/passage',
    ],
    [
      { type: 'device-command', site: 'plant-a', deviceId: 'gate_01', kind: 'open' },
      'park/plant-a/dev/gate_01/cmd/open',
    ],
    [{ type: 'device-state', site: 'plant-a', deviceId: 'POS-3' }, 'park/plant-a/dev/POS-3/state'],
    [{ type: 'bridge-state', site: 'plant-a' }, 'park/plant-a/bridge/state'],
  ];

  it.each(examples)('builds and parses %j as %s and back', (topic, text) => {
    expect(buildTopic(topic)).toBe(text);
    expect(parseTopic(text)).toEqual(topic);
  });

  it.each([
    ['another root', 'home/plant-a/dev/gate/state'],
    ['a missing kind', 'park/plant-a/dev/gate/evt'],
    ['an empty level', 'park/plant-a/dev//state'],
    ['a trailing slash', 'park/plant-a/dev/gate/state/'],
    ['an extra level', 'park/plant-a/dev/gate/evt/passage/more'],
    ['an unknown direction', 'park/plant-a/dev/gate/rsp/passage'],
    ['a single-level wildcard', 'park/plant-a/dev/+/state'],
    ['a multi-level wildcard', 'park/plant-a/#'],
    ['a bridge topic with a device id', 'park/plant-a/bridge/gate/state'],
    ['an unknown area', 'park/plant-a/zone/gate/state'],
    ['a space in an id', 'park/plant a/bridge/state'],
    ['nothing but the root', 'park'],
  ])('rejects a topic with %s', (_why, text) => {
    expect(parseTopic(text)).toBeUndefined();
  });

  it('refuses to build a topic from an id that would add levels or wildcards', () => {
    expect(() => buildTopic({ type: 'device-state', site: 'plant-a', deviceId: 'gate/1' })).toThrow(
      TopicError,
    );
    expect(() => buildTopic({ type: 'device-event', site: 'plant-a', deviceId: 'g', kind: '#' })).toThrow(
      TopicError,
    );
    expect(() => buildTopic({ type: 'bridge-state', site: '' })).toThrow(TopicError);
    expect(() => buildTopic({ type: 'bridge-state', site: 'x'.repeat(65) })).toThrow(TopicError);
  });

  it('subscribes with wildcards only where devices vary', () => {
    expect(topicFilters.deviceEvents('plant-a')).toBe('park/plant-a/dev/+/evt/+');
    expect(topicFilters.deviceStates('plant-a')).toBe('park/plant-a/dev/+/state');
    expect(() => topicFilters.deviceStates('+')).toThrow(TopicError);
  });
});
