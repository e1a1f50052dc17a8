import { randomUUID } from 'node:crypto';
import { connectAsync, type IClientPublishOptions, type IPublishPacket, type MqttClient } from 'mqtt';

export interface ReceivedMessage {
  topic: string;
  json: unknown;
  packet: IPublishPacket;
}

/** A test-side MQTT client that plays a device or an observer and remembers everything it saw. */
export interface Probe {
  readonly client: MqttClient;
  subscribe(topic: string): Promise<void>;
  publish(topic: string, payload: string, options?: IClientPublishOptions): Promise<void>;
  /** The first message on `topic` matching `predicate`, already received or still to come. */
  waitFor(
    topic: string,
    predicate?: (json: unknown) => boolean,
    timeoutMs?: number,
  ): Promise<ReceivedMessage>;
  close(): Promise<void>;
}

export async function connectProbe(url: string, protocolVersion: 4 | 5 = 4): Promise<Probe> {
  const client = await connectAsync(url, {
    clientId: `probe-${randomUUID().slice(0, 8)}`,
    protocolVersion,
    reconnectPeriod: 0,
  });
  const seen: ReceivedMessage[] = [];
  client.on('message', (topic, payload, packet) => {
    let json: unknown;
    try {
      json = payload.length === 0 ? undefined : JSON.parse(payload.toString('utf8'));
    } catch {
      json = payload.toString('utf8');
    }
    seen.push({ topic, json, packet });
  });

  return {
    client,
    async subscribe(topic) {
      await client.subscribeAsync(topic, { qos: 1 });
    },
    async publish(topic, payload, options) {
      await client.publishAsync(topic, payload, { qos: 1, ...options });
    },
    waitFor(topic, predicate = () => true, timeoutMs = 5_000) {
      const matches = (m: ReceivedMessage) => m.topic === topic && predicate(m.json);
      const already = seen.find(matches);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          client.off('message', onMessage);
          reject(new Error(`no matching message on ${topic} within ${timeoutMs} ms`));
        }, timeoutMs);
        const onMessage = () => {
          const found = seen.find(matches);
          if (!found) return;
          clearTimeout(timer);
          client.off('message', onMessage);
          resolve(found);
        };
        client.on('message', onMessage);
      });
    },
    async close() {
      await client.endAsync();
    },
  };
}

/** Deletes retained messages a test left on a shared broker; an empty retained payload is MQTT's delete. */
export async function clearRetained(url: string, topics: readonly string[]): Promise<void> {
  const probe = await connectProbe(url);
  for (const topic of topics) await probe.publish(topic, '', { retain: true });
  await probe.close();
}

export function uniqueSiteId(prefix = 't'): string {
  return `${prefix}-${randomUUID().slice(0, 12)}`;
}
