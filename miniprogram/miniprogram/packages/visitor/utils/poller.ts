// "Live" status without graphql-ws (the WeChat runtime has no WebSocket GraphQL client here): ask
// again every few seconds while the page is visible. One request at a time; the next waits for it.

export interface Poller {
  /** Runs the task now, then every interval after each run ends. */
  start(): void;
  stop(): void;
}

export const POLL_INTERVAL_MS = 5_000;

export function createPoller(task: () => Promise<void>, intervalMs: number = POLL_INTERVAL_MS): Poller {
  let timer: ReturnType<typeof setTimeout> | null = null;
  // A run still in flight from before a stop/start must not start a second chain.
  let generation = 0;

  const run = async (own: number): Promise<void> => {
    try {
      await task();
    } catch {
      // The task shows its own failures; polling goes on so the page recovers when the network does.
    } finally {
      if (own === generation) timer = setTimeout(() => void run(own), intervalMs);
    }
  };

  const stop = (): void => {
    generation++;
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  return {
    start() {
      stop();
      void run(generation);
    },
    stop,
  };
}
