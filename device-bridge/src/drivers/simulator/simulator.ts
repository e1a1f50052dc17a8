import { randomBytes } from 'node:crypto';
import { connectAsync } from 'mqtt';
import { disableNagle } from '../../mqtt/client.js';
import { buildTopic, parseTopic, topicFilters } from '../../mqtt/topics.js';
import { SimulatedTurnstile } from './simulated-turnstile.js';

export interface SimulatorOptions {
  brokerUrl: string;
  siteId: string;
  /** One simulated lane per id; the bridge's device registry should list them. */
  deviceIds: readonly string[];
  /** How long a scan waits for its answer before failing. */
  answerTimeoutMs?: number;
}

export interface TurnstileSimulator {
  readonly devices: readonly SimulatedTurnstile[];
  device(id: string): SimulatedTurnstile;
  /** Publishes each lane offline (or, with forget, deletes its retained state) and disconnects. */
  close(options?: { forget?: boolean }): Promise<void>;
}

/**
 * N turnstile lanes on one MQTT connection, on exactly the topics real devices use: for the demo and
 * for tests that go through the real broker and the real bridge.
 */
export async function startSimulator(options: SimulatorOptions): Promise<TurnstileSimulator> {
  const client = await connectAsync(options.brokerUrl, {
    clientId: `park-sim-${options.siteId}-${randomBytes(4).toString('hex')}`,
    protocolVersion: 4,
    clean: true,
    reconnectPeriod: 1_000,
  });
  // Like a real controller's firmware should: a scan frame must not wait for a delayed ACK.
  disableNagle(client);
  client.on('connect', () => disableNagle(client));
  const timeoutMs = options.answerTimeoutMs ?? 5_000;
  const lanes = new Map(
    options.deviceIds.map((id) => [id, new SimulatedTurnstile(id, options.siteId, client, timeoutMs)]),
  );
  client.on('message', (topicName, payload) => {
    const topic = parseTopic(topicName);
    if (topic?.type !== 'device-command') return;
    let json: unknown;
    try {
      json = JSON.parse(payload.toString('utf8'));
    } catch {
      return;
    }
    lanes.get(topic.deviceId)?.receive(topic.kind, json as Record<string, unknown>);
  });
  await client.subscribeAsync(
    options.deviceIds.map((id) => topicFilters.deviceCommands(options.siteId, id)),
    { qos: 1 },
  );
  const stateTopic = (deviceId: string) =>
    buildTopic({ type: 'device-state', site: options.siteId, deviceId });
  for (const id of options.deviceIds) {
    await client.publishAsync(stateTopic(id), JSON.stringify({ online: true }), { qos: 1, retain: true });
  }

  return {
    devices: [...lanes.values()],
    device(id: string): SimulatedTurnstile {
      const lane = lanes.get(id);
      if (!lane) throw new Error(`the simulator has no device ${id}`);
      return lane;
    },
    async close({ forget = false } = {}): Promise<void> {
      const state = forget ? '' : JSON.stringify({ online: false });
      for (const id of options.deviceIds) {
        await client.publishAsync(stateTopic(id), state, { qos: 1, retain: true });
      }
      await client.endAsync();
    },
  };
}
