import type { IPublishPacket } from 'mqtt';
import { errorMessage, type Logger } from '../logger.js';
import type { MqttPublisher } from './client.js';
import { type ErrorReply, encodePayload, MAX_PAYLOAD_BYTES, MalformedPayloadError } from './payloads.js';
import { type BridgeTopic, buildTopic, parseTopic } from './topics.js';

/** Inbound topics: what devices publish and the bridge subscribes to. */
export type InboundType = 'device-event' | 'device-state';
export type InboundTopic<T extends InboundType = InboundType> = Extract<BridgeTopic, { type: T }>;

export type InboundHandler<T extends InboundType> = (
  topic: InboundTopic<T>,
  payload: Buffer,
  packet: IPublishPacket,
) => void | Promise<void>;

/** What extensions see of the router: they register handlers, the bridge feeds messages. */
export interface InboundRegistry {
  on<T extends InboundType>(type: T, handler: InboundHandler<T>): () => void;
}

/**
 * Every message is handled in its own try/catch (STYLE convention 8): a refused message is logged with
 * its device and answered with {status:"error"}; nothing a device sends can stop the bridge.
 * Messages of one device are handled in arrival order, because its sequence numbers and state changes
 * only mean something in order; different devices do not wait for each other.
 */
export class MessageRouter implements InboundRegistry {
  private readonly handlers: { [K in InboundType]: Set<InboundHandler<K>> } = {
    'device-event': new Set(),
    'device-state': new Set(),
  };
  private readonly queues = new Map<string, Promise<void>>();
  private readonly log: Logger;

  constructor(
    private readonly siteId: string,
    private readonly mqtt: MqttPublisher,
    logger: Logger,
  ) {
    this.log = logger.child({ component: 'router' });
  }

  on<T extends InboundType>(type: T, handler: InboundHandler<T>): () => void {
    const set: Set<InboundHandler<T>> = this.handlers[type];
    set.add(handler);
    return () => set.delete(handler);
  }

  /** Never rejects. Returns when this message (and those queued before it for its device) are done. */
  dispatch(topicName: string, payload: Buffer, packet: IPublishPacket): Promise<void> {
    const topic = parseTopic(topicName);
    if (
      !topic ||
      topic.site !== this.siteId ||
      (topic.type !== 'device-event' && topic.type !== 'device-state')
    ) {
      this.log.warn({ topic: topicName }, 'ignoring message outside the topic contract');
      return Promise.resolve();
    }
    const previous = this.queues.get(topic.deviceId) ?? Promise.resolve();
    const current = previous.then(() => this.handle(topic.type, topic, topicName, payload, packet));
    this.queues.set(topic.deviceId, current);
    // Drop the queue entry once idle so a site with many transient devices does not grow the map forever.
    void current.then(() => {
      if (this.queues.get(topic.deviceId) === current) this.queues.delete(topic.deviceId);
    });
    return current;
  }

  /** Waits for every queued message; used on shutdown so no message is cut off halfway. */
  async drain(): Promise<void> {
    while (this.queues.size > 0) await Promise.all(this.queues.values());
  }

  private async handle<T extends InboundType>(
    type: T,
    topic: InboundTopic<T>,
    topicName: string,
    payload: Buffer,
    packet: IPublishPacket,
  ): Promise<void> {
    let failure: unknown;
    // A copy: a handler unregistering itself mid-message must not skip its neighbour.
    const handlers: Set<InboundHandler<T>> = this.handlers[type];
    for (const handler of [...handlers]) {
      try {
        await handler(topic, payload, packet);
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure !== undefined) await this.refuse(topic, topicName, payload, packet, failure);
  }

  private async refuse(
    topic: InboundTopic,
    topicName: string,
    payload: Buffer,
    packet: IPublishPacket,
    error: unknown,
  ): Promise<void> {
    const expected = error instanceof MalformedPayloadError;
    // Internal failures are our bug: the device gets a generic reason, the log gets the details.
    const reason = expected ? error.message : 'internal error';
    const seq = peekSeq(payload);
    const context = { deviceId: topic.deviceId, topic: topicName, seq, reason };
    if (expected) this.log.warn(context, 'refused device message');
    else this.log.error({ ...context, err: error }, 'device message handler failed');

    const reply: ErrorReply = {
      status: 'error',
      reason,
      topic: topicName,
      ...(seq === undefined ? {} : { seq }),
    };
    const target = replyTopic(this.siteId, topic.deviceId, packet.properties?.responseTopic);
    const correlationData = packet.properties?.correlationData;
    try {
      await this.mqtt.publish(target, encodePayload(reply), {
        qos: 1,
        ...(correlationData ? { properties: { correlationData } } : {}),
      });
    } catch (publishError) {
      this.log.warn(
        { deviceId: topic.deviceId, err: errorMessage(publishError) },
        'could not send error reply',
      );
    }
  }
}

/**
 * An MQTT 5 response topic is honoured only inside the sender's own command space: otherwise a device
 * could make the bridge publish onto another device's topics, or onto topics the bridge itself consumes.
 */
export function replyTopic(siteId: string, deviceId: string, responseTopic: string | undefined): string {
  const requested = responseTopic === undefined ? undefined : parseTopic(responseTopic);
  if (requested?.type === 'device-command' && requested.site === siteId && requested.deviceId === deviceId) {
    return responseTopic as string;
  }
  return buildTopic({ type: 'device-command', site: siteId, deviceId, kind: 'error' });
}

/** Best effort, for logs and replies only: the transaction id of a message that failed validation. */
function peekSeq(payload: Buffer): number | undefined {
  if (payload.length > MAX_PAYLOAD_BYTES) return undefined;
  try {
    const seq: unknown = JSON.parse(payload.toString('utf8'))?.seq;
    return typeof seq === 'number' && Number.isSafeInteger(seq) ? seq : undefined;
  } catch {
    return undefined;
  }
}
