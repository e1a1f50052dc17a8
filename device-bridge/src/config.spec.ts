import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('runs with zero setup: demo site, embedded broker on 1884, local API', () => {
    expect(loadConfig({})).toEqual({
      siteId: 'demo',
      mqtt: { url: undefined, port: 1884, host: '127.0.0.1', protocolVersion: 4 },
      apiUrl: 'http://127.0.0.1:4000',
      bridgeToken: undefined,
      bridgeUsername: undefined,
      bridgePassword: undefined,
      heartbeatIntervalMs: 30_000,
      logLevel: 'info',
      healthIntervalMs: 10_000,
      dataDir: '.data/bridge',
      devices: [],
      gate: {
        unlockPulseMs: 3_000,
        commandAckTimeoutMs: 5_000,
        cacheFile: undefined,
        cacheRefreshMs: 30_000,
        uploadIntervalMs: 5_000,
      },
      simulator: { trafficPerMin: 20, seed: undefined },
    });
  });

  it('reads the device registry from DEVICES, filling in the generic JSON driver', () => {
    const config = loadConfig({
      DATA_DIR: '/var/lib/park-bridge',
      DEVICES: JSON.stringify([
        { id: 'lane-1', kind: 'turnstile', passagePointId: 'pp-1', direction: 'IN' },
        {
          id: 'lift-a',
          kind: 'elevator',
          passagePointId: 'pp-lift',
          direction: 'IN',
          pulseMs: 8000,
          floors: { '1': 'a1' },
        },
      ]),
    });
    expect(config.dataDir).toBe('/var/lib/park-bridge');
    expect(config.devices).toEqual([
      {
        id: 'lane-1',
        kind: 'turnstile',
        passagePointId: 'pp-1',
        direction: 'IN',
        driver: 'generic-json',
        pulseMs: undefined,
        floors: undefined,
      },
      {
        id: 'lift-a',
        kind: 'elevator',
        passagePointId: 'pp-lift',
        direction: 'IN',
        driver: 'generic-json',
        pulseMs: 8000,
        floors: { '1': 'a1' },
      },
    ]);
  });

  it('names every problem of every device entry', () => {
    const attempt = () =>
      loadConfig({
        DEVICES: JSON.stringify([
          { id: 'lane/1', kind: 'gate', passagePointId: '', direction: 'BOTH' },
          { id: 'ok', kind: 'door', passagePointId: 'p', direction: 'IN' },
          { id: 'ok', kind: 'door', passagePointId: 'p', direction: 'IN', pulseMs: 5 },
        ]),
      });
    try {
      attempt();
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'DEVICES[0]: "id" must match [A-Za-z0-9_-]{1,64}',
        'DEVICES[0]: "kind" must be reader, turnstile, door, barrier or elevator',
        'DEVICES[0]: "passagePointId" is required',
        'DEVICES[0]: "direction" must be "IN" or "OUT"',
        'DEVICES[2]: device "ok" is listed twice',
        'DEVICES[2]: "pulseMs" must be an integer between 100 and 60000',
      ]);
    }
  });

  it('refuses a DEVICES that is not JSON, and DEVICES together with DEVICES_FILE', () => {
    expect(() => loadConfig({ DEVICES: '[{' })).toThrow(/DEVICES is not valid JSON/);
    expect(() => loadConfig({ DEVICES: '[]', DEVICES_FILE: '/etc/devices.json' })).toThrow(/not both/);
    expect(() => loadConfig({ DEVICES_FILE: '/nonexistent/devices.json' })).toThrow(/ENOENT/);
  });

  it('reads every variable and treats blank values as unset', () => {
    const config = loadConfig({
      SITE_ID: 'plant-a',
      MQTT_URL: 'mqtt://bridge:secret@10.0.0.5:1883',
      MQTT_PROTOCOL_VERSION: '5',
      API_URL: 'https://api.plant-a.local/',
      BRIDGE_TOKEN: ' ',
      LOG_LEVEL: 'debug',
      MQTT_PORT: '0',
    });
    expect(config).toMatchObject({
      siteId: 'plant-a',
      mqtt: { url: 'mqtt://bridge:secret@10.0.0.5:1883', port: 0, protocolVersion: 5 },
      apiUrl: 'https://api.plant-a.local',
      bridgeToken: undefined,
      bridgeUsername: undefined,
      bridgePassword: undefined,
      heartbeatIntervalMs: 30_000,
      logLevel: 'debug',
    });
  });

  it('reports every problem at once', () => {
    const attempt = () =>
      loadConfig({ SITE_ID: 'plant/a', MQTT_URL: 'http://x', MQTT_PORT: '70000', LOG_LEVEL: 'loud' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(4);
    }
  });

  it('refuses MQTT 5 with the embedded broker, which speaks 3.1.1 only', () => {
    expect(() => loadConfig({ MQTT_PROTOCOL_VERSION: '5' })).toThrow(/MQTT_URL/);
  });
});
