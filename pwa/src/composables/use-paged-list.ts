import { type Ref, ref, shallowRef } from 'vue';

export interface PagedList<T extends { id: string }> {
  items: Ref<T[]>;
  loading: Ref<boolean>;
  finished: Ref<boolean>;
  error: Ref<unknown>;
  /** Starts again from the first page. */
  reload(): Promise<void>;
  loadMore(): Promise<void>;
  /** Puts a changed item in its place (after a mutation returned it). */
  replace(item: T): void;
}

/** A newest-first list read page by page (offset/limit); a stale answer never lands after a reload. */
export function usePagedList<T extends { id: string }>(
  fetchPage: (offset: number, limit: number) => Promise<T[]>,
  pageSize = 20,
): PagedList<T> {
  const items = shallowRef<T[]>([]);
  const loading = ref(false);
  const finished = ref(false);
  const error = shallowRef<unknown>(null);
  let generation = 0;

  async function load(offset: number): Promise<void> {
    const mine = generation;
    loading.value = true;
    try {
      const page = await fetchPage(offset, pageSize);
      if (mine !== generation) return;
      const known = new Set(offset ? items.value.map((item) => item.id) : []);
      const fresh = page.filter((item) => !known.has(item.id));
      items.value = offset ? [...items.value, ...fresh] : page;
      finished.value = page.length < pageSize;
      error.value = null;
    } catch (caught) {
      if (mine === generation) error.value = caught;
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  return {
    items,
    loading,
    finished,
    error,
    reload() {
      generation++;
      finished.value = false;
      return load(0);
    },
    loadMore() {
      return finished.value || loading.value ? Promise.resolve() : load(items.value.length);
    },
    replace(item) {
      items.value = items.value.map((old) => (old.id === item.id ? item : old));
    },
  };
}
