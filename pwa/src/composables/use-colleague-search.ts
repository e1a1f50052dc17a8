import { type ComputedRef, computed, onScopeDispose, type Ref, ref, shallowRef, watch } from 'vue';
import { VisitHostsDocument, type VisitHostsQuery } from '../gql/graphql';
import { useErrorText, useGraphQL } from './use-graphql';

export type Colleague = VisitHostsQuery['visitHosts'][number];

export interface ColleagueSearch {
  keyword: Ref<string>;
  results: Ref<Colleague[]>;
  searching: Ref<boolean>;
  /** The server's message when the last search failed, empty otherwise. */
  error: Ref<string>;
  /** Long enough for the server to answer: two characters of a name, or digits of a phone. */
  searchable: ComputedRef<boolean>;
  /** Searches at once (the keyboard's search key) instead of after the pause. */
  searchNow(): Promise<void>;
}

const DEBOUNCE_MS = 300;

// The server lists nobody for a single character (a surname alone would list the plant).
const isSearchable = (term: string): boolean => [...term].length >= 2 || /^\d+$/.test(term);

/** Finds active employees by name or phone (visitHosts): the host of a walk-in, a visit's escorts. */
export function useColleagueSearch(): ColleagueSearch {
  const client = useGraphQL();
  const errorText = useErrorText();
  const keyword = ref('');
  const results = shallowRef<Colleague[]>([]);
  const searching = ref(false);
  const error = ref('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  async function search(term: string): Promise<void> {
    const mine = ++generation;
    if (!isSearchable(term)) {
      results.value = [];
      searching.value = false;
      return;
    }
    searching.value = true;
    try {
      const { visitHosts } = await client.request(VisitHostsDocument, { keyword: term });
      if (mine !== generation) return;
      results.value = visitHosts;
      error.value = '';
    } catch (caught) {
      if (mine === generation) error.value = errorText(caught);
    } finally {
      if (mine === generation) searching.value = false;
    }
  }

  // Typing a name letter by letter should not send a request per letter.
  watch(keyword, (value) => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(value.trim()), DEBOUNCE_MS);
  });
  onScopeDispose(() => clearTimeout(timer));

  return {
    keyword,
    results,
    searching,
    error,
    searchable: computed(() => isSearchable(keyword.value.trim())),
    searchNow: () => {
      clearTimeout(timer);
      return search(keyword.value.trim());
    },
  };
}
