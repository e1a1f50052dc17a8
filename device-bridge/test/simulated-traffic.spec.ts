import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseTopic, validateMessage } from '@park/schema/mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type BridgeConfig,
  type BridgeEvents,
  buildTopic,
  type RunningBridge,
  SIM_SEQ_FILE,
  SIMULATOR_DRIVER,
  startBridge,
  topicFilters,
} from '../src/index.js';
import { brokerTargets, testConfig } from './support/bridge-env.js';
import { removeDataDir } from './support/gate-harness.js';
import { buildGateSite, DEVICES, type GateSite } from './support/gate-site.js';
import { clearRetained, connectProbe, type Probe } from './support/mqtt-probe.js';

interface Seen {
  topic: string;
  json: Record<string, unknown>;
}

/** A bridge whose registry lists the gate site's devices as simulated, with its traffic on. */
async function run(config: BridgeConfig, site: GateSite) {
  const bridge = await startBridge(config, { cacheSource: { name: 'test', fetch: async () => site.cache } });
  const decisions: Array<BridgeEvents['access.decision']> = [];
  bridge.events.on('access.decision', (d) => {
    decisions.push(d);
  });
  const probe = await connectProbe(bridge.brokerUrl);
  const seen: Seen[] = [];
  probe.client.on('message', (topic, payload) => {
    if (payload.length > 0) seen.push({ topic, json: JSON.parse(payload.toString('utf8')) });
  });
  await probe.subscribe(topicFilters.allCommands(config.siteId));
  await probe.subscribe(topicFilters.deviceEvents(config.siteId));
  return { bridge, probe, seen, decisions };
}

async function until(what: string, done: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const commands = (seen: Seen[], kind: string) => seen.filter((s) => s.topic.endsWith(`/cmd/${kind}`));

/** The seqs each device published, in order. */
function eventSeqs(seen: Seen[]): Map<string, number[]> {
  const seqs = new Map<string, number[]>();
  for (const { topic, json } of seen) {
    const parsed = parseTopic(topic);
    if (parsed?.type !== 'device-event') continue;
    seqs.set(parsed.deviceId, [...(seqs.get(parsed.deviceId) ?? []), json.seq as number]);
  }
  return seqs;
}

describe.each(brokerTargets)('simulated traffic on an $name', (target) => {
  let bridge: RunningBridge | undefined;
  let probe: Probe | undefined;
  let config: BridgeConfig | undefined;

  afterEach(async () => {
    await probe?.close();
    await bridge?.stop();
    if (config && target.url !== undefined) {
      await clearRetained(target.url, [
        buildTopic({ type: 'bridge-state', site: config.siteId }),
        ...DEVICES.map((d) => buildTopic({ type: 'device-state', site: config!.siteId, deviceId: d.id })),
      ]);
    }
    await removeDataDir(config);
    bridge = probe = config = undefined;
  });

  it('has the simulated devices scan through the broker, answered with unlock and deny, seqs kept across a restart', async () => {
    const site = await buildGateSite();
    const base = testConfig(target);
    config = {
      ...base,
      devices: DEVICES.map((d) => ({ ...d, driver: SIMULATOR_DRIVER })),
      simulator: { trafficPerMin: 1_200, seed: 5 },
    };

    const first = await run(config, site);
    ({ bridge, probe } = first);
    await until(
      'an unlock and a deny',
      () => commands(first.seen, 'unlock').length > 0 && commands(first.seen, 'deny').length > 0,
    );

    // Everything on the wire is the contract's, and every answer is to a scan a simulated device made.
    const scans = new Set(
      first.seen.filter((s) => s.topic.endsWith('/evt/scan')).map((s) => `${s.topic}#${s.json.seq}`),
    );
    const firstSeen = new Map([...eventSeqs(first.seen)].map(([id, list]) => [id, list[0]]));
    for (const { topic, json } of first.seen) {
      const parsed = parseTopic(topic)!;
      expect(validateMessage(parsed, json), `${topic} ${JSON.stringify(json)}`).toMatchObject({ ok: true });
      // Answers to scans made before the probe subscribed are the only ones without a scan seen.
      const answer = parsed.type === 'device-command' && (parsed.kind === 'unlock' || parsed.kind === 'deny');
      if (answer && (json.seq as number) >= (firstSeen.get(parsed.deviceId) ?? Number.POSITIVE_INFINITY)) {
        const scan = buildTopic({
          type: 'device-event',
          site: parsed.site,
          deviceId: parsed.deviceId,
          kind: 'scan',
        });
        expect(scans.has(`${scan}#${json.seq}`), `${scan}#${json.seq}`).toBe(true);
      }
    }
    expect(commands(first.seen, 'error')).toEqual([]);
    for (const list of eventSeqs(first.seen).values()) {
      expect(list).toEqual([...list].sort((a, b) => a - b));
      expect(new Set(list).size).toBe(list.length);
    }

    await probe.close();
    probe = undefined;
    await bridge.stop();
    bridge = undefined;
    const saved = JSON.parse(await readFile(join(config.dataDir, SIM_SEQ_FILE), 'utf8')) as {
      devices: Record<string, number>;
    };
    for (const [deviceId, list] of eventSeqs(first.seen)) {
      expect(saved.devices[deviceId]).toBeGreaterThanOrEqual(Math.max(...list));
    }

    // Same site, same data directory: the devices carry on counting, and the bridge decides afresh.
    const second = await run(config, site);
    ({ bridge, probe } = second);
    await until('decisions after the restart', () => second.decisions.length >= 5);
    for (const [deviceId, list] of eventSeqs(second.seen)) {
      expect(Math.min(...list), deviceId).toBeGreaterThan(saved.devices[deviceId] ?? 0);
    }
    for (const { event } of second.decisions) {
      expect(event.seq).toBeGreaterThan(saved.devices[event.deviceId]);
    }
  });
});
