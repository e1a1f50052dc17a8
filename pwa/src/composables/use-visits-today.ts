import { type ComputedRef, computed, type Ref, ref, shallowRef } from 'vue';
import { type VisitFieldsFragment, VisitsTodayDocument, VisitUpdatedDocument } from '../gql/graphql';
import { belongsToday, mergeVisit, visitCounts } from '../lib/visit-status';
import { useGraphQL } from './use-graphql';
import { useSubscription } from './use-subscription';
import { useVisibleInterval } from './use-visible-interval';

export interface VisitsToday {
  /** Every visit of today, as the server listed them, with live changes applied. */
  items: Ref<VisitFieldsFragment[]>;
  counts: ComputedRef<ReturnType<typeof visitCounts>>;
  /** Changed or arrived over the subscription while the page was open. */
  fresh: Ref<ReadonlySet<string>>;
  loading: Ref<boolean>;
  error: Ref<unknown>;
  refresh(): Promise<void>;
  /** Puts a visit's new state (after check-out or cancel) in its place. */
  replace(visit: VisitFieldsFragment): void;
}

export interface VisitsTodayOptions {
  /** The subscription is the fast path; this catch-up covers changes made while the socket was down. */
  intervalMs?: number;
  /** `before` is the state the list had, if it had the visit. */
  onUpdate?: (visit: VisitFieldsFragment, before: VisitFieldsFragment | undefined) => void;
}

/**
 * The security desk's visits of today. All statuses are fetched at once (a plant sees tens of visits a
 * day, not thousands) so each filter tab can show its count and switching tabs costs no round trip.
 */
export function useVisitsToday({ intervalMs = 30_000, onUpdate }: VisitsTodayOptions = {}): VisitsToday {
  const client = useGraphQL();
  const { subscribe } = useSubscription();
  const items = shallowRef<VisitFieldsFragment[]>([]);
  const fresh = shallowRef<ReadonlySet<string>>(new Set());
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  let generation = 0;

  async function refresh(): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    try {
      const { visitsToday } = await client.request(VisitsTodayDocument, { status: null });
      if (mine !== generation) return;
      items.value = visitsToday;
      error.value = null;
    } catch (caught) {
      if (mine === generation) error.value = caught;
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  subscribe(
    VisitUpdatedDocument,
    { visitId: null },
    {
      next: ({ visitUpdated }) => {
        const before = items.value.find((visit) => visit.id === visitUpdated.id);
        // A booking made now for next week is news for its host, not for today's desk.
        if (!before && !belongsToday(visitUpdated)) return;
        items.value = mergeVisit(items.value, visitUpdated);
        fresh.value = new Set([...fresh.value, visitUpdated.id]);
        onUpdate?.(visitUpdated, before);
      },
    },
  );

  void refresh();
  useVisibleInterval(refresh, intervalMs);

  return {
    items,
    counts: computed(() => visitCounts(items.value)),
    fresh,
    loading,
    error,
    refresh,
    replace(visit) {
      items.value = mergeVisit(items.value, visit);
    },
  };
}
