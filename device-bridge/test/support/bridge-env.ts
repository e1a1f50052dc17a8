import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BridgeConfig } from '../../src/config.js';
import { uniqueSiteId } from './mqtt-probe.js';

export interface BrokerTarget {
  name: string;
  /** undefined: the bridge starts its embedded broker on a free port. */
  url: string | undefined;
}

const external = process.env.MQTT_URL?.trim() || undefined;

/** Scenario tests run once per target: always embedded, and against MQTT_URL too when it is set. */
export const brokerTargets: readonly BrokerTarget[] = [
  { name: 'embedded Aedes broker', url: undefined },
  ...(external ? [{ name: 'external broker (MQTT_URL)', url: external }] : []),
];

export const externalBrokerUrl: string | undefined = external;

/** A fresh, empty data directory; tests remove it when done. */
export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'park-bridge-'));
}

/**
 * A fresh site and data directory per test, so parallel runs on one shared broker never see each
 * other's retained state, and no test inherits another's cache or journal.
 */
export function testConfig(target: BrokerTarget, overrides: Partial<BridgeConfig> = {}): BridgeConfig {
  return {
    siteId: uniqueSiteId(),
    mqtt: { url: target.url, port: 0, host: '127.0.0.1', protocolVersion: 4 },
    // Port 9 (discard) is closed on any sane box: the health poll fails fast and quietly.
    apiUrl: 'http://127.0.0.1:9',
    bridgeToken: undefined,
    bridgeUsername: undefined,
    bridgePassword: undefined,
    heartbeatIntervalMs: 60_000,
    logLevel: 'silent',
    healthIntervalMs: 60_000,
    dataDir: tempDataDir(),
    devices: [],
    gate: {
      unlockPulseMs: 3_000,
      commandAckTimeoutMs: 5_000,
      cacheFile: undefined,
      cacheRefreshMs: 60_000,
      uploadIntervalMs: 60_000,
    },
    ...overrides,
  };
}
