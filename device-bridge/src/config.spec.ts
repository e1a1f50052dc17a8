import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('runs with zero setup: demo site, embedded broker on 1884, local API', () => {
    expect(loadConfig({})).toEqual({
      siteId: 'demo',
      mqtt: { url: undefined, port: 1884, host: '127.0.0.1', protocolVersion: 4 },
      apiUrl: 'http://127.0.0.1:4000',
      bridgeToken: undefined,
      logLevel: 'info',
      healthIntervalMs: 10_000,
    });
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
