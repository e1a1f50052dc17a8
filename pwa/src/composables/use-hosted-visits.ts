import { type Ref, shallowRef, watch } from 'vue';
import { HostedVisitsDocument, type VisitFieldsFragment, VisitUpdatedDocument } from '../gql/graphql';
import { bySoonest, mergeVisit } from '../lib/visit-status';
import { useAuth } from './use-auth';
import { useQuery } from './use-query';
import { useSubscription } from './use-subscription';
import { useVisibleInterval } from './use-visible-interval';

export interface HostedVisits {
  /** My visitors as a host, soonest first, with live changes applied. */
  items: Ref<VisitFieldsFragment[]>;
  loading: Ref<boolean>;
  error: Ref<unknown>;
  refresh(): Promise<void>;
}

/**
 * 我的访客: the visits the signed-in person hosts. visitUpdated tells a host of each decision, check-in
 * and new booking; the slow catch-up covers a socket that was down.
 */
export function useHostedVisits({ intervalMs = 60_000 } = {}): HostedVisits {
  const auth = useAuth();
  const { subscribe } = useSubscription();
  const query = useQuery(HostedVisitsDocument, () => ({}));
  const items = shallowRef<VisitFieldsFragment[]>([]);
  watch(query.data, (data) => {
    if (data) items.value = data.hostedVisits;
  });

  subscribe(
    VisitUpdatedDocument,
    { visitId: null },
    {
      next: ({ visitUpdated }) => {
        // 保卫部 hear of every visit; this list is only the ones I host.
        if (visitUpdated.host.id !== auth.me.value?.person?.id) return;
        items.value = bySoonest(mergeVisit(items.value, visitUpdated));
      },
    },
  );

  useVisibleInterval(query.refetch, intervalMs);

  return { items, loading: query.loading, error: query.error, refresh: query.refetch };
}
