import { type Ref, ref, shallowRef, watch } from 'vue';
import { type AccessEventFieldsFragment, type AccessEventFilter, AccessEventsDocument } from '../gql/graphql';
import { useGraphQL } from './use-graphql';
import { useVisibleInterval } from './use-visible-interval';

export interface AccessEventFeed {
  items: Ref<AccessEventFieldsFragment[]>;
  /** Events that arrived with the last refresh, to highlight them. */
  fresh: Ref<ReadonlySet<string>>;
  loading: Ref<boolean>;
  finished: Ref<boolean>;
  error: Ref<unknown>;
  lastUpdated: Ref<Date | null>;
  live: Ref<boolean>;
  setLive(on: boolean): void;
  refresh(): Promise<void>;
  loadMore(): Promise<void>;
}

export interface AccessEventFeedOptions {
  pageSize?: number;
  intervalMs?: number;
}

/**
 * The passage feed of the security console: newest first, topped up every few seconds while the page
 * is visible, older pages on demand. Polling lives only here; an access-event subscription will
 * replace the timer without the page noticing. `filter` is read again at every refresh, so a
 * relative range ("the last hour") keeps sliding.
 */
export function useAccessEventFeed(
  filter: () => AccessEventFilter,
  { pageSize = 50, intervalMs = 5000 }: AccessEventFeedOptions = {},
): AccessEventFeed {
  const client = useGraphQL();
  const items = shallowRef<AccessEventFieldsFragment[]>([]);
  const fresh = shallowRef<ReadonlySet<string>>(new Set());
  const loading = ref(false);
  const finished = ref(false);
  const error = shallowRef<unknown>(null);
  const lastUpdated = shallowRef<Date | null>(null);
  let generation = 0;
  let refreshing = false;

  async function fetchPage(offset: number): Promise<AccessEventFieldsFragment[]> {
    const { accessEvents } = await client.request(AccessEventsDocument, {
      filter: filter(),
      offset,
      limit: pageSize,
    });
    return accessEvents;
  }

  async function refresh(): Promise<void> {
    if (refreshing) return;
    refreshing = true;
    const mine = generation;
    try {
      const page = await fetchPage(0);
      if (mine !== generation) return;
      const known = new Set(items.value.map((event) => event.id));
      const arrived = page.filter((event) => !known.has(event.id));
      // No overlap means more arrived than a page holds: start over rather than leave a hole.
      if (!items.value.length || arrived.length === page.length) {
        fresh.value = new Set(items.value.length ? arrived.map((event) => event.id) : []);
        items.value = page;
        finished.value = page.length < pageSize;
      } else {
        fresh.value = new Set(arrived.map((event) => event.id));
        if (arrived.length) items.value = [...arrived, ...items.value];
      }
      error.value = null;
      lastUpdated.value = new Date();
    } catch (caught) {
      if (mine === generation) error.value = caught;
    } finally {
      refreshing = false;
    }
  }

  async function loadMore(): Promise<void> {
    if (finished.value) return;
    const mine = generation;
    loading.value = true;
    try {
      const page = await fetchPage(items.value.length);
      if (mine !== generation) return;
      const known = new Set(items.value.map((event) => event.id));
      items.value = [...items.value, ...page.filter((event) => !known.has(event.id))];
      finished.value = page.length < pageSize;
    } catch (caught) {
      if (mine === generation) error.value = caught;
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  async function reset(): Promise<void> {
    const mine = ++generation;
    refreshing = false;
    items.value = [];
    fresh.value = new Set();
    finished.value = false;
    loading.value = true;
    await refresh();
    if (mine === generation) loading.value = false;
  }

  const interval = useVisibleInterval(refresh, intervalMs);
  watch(filter, () => void reset(), { immediate: true });

  return {
    items,
    fresh,
    loading,
    finished,
    error,
    lastUpdated,
    live: interval.running,
    setLive: (on) => (on ? interval.resume() : interval.pause()),
    refresh,
    loadMore,
  };
}
