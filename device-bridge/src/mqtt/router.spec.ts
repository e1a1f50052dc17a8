import type { IPublishPacket } from 'mqtt';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { MqttPublisher } from './client.js';
import { MalformedPayloadError } from './payloads.js';
import { MessageRouter, replyTopic } from './router.js';

const packet = {
  cmd: 'publish',
  topic: '',
  payload: '',
  qos: 0,
  dup: false,
  retain: false,
} as IPublishPacket;

function recordingPublisher(): MqttPublisher & { sent: Array<{ topic: string; payload: unknown }> } {
  const sent: Array<{ topic: string; payload: unknown }> = [];
  return {
    sent,
    async publish(topic, payload) {
      sent.push({ topic, payload: JSON.parse(payload) });
    },
  };
}

describe('MessageRouter', () => {
  const silent = pino({ level: 'silent' });

  it('handles one device in arrival order even when a handler is slow', async () => {
    const router = new MessageRouter('s', recordingPublisher(), silent);
    const order: number[] = [];
    router.on('device-event', async (_topic, payload) => {
      const seq = Number(payload.toString());
      if (seq === 1) await new Promise((resolve) => setTimeout(resolve, 20));
      order.push(seq);
    });
    await Promise.all([
      router.dispatch('park/s/dev/d/evt/k', Buffer.from('1'), packet),
      router.dispatch('park/s/dev/d/evt/k', Buffer.from('2'), packet),
    ]);
    expect(order).toEqual([1, 2]);
  });

  it('hides internal failures behind a generic reason and still runs the other handlers', async () => {
    const mqtt = recordingPublisher();
    const router = new MessageRouter('s', mqtt, silent);
    let secondRan = false;
    router.on('device-state', () => {
      throw new TypeError('cannot read properties of undefined');
    });
    router.on('device-state', () => {
      secondRan = true;
    });
    await router.dispatch('park/s/dev/d/state', Buffer.from('{"seq":9}'), packet);
    expect(secondRan).toBe(true);
    expect(mqtt.sent).toEqual([
      {
        topic: 'park/s/dev/d/cmd/error',
        payload: { status: 'error', reason: 'internal error', topic: 'park/s/dev/d/state', seq: 9 },
      },
    ]);
  });

  it('ignores topics of another site without answering', async () => {
    const mqtt = recordingPublisher();
    const router = new MessageRouter('s', mqtt, silent);
    router.on('device-event', () => {
      throw new MalformedPayloadError('never');
    });
    await router.dispatch('park/other/dev/d/evt/k', Buffer.from('x'), packet);
    expect(mqtt.sent).toEqual([]);
  });
});

describe('replyTopic', () => {
  it('honours a response topic inside the sender’s own command space', () => {
    expect(replyTopic('s', 'd', 'park/s/dev/d/cmd/reply-7')).toBe('park/s/dev/d/cmd/reply-7');
  });

  it.each([
    ['absent', undefined],
    ['another device', 'park/s/dev/other/cmd/reply'],
    ['another site', 'park/t/dev/d/cmd/reply'],
    ['a topic the bridge consumes', 'park/s/dev/d/state'],
    ['outside the contract', 'anything/else'],
  ])('falls back to cmd/error when the response topic is %s', (_why, responseTopic) => {
    expect(replyTopic('s', 'd', responseTopic)).toBe('park/s/dev/d/cmd/error');
  });
});
