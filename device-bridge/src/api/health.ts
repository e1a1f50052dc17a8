import type { BridgeEvents, EventBus } from '../event-bus.js';
import { errorMessage, type Logger } from '../logger.js';

export interface HealthPoll {
  stop(): void;
}

export interface HealthPollOptions {
  apiUrl: string;
  intervalMs: number;
  logger: Logger;
  bus: EventBus<BridgeEvents>;
}

/**
 * Polls `${API_URL}/health` so operators see in the bridge's own log whether the API is reachable.
 * Only changes are logged at info/warn: a bridge cut off for a night must not write a line every 10 s.
 * The real link to the API (graphql-ws sync) is a separate extension; this poll does not gate it.
 */
export function startHealthPoll(options: HealthPollOptions): HealthPoll {
  const log = options.logger.child({ component: 'api-health', url: `${options.apiUrl}/health` });
  const timeoutMs = Math.min(options.intervalMs, 5_000);
  let reachable: boolean | undefined;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: AbortController | undefined;
  let stopped = false;

  const report = (now: boolean, status: number | undefined, error: string | undefined): void => {
    log.debug({ reachable: now, status, error }, 'API health polled');
    if (now === reachable) return;
    reachable = now;
    if (now) log.info({ status }, 'API reachable');
    else log.warn({ status, error }, 'API unreachable');
    options.bus.emit('api.reachability', { reachable: now, status, error });
  };

  const poll = async (): Promise<void> => {
    inFlight = new AbortController();
    const signal = AbortSignal.any([inFlight.signal, AbortSignal.timeout(timeoutMs)]);
    try {
      const response = await fetch(`${options.apiUrl}/health`, { signal });
      await response.body?.cancel();
      if (!stopped) report(response.ok, response.status, response.ok ? undefined : response.statusText);
    } catch (error) {
      if (!stopped) report(false, undefined, errorMessage(error));
    } finally {
      inFlight = undefined;
      // setTimeout after each poll, not setInterval: a slow API must not pile up overlapping requests.
      // unref: the poll alone must not keep a stopped bridge's process alive.
      if (!stopped) timer = setTimeout(() => void poll(), options.intervalMs).unref();
    }
  };

  void poll();
  return {
    stop(): void {
      stopped = true;
      clearTimeout(timer);
      inFlight?.abort();
    },
  };
}
