import { readFileSync } from 'node:fs';
import { type DeviceConfig, parseDevices } from './config-devices.js';
import { isTopicSegment } from './mqtt/topics.js';

export type { DeviceConfig };

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

export interface GateConfig {
  /** Unlock pulse for devices that do not set their own. */
  unlockPulseMs: number;
  /** A gate cache exported to a file (GATE_CACHE_FILE), polled as the cache source until the API sync exists. */
  cacheFile: string | undefined;
  cacheRefreshMs: number;
  /** How often the journal is offered to the uploader when nothing new nudges it. */
  uploadIntervalMs: number;
}

export interface BridgeConfig {
  siteId: string;
  mqtt: MqttConfig;
  apiUrl: string;
  bridgeToken: string | undefined;
  logLevel: LogLevel;
  healthIntervalMs: number;
  /** Gate cache, gate state, journal and its watermark live here; must survive restarts. */
  dataDir: string;
  devices: readonly DeviceConfig[];
  gate: GateConfig;
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

  const gate: GateConfig = {
    unlockPulseMs: readInt('UNLOCK_PULSE_MS', read('UNLOCK_PULSE_MS'), 3_000, 100, 60_000, problems),
    cacheFile: read('GATE_CACHE_FILE'),
    cacheRefreshMs: readInt(
      'GATE_CACHE_REFRESH_MS',
      read('GATE_CACHE_REFRESH_MS'),
      30_000,
      100,
      86_400_000,
      problems,
    ),
    uploadIntervalMs: readInt(
      'UPLOAD_INTERVAL_MS',
      read('UPLOAD_INTERVAL_MS'),
      5_000,
      50,
      3_600_000,
      problems,
    ),
  };
  const devices = readDevices(read('DEVICES'), read('DEVICES_FILE'), problems);

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
    dataDir: read('DATA_DIR') ?? '.data/bridge',
    devices,
    gate,
  };
}

/** DEVICES holds the registry inline (containers, tests); DEVICES_FILE points at it (a plant's dozens of lanes). */
function readDevices(
  inline: string | undefined,
  file: string | undefined,
  problems: string[],
): DeviceConfig[] {
  if (inline !== undefined && file !== undefined) {
    problems.push('set DEVICES or DEVICES_FILE, not both');
    return [];
  }
  const source = inline !== undefined ? 'DEVICES' : 'DEVICES_FILE';
  let text = inline;
  if (file !== undefined) {
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      problems.push(`DEVICES_FILE "${file}" cannot be read (${(error as NodeJS.ErrnoException).code})`);
      return [];
    }
  }
  if (text === undefined) return [];
  try {
    return parseDevices(JSON.parse(text), source, problems);
  } catch {
    problems.push(`${source} is not valid JSON`);
    return [];
  }
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
