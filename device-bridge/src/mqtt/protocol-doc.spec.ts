// docs/mqtt-protocol.md cannot drift from the contract: every example on the page is read here and
// checked against the contract's validators, and every broken example must get exactly the error
// reply the page shows from the bridge's own router and driver.
import { readFileSync } from 'node:fs';
import {
  type BridgeTopic,
  DEVICE_COMMAND_KINDS,
  DEVICE_EVENT_KINDS,
  parseTopic,
  validateMessage,
} from '@park/schema/mqtt';
import type { IPublishPacket } from 'mqtt';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { genericJson } from '../drivers/generic-json/index.js';
import { parseAvailability, parseDeviceEvent } from './payloads.js';
import { MessageRouter } from './router.js';

interface Example {
  topicName: string;
  topic: BridgeTopic;
  invalid: boolean;
  text: string;
  json: unknown;
  line: number;
}

const PAGE = new URL('../../../docs/mqtt-protocol.md', import.meta.url);
const BLOCK = /^```json[ \t]+(\S+)([ \t]+invalid)?[ \t]*\n([\s\S]*?)^```[ \t]*$/gm;

function readExamples(): Example[] {
  const page = readFileSync(PAGE, 'utf8');
  return [...page.matchAll(BLOCK)].map((match) => {
    const [, topicName, invalid, text] = match;
    const line = page.slice(0, match.index).split('\n').length;
    const topic = parseTopic(topicName);
    if (!topic)
      throw new Error(`docs/mqtt-protocol.md:${line}: "${topicName}" is not a topic of the contract`);
    return { topicName, topic, invalid: invalid !== undefined, text, json: JSON.parse(text), line };
  });
}

const examples = readExamples();
const named = (e: Example) => `${e.topicName} (line ${e.line})`;
const valid = examples.filter((e) => !e.invalid);
const broken = examples.filter((e) => e.invalid).map((e) => [named(e), e] as const);

/** What the bridge publishes for one message, through its router with the generic JSON driver. */
async function bridgeReply(example: Example): Promise<Array<{ topic: string; json: unknown }>> {
  const sent: Array<{ topic: string; json: unknown }> = [];
  const router = new MessageRouter(
    example.topic.site,
    { publish: async (topic, payload) => void sent.push({ topic, json: JSON.parse(payload) }) },
    pino({ level: 'silent' }),
  );
  router.on('device-event', (topic, payload) => {
    const envelope = parseDeviceEvent(payload);
    if (topic.kind === 'scan') genericJson.fromDevice.scan(envelope);
    if (topic.kind === 'door') genericJson.fromDevice.door(envelope);
  });
  router.on('device-state', (_topic, payload) => {
    parseAvailability(payload);
  });
  await router.dispatch(example.topicName, Buffer.from(example.text), {} as IPublishPacket);
  return sent;
}

describe('the protocol page (docs/mqtt-protocol.md)', () => {
  it('has examples to check', () => {
    expect(valid.length).toBeGreaterThan(20);
    expect(broken.length).toBeGreaterThan(2);
  });

  it.each(valid.map((e) => [named(e), e] as const))('shows a valid message on %s', (_name, example) => {
    const result = validateMessage(example.topic, example.json);
    expect(result).toMatchObject({ ok: true });
    // Nothing on the page that the contract would silently drop.
    if (result.ok) expect(result.value).toEqual(example.json);
  });

  it('shows every event, command and availability message of the contract', () => {
    const shown = new Set(
      valid.map((e) => ('kind' in e.topic ? `${e.topic.type}/${e.topic.kind}` : e.topic.type)),
    );
    const expected = [
      ...DEVICE_EVENT_KINDS.map((k) => `device-event/${k}`),
      ...DEVICE_COMMAND_KINDS.map((k) => `device-command/${k}`),
      'device-state',
      'bridge-state',
    ];
    expect([...shown].sort()).toEqual(expected.sort());
  });

  it.each(broken)('shows the bridge’s exact reply to the broken message on %s', async (_name, example) => {
    expect(validateMessage(example.topic, example.json)).toMatchObject({ ok: false });
    const shownReply = examples[examples.indexOf(example) + 1];
    expect(shownReply?.topicName).toMatch(/\/cmd\/error$/);
    expect(await bridgeReply(example)).toEqual([{ topic: shownReply.topicName, json: shownReply.json }]);
  });

  it('lets the router accept the valid events and availability it shows', async () => {
    for (const example of valid.filter(
      (e) => e.topic.type === 'device-event' || e.topic.type === 'device-state',
    )) {
      expect(await bridgeReply(example), named(example)).toEqual([]);
    }
  });
});
