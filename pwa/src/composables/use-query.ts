import { type Ref, ref, shallowRef, type WatchSource, watch } from 'vue';
import type { TypedDocumentString } from '../gql/graphql';
import { useGraphQL } from './use-graphql';

export interface QueryState<TResult> {
  data: Ref<TResult | null>;
  error: Ref<unknown>;
  loading: Ref<boolean>;
  refetch(): Promise<void>;
}

/** Runs a query now and again whenever the variables change; a stale answer never overwrites a newer one. */
export function useQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: WatchSource<TVariables>,
): QueryState<TResult> {
  const client = useGraphQL();
  const data = shallowRef<TResult | null>(null);
  const error = shallowRef<unknown>(null);
  const loading = ref(false);
  let generation = 0;
  let latest: TVariables | undefined;

  async function run(vars: TVariables): Promise<void> {
    latest = vars;
    const mine = ++generation;
    loading.value = true;
    error.value = null;
    try {
      const result = await client.request(document, ...([vars] as [TVariables]));
      if (mine === generation) data.value = result;
    } catch (caught) {
      if (mine === generation) error.value = caught;
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  watch(variables, (vars) => void run(vars), { immediate: true, deep: true });
  return { data: data as Ref<TResult | null>, error, loading, refetch: () => run(latest as TVariables) };
}
