import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { issuePassBatch } from '@park/core';
import {
  type AccessEvent,
  type BridgeConfig,
  type BridgeEvents,
  buildTopic,
  type EventUploader,
  type GateConfig,
  type RunningBridge,
  startBridge,
  startSimulator,
  type TurnstileSimulator,
} from '../../src/index.js';
import { type BrokerTarget, testConfig } from './bridge-env.js';
import { DEVICES, type GateSite } from './gate-site.js';
import { clearRetained } from './mqtt-probe.js';

/** A bridge with the gate registry plus simulated lanes on the same broker: one run of a scenario. */
export interface GateRun {
  bridge: RunningBridge;
  config: BridgeConfig;
  sim: TurnstileSimulator;
  decisions: Array<BridgeEvents['access.decision']>;
  /**
   * The first `count` decisions. A device can hold its answer before the bridge's own publish is
   * acknowledged (and the decision announced), so tests wait rather than read `decisions` at once.
   */
  decided(count: number): Promise<Array<BridgeEvents['access.decision']>>;
  stop(): Promise<void>;
}

export interface GateRunOptions {
  /** Hand the bridge this site's cache through a cache source; without it the bridge has only its disk. */
  site?: GateSite;
  /** Reuse a data directory and site id: a restart. */
  dataDir?: string;
  siteId?: string;
  uploader?: EventUploader;
  gate?: Partial<GateConfig>;
}

export async function startGateRun(target: BrokerTarget, options: GateRunOptions = {}): Promise<GateRun> {
  const base = testConfig(target);
  const config: BridgeConfig = {
    ...base,
    siteId: options.siteId ?? base.siteId,
    dataDir: options.dataDir ?? base.dataDir,
    devices: DEVICES,
    gate: { ...base.gate, ...options.gate },
  };
  const { site } = options;
  const bridge = await startBridge(config, {
    cacheSource: site ? { name: 'test', fetch: async () => site.cache } : undefined,
    uploader: options.uploader,
  });
  const decisions: GateRun['decisions'] = [];
  bridge.events.on('access.decision', (d) => {
    decisions.push(d);
  });
  const sim = await startSimulator({
    brokerUrl: bridge.brokerUrl,
    siteId: config.siteId,
    deviceIds: DEVICES.map((d) => d.id),
  });
  return {
    bridge,
    config,
    sim,
    decisions,
    async decided(count) {
      const deadline = Date.now() + 5_000;
      while (decisions.length < count) {
        if (Date.now() > deadline)
          throw new Error(`only ${decisions.length} of ${count} decisions announced`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return decisions.slice(0, count);
    },
    async stop(): Promise<void> {
      await sim.close({ forget: true });
      await bridge.stop();
      // Only a shared broker keeps the bridge's retained state after the run.
      if (target.url !== undefined) {
        await clearRetained(target.url, [buildTopic({ type: 'bridge-state', site: config.siteId })]);
      }
    },
  };
}

export async function removeDataDir(config: BridgeConfig | undefined): Promise<void> {
  if (config) await rm(config.dataDir, { recursive: true, force: true });
}

/** A pass as the phone would show it now: signed by the site's pass key, bound to a fresh phone. */
export async function passFor(site: GateSite, personId: string): Promise<string> {
  const batch = await issuePassBatch(site.signer, {
    personId,
    installationId: randomUUID(),
    from: Date.now(),
    count: 1,
  });
  return batch.codes[0]!.token;
}

/** Every line of the journal, parsed. */
export async function journalLines(dataDir: string): Promise<AccessEvent[]> {
  const text = await readFile(join(dataDir, 'journal.jsonl'), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as AccessEvent);
}
