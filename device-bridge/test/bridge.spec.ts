import { rm } from 'node:fs/promises';
import { MQTT_CONTRACT_VERSION } from '@park/schema/mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import type { BridgeEvents } from '../src/event-bus.js';
import { type BridgeConfig, buildTopic, type RunningBridge, startBridge } from '../src/index.js';
import { brokerTargets, externalBrokerUrl, testConfig } from './support/bridge-env.js';
import { clearRetained, connectProbe, type Probe } from './support/mqtt-probe.js';

function nextEvent<K extends keyof BridgeEvents>(
  bridge: RunningBridge,
  event: K,
  predicate: (payload: BridgeEvents[K]) => boolean = () => true,
): Promise<BridgeEvents[K]> {
  return new Promise((resolve) => {
    const off = bridge.events.on(event, (payload) => {
      if (!predicate(payload)) return;
      off();
      resolve(payload);
    });
  });
}

describe.each(brokerTargets)('the bridge on an $name', (target) => {
  let bridge: RunningBridge | undefined;
  let probes: Probe[] = [];
  let config: BridgeConfig;
  const retained: string[] = [];

  async function start(): Promise<RunningBridge> {
    config = testConfig(target);
    bridge = await startBridge(config);
    retained.push(buildTopic({ type: 'bridge-state', site: config.siteId }));
    return bridge;
  }

  async function probe(): Promise<Probe> {
    const p = await connectProbe(bridge!.brokerUrl);
    probes.push(p);
    return p;
  }

  afterEach(async () => {
    const url = bridge?.brokerUrl;
    await Promise.all(probes.map((p) => p.close()));
    probes = [];
    await bridge?.stop();
    bridge = undefined;
    if (config) await rm(config.dataDir, { recursive: true, force: true });
    // The embedded broker forgets on stop; a shared broker would keep our retained states forever.
    if (target.url !== undefined && url) await clearRetained(url, retained.splice(0));
    retained.length = 0;
  });

  it('announces itself online with a retained state', async () => {
    const running = await start();
    const observer = await probe();
    const stateTopic = buildTopic({ type: 'bridge-state', site: config.siteId });
    await observer.subscribe(stateTopic);

    const state = await observer.waitFor(stateTopic);
    expect(state.json).toEqual({ online: true, contract: MQTT_CONTRACT_VERSION });
    expect(state.packet.retain).toBe(true);
    expect(running.brokerUrl).toMatch(/^mqtt:\/\//);
  });

  it('answers a malformed device event with an error and keeps handling later messages', async () => {
    const running = await start();
    const device = await probe();
    const site = config.siteId;
    const errorTopic = buildTopic({ type: 'device-command', site, deviceId: 'gate-1', kind: 'error' });
    const eventTopic = buildTopic({ type: 'device-event', site, deviceId: 'gate-1', kind: 'passage' });
    const stateTopic = buildTopic({ type: 'device-state', site, deviceId: 'gate-1' });
    retained.push(stateTopic);
    await device.subscribe(errorTopic);

    await device.publish(eventTopic, '{"seq": 1, "card": ');
    const notJson = await device.waitFor(errorTopic);
    expect(notJson.json).toEqual({ status: 'error', reason: 'payload is not valid JSON', topic: eventTopic });

    await device.publish(eventTopic, JSON.stringify({ seq: -3 }));
    const badSeq = await device.waitFor(errorTopic, (json) => (json as { seq?: number }).seq === -3);
    expect(badSeq.json).toMatchObject({ status: 'error', reason: '"seq" must be a non-negative integer' });

    const online = nextEvent(running, 'device.availability', (e) => e.deviceId === 'gate-1');
    await device.publish(stateTopic, JSON.stringify({ online: true }), { retain: true });
    expect(await online).toEqual({ deviceId: 'gate-1', online: true, previous: undefined });

    const accepted = nextEvent(running, 'device.event');
    await device.publish(eventTopic, JSON.stringify({ seq: 2, card: 'A1B2' }));
    expect(await accepted).toMatchObject({ deviceId: 'gate-1', kind: 'passage', envelope: { seq: 2 } });
  });

  it('refuses a device state that is not {"online": boolean}', async () => {
    await start();
    const device = await probe();
    const errorTopic = buildTopic({
      type: 'device-command',
      site: config.siteId,
      deviceId: 'pos-7',
      kind: 'error',
    });
    const stateTopic = buildTopic({ type: 'device-state', site: config.siteId, deviceId: 'pos-7' });
    await device.subscribe(errorTopic);

    await device.publish(stateTopic, JSON.stringify({ online: 'yes' }));
    const reply = await device.waitFor(errorTopic);
    expect(reply.json).toEqual({ status: 'error', reason: '"online" must be a boolean', topic: stateTopic });
  });

  it('marks itself offline when stopped', async () => {
    const running = await start();
    const observer = await probe();
    const stateTopic = buildTopic({ type: 'bridge-state', site: config.siteId });
    await observer.subscribe(stateTopic);
    await observer.waitFor(stateTopic, (json) => (json as { online: boolean }).online === true);

    await running.stop();
    const offline = await observer.waitFor(
      stateTopic,
      (json) => (json as { online: boolean }).online === false,
    );
    expect(offline.json).toEqual({ online: false, contract: MQTT_CONTRACT_VERSION });

    // Only a broker that outlives the bridge can show the retained copy a late subscriber gets.
    if (target.url !== undefined) {
      const late = await probe();
      await late.subscribe(stateTopic);
      const retainedState = await late.waitFor(stateTopic);
      expect(retainedState.json).toEqual({ online: false, contract: MQTT_CONTRACT_VERSION });
      expect(retainedState.packet.retain).toBe(true);
    }
  });
});

describe.skipIf(externalBrokerUrl === undefined)('the bridge speaking MQTT 5 to an external broker', () => {
  it('answers on the device’s own response topic and echoes its correlation data', async () => {
    const base = testConfig({ name: 'external', url: externalBrokerUrl });
    const config: BridgeConfig = { ...base, mqtt: { ...base.mqtt, protocolVersion: 5 } };
    const bridge = await startBridge(config);
    const device = await connectProbe(bridge.brokerUrl, 5);
    try {
      const site = config.siteId;
      const eventTopic = buildTopic({ type: 'device-event', site, deviceId: 'qr-2', kind: 'scan' });
      const responseTopic = buildTopic({ type: 'device-command', site, deviceId: 'qr-2', kind: 'reply-1' });
      await device.subscribe(responseTopic);

      await device.publish(eventTopic, '[]', {
        properties: { responseTopic, correlationData: Buffer.from('req-42') },
      });
      const reply = await device.waitFor(responseTopic);
      expect(reply.json).toEqual({
        status: 'error',
        reason: 'payload must be a JSON object',
        topic: eventTopic,
      });
      expect(reply.packet.properties?.correlationData?.toString()).toBe('req-42');
    } finally {
      await device.close();
      await bridge.stop();
      await rm(config.dataDir, { recursive: true, force: true });
      await clearRetained(bridge.brokerUrl, [buildTopic({ type: 'bridge-state', site: config.siteId })]);
    }
  });
});
