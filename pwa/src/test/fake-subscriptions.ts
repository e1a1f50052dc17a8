import type { SubscriptionHandle, SubscriptionHandlers } from '../composables/use-subscription';

export interface FakeSubscription {
  operation: string;
  variables: Record<string, unknown>;
  next(data: unknown): void;
  stopped: boolean;
}

/** Every subscription opened since the last reset, live or stopped. */
export const subscriptions: FakeSubscription[] = [];

/**
 * Stands in for ../composables/use-subscription, which would open a real WebSocket:
 * `vi.mock('…/use-subscription', async () => (await import('…/test/fake-subscriptions')).fakeSubscriptionModule())`.
 */
export function fakeSubscriptionModule() {
  const subscribe = (
    document: { toString(): string },
    variables: Record<string, unknown>,
    handlers: SubscriptionHandlers<unknown>,
  ): SubscriptionHandle => {
    const operation = /subscription\s+(\w+)/.exec(document.toString())?.[1] ?? '';
    const entry: FakeSubscription = { operation, variables, next: handlers.next, stopped: false };
    subscriptions.push(entry);
    return {
      ready: Promise.resolve(),
      stop: () => {
        entry.stopped = true;
      },
    };
  };
  return { subscribe, useSubscription: () => ({ subscribe }) };
}

/** The server publishes: every live subscription of `operation` receives `data`. */
export function push(operation: string, data: unknown): void {
  for (const entry of subscriptions) if (!entry.stopped && entry.operation === operation) entry.next(data);
}

export function live(operation: string): FakeSubscription[] {
  return subscriptions.filter((entry) => !entry.stopped && entry.operation === operation);
}

export function resetSubscriptions(): void {
  subscriptions.length = 0;
}
