import { type ComputedRef, computed, type Ref, shallowRef, watch } from 'vue';
import { type VisitFieldsFragment, VisitsTodayDocument, VisitUpdatedDocument } from '../gql/graphql';
import { belongsToday, mergeVisit, visitCounts } from '../lib/visit-status';
import { useQuery } from './use-query';
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
  const { subscribe } = useSubscription();
  const query = useQuery(VisitsTodayDocument, () => ({ status: null }));
  const items = shallowRef<VisitFieldsFragment[]>([]);
  const fresh = shallowRef<ReadonlySet<string>>(new Set());
  watch(query.data, (data) => {
    if (data) items.value = data.visitsToday;
  });

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

  useVisibleInterval(query.refetch, intervalMs);

  return {
    items,
    counts: computed(() => visitCounts(items.value)),
    fresh,
    loading: query.loading,
    error: query.error,
    refresh: query.refetch,
    replace(visit) {
      items.value = mergeVisit(items.value, visit);
    },
  };
}
