import { type Ref, ref, shallowRef, watch } from 'vue';
import { VisitDocument, type VisitFieldsFragment, VisitUpdatedDocument } from '../gql/graphql';
import { useGraphQL } from './use-graphql';
import { type SubscriptionHandle, useSubscription } from './use-subscription';
import { useVisibleInterval } from './use-visible-interval';

export interface LiveVisit {
  visit: Ref<VisitFieldsFragment | null>;
  loading: Ref<boolean>;
  error: Ref<unknown>;
  refresh(): Promise<void>;
  /** Takes a state the caller already has (the answer of a mutation). */
  show(visit: VisitFieldsFragment): void;
}

export interface LiveVisitOptions {
  /** Nothing to fetch when the caller hands the visit over (the walk-in's own answer). */
  initial?: VisitFieldsFragment | null;
  intervalMs?: number;
  onChange?: (visit: VisitFieldsFragment, before: VisitFieldsFragment | null) => void;
}

/**
 * One visit, kept current: visitUpdated pushes each decision the moment it is made (the guard sees the
 * host's answer without refreshing); a slow catch-up covers a socket that was down.
 */
export function useLiveVisit(id: () => string | null, options: LiveVisitOptions = {}): LiveVisit {
  const { intervalMs = 20_000, onChange } = options;
  const client = useGraphQL();
  const { subscribe } = useSubscription();
  const visit = shallowRef<VisitFieldsFragment | null>(options.initial ?? null);
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  let handle: SubscriptionHandle | null = null;
  let generation = 0;

  function show(next: VisitFieldsFragment): void {
    const before = visit.value;
    visit.value = next;
    if (before && before.status !== next.status) onChange?.(next, before);
  }

  async function refresh(): Promise<void> {
    const current = id();
    if (!current) return;
    const mine = generation;
    loading.value = true;
    try {
      const { visit: loaded } = await client.request(VisitDocument, { id: current });
      if (mine !== generation) return;
      show(loaded);
      error.value = null;
    } catch (caught) {
      if (mine === generation) error.value = caught;
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  watch(
    id,
    (current) => {
      generation++;
      handle?.stop();
      handle = null;
      if (visit.value && visit.value.id !== current) visit.value = null;
      if (!current) return;
      handle = subscribe(
        VisitUpdatedDocument,
        { visitId: current },
        {
          next: ({ visitUpdated }) => {
            if (visitUpdated.id === id()) show(visitUpdated);
          },
        },
      );
      // Handed over by a mutation: ask once more when the socket is up, for a decision made in between.
      if (visit.value?.id !== current) void refresh();
      else void handle.ready.then(refresh);
    },
    { immediate: true },
  );
  useVisibleInterval(refresh, intervalMs);

  return { visit, loading, error, refresh, show };
}
