import { type InjectionKey, type Ref, reactive, ref, shallowRef, watch } from 'vue';
import {
  PeopleDocument,
  type PeopleFilter,
  type PersonListItemFragment,
  type PersonStatus,
  type PersonType,
} from '../gql/graphql';
import { useGraphQL } from './use-graphql';

export interface PeopleFilterState {
  search: string;
  type: PersonType | '';
  status: PersonStatus | '';
}

export interface PeopleList {
  filter: PeopleFilterState;
  items: Ref<PersonListItemFragment[]>;
  total: Ref<number>;
  loading: Ref<boolean>;
  finished: Ref<boolean>;
  error: Ref<boolean>;
  loadMore(): Promise<void>;
  reload(): Promise<void>;
  /** Shows an edited person's new data without refetching every page. */
  replace(person: PersonListItemFragment): void;
  prepend(person: PersonListItemFragment): void;
  toInput(): PeopleFilter;
}

/** Lets the detail and form pages, shown beside the list on desktop, keep the list current. */
export const PEOPLE_LIST_KEY: InjectionKey<PeopleList> = Symbol('people-list');

export function usePeopleList(pageSize = 20): PeopleList {
  const client = useGraphQL();
  const filter = reactive<PeopleFilterState>({ search: '', type: '', status: '' });
  const items = shallowRef<PersonListItemFragment[]>([]);
  const total = ref(0);
  const loading = ref(false);
  const finished = ref(false);
  const error = ref(false);
  let generation = 0;

  function toInput(): PeopleFilter {
    return {
      search: filter.search.trim() || null,
      type: filter.type || null,
      status: filter.status || null,
    };
  }

  async function loadMore(): Promise<void> {
    const mine = generation;
    loading.value = true;
    try {
      const { people } = await client.request(PeopleDocument, {
        filter: toInput(),
        offset: items.value.length,
        limit: pageSize,
      });
      if (mine !== generation) return;
      items.value = [...items.value, ...people.items];
      total.value = people.total;
      finished.value = items.value.length >= people.total || people.items.length < pageSize;
    } catch {
      if (mine === generation) error.value = true;
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  function reload(): Promise<void> {
    generation++;
    items.value = [];
    total.value = 0;
    finished.value = false;
    error.value = false;
    return loadMore();
  }

  function replace(person: PersonListItemFragment): void {
    if (!items.value.some((p) => p.id === person.id)) return;
    items.value = items.value.map((p) => (p.id === person.id ? person : p));
  }

  function prepend(person: PersonListItemFragment): void {
    items.value = [person, ...items.value.filter((p) => p.id !== person.id)];
    total.value += 1;
  }

  watch(() => [filter.type, filter.status], reload);
  return { filter, items, total, loading, finished, error, loadMore, reload, replace, prepend, toInput };
}
