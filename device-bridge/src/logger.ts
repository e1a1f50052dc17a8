import { type Logger, pino } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger };

/** JSON lines on stdout: the plant's log shipper parses them, so no pretty-printing in the process. */
export function createLogger(level: LogLevel, siteId: string): Logger {
  return pino({ level, base: { svc: 'device-bridge', site: siteId } });
}

/**
 * Keeps log lines free of stack-trace noise for expected failures. The cause is kept because Node's
 * fetch says only "fetch failed" and hides the useful part (ECONNREFUSED, ENOTFOUND) there.
 */
export function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const detail = cause?.code ?? cause?.message;
  return typeof detail === 'string' ? `${error.message} (${detail})` : error.message;
}

/** MQTT_URL may carry broker credentials (mqtt://user:pass@host); they must never reach a log line. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<invalid url>';
  }
}
