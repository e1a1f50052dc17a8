import { isTopicSegment } from './mqtt/topics.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface MqttConfig {
  /** External broker (Mosquitto in production). Unset means: run the embedded Aedes broker. */
  url: string | undefined;
  /** Port of the embedded broker; 0 picks a free port (tests). Ignored when `url` is set. */
  port: number;
  /** Interface the embedded broker binds to. */
  host: string;
  /** Aedes speaks 3.1.1 only, so 5 is accepted for an external broker alone. */
  protocolVersion: 4 | 5;
}

export interface BridgeConfig {
  siteId: string;
  mqtt: MqttConfig;
  apiUrl: string;
  bridgeToken: string | undefined;
  logLevel: LogLevel;
  healthIntervalMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid device-bridge configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads and validates the environment once (STYLE convention 7). Every problem is collected so an
 * operator fixes the whole .env in one go instead of one restart per typo.
 */
export function loadConfig(env: Env = process.env): BridgeConfig {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };

  const siteId = read('SITE_ID') ?? 'demo';
  if (!isTopicSegment(siteId)) problems.push(`SITE_ID "${siteId}" must match [A-Za-z0-9_-]{1,64}`);

  const url = read('MQTT_URL');
  if (url !== undefined) checkUrl('MQTT_URL', url, ['mqtt:', 'mqtts:', 'ws:', 'wss:'], problems);
  const apiUrl = read('API_URL') ?? 'http://127.0.0.1:4000';
  checkUrl('API_URL', apiUrl, ['http:', 'https:'], problems);

  // 1884, not 1883: a system Mosquitto often owns 1883 already and the embedded broker must not fight it.
  const port = readInt('MQTT_PORT', read('MQTT_PORT'), 1884, 0, 65535, problems);
  const protocolVersion = readInt('MQTT_PROTOCOL_VERSION', read('MQTT_PROTOCOL_VERSION'), 4, 4, 5, problems);
  if (protocolVersion === 5 && url === undefined) {
    problems.push('MQTT_PROTOCOL_VERSION=5 needs MQTT_URL: the embedded Aedes broker speaks MQTT 3.1.1 only');
  }
  const healthIntervalMs = readInt(
    'API_HEALTH_INTERVAL_MS',
    read('API_HEALTH_INTERVAL_MS'),
    10_000,
    100,
    3_600_000,
    problems,
  );

  const logLevel = read('LOG_LEVEL') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problems.push(`LOG_LEVEL "${logLevel}" must be one of ${LOG_LEVELS.join(', ')}`);
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    siteId,
    mqtt: {
      url,
      port,
      host: read('MQTT_HOST') ?? '127.0.0.1',
      protocolVersion: protocolVersion as 4 | 5,
    },
    apiUrl: apiUrl.replace(/\/+$/, ''),
    bridgeToken: read('BRIDGE_TOKEN'),
    logLevel: logLevel as LogLevel,
    healthIntervalMs,
  };
}

function checkUrl(name: string, value: string, protocols: readonly string[], problems: string[]): void {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    problems.push(`${name} "${value}" is not a URL`);
    return;
  }
  if (!protocols.includes(parsed.protocol)) {
    problems.push(`${name} must use one of ${protocols.join(', ')} (got ${parsed.protocol})`);
  }
}

function readInt(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    problems.push(`${name} "${raw}" must be an integer between ${min} and ${max}`);
    return fallback;
  }
  return value;
}
