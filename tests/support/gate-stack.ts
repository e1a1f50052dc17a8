import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BRIDGE_PASSWORD, createBridgeAccount, type TestEnvironment } from '@park/api/testing';
import {
  type BridgeConfig,
  type DeviceConfig,
  type RunningBridge,
  startBridge,
  startSimulator,
  type TurnstileSimulator,
} from '@park/device-bridge';

export interface GateStack {
  bridge: RunningBridge;
  sim: TurnstileSimulator;
  config: BridgeConfig;
  /** Resolves once the bridge's cache reached the API's cursor at call time (or later). */
  synced(): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

let sites = 0;

/**
 * A site bridge logged in to the API as its own account, on the real broker (MQTT_URL, or the
 * embedded Aedes broker), with simulated devices on the topics a real turnstile would use.
 */
export async function startGateStack(
  env: TestEnvironment,
  devices: DeviceConfig[],
  bridgeUser = 'bridge-site',
): Promise<GateStack> {
  await createBridgeAccount(env, bridgeUser);
  const siteId = `it${process.pid}x${++sites}`;
  const config: BridgeConfig = {
    siteId,
    mqtt: { url: process.env.MQTT_URL?.trim() || undefined, port: 0, host: '127.0.0.1', protocolVersion: 4 },
    apiUrl: env.url,
    bridgeToken: undefined,
    bridgeUsername: bridgeUser,
    bridgePassword: BRIDGE_PASSWORD,
    heartbeatIntervalMs: 60_000,
    logLevel: (process.env.TEST_LOG_LEVEL as BridgeConfig['logLevel']) ?? 'silent',
    healthIntervalMs: 60_000,
    dataDir: mkdtempSync(join(tmpdir(), 'park-stack-')),
    devices,
    gate: {
      unlockPulseMs: 3_000,
      commandAckTimeoutMs: 5_000,
      cacheFile: undefined,
      cacheRefreshMs: 60_000,
      uploadIntervalMs: 200,
    },
  };
  let bridge = await startBridge(config);
  // The embedded broker's port must survive a bridge restart, or the simulated devices lose it.
  if (config.mqtt.url === undefined) config.mqtt.port = Number(new URL(bridge.brokerUrl).port);
  const sim = await startSimulator({
    brokerUrl: bridge.brokerUrl,
    siteId,
    deviceIds: devices.map((d) => d.id),
  });
  let cursor = '';
  const watch = (b: RunningBridge) =>
    b.events.on('gate.cache', (e) => {
      cursor = e.cursor;
    });
  watch(bridge);
  const stack: GateStack = {
    get bridge() {
      return bridge;
    },
    sim,
    config,
    async synced() {
      const [{ seq }] = await env
        .context()
        .em.getConnection()
        .execute<{ seq: string }[]>('select max(seq) as seq from audit_entry');
      const target = BigInt(seq ?? 0);
      const started = Date.now();
      while (cursor === '' || BigInt(cursor) < target) {
        if (Date.now() - started > 10_000)
          throw new Error(`bridge stuck at cursor ${cursor}, API at ${target}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async restart() {
      await bridge.stop();
      bridge = await startBridge(config);
      watch(bridge);
    },
    async stop() {
      await sim.close({ forget: true });
      await bridge.stop();
      rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
  return stack;
}
