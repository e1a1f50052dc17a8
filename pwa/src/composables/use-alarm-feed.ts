import { type Ref, ref, shallowRef, watch } from 'vue';
import {
  type AlarmFieldsFragment,
  AlarmRaisedDocument,
  type AlarmStatus,
  AlarmsDocument,
} from '../gql/graphql';
import { useGraphQL } from './use-graphql';
import { useSubscription } from './use-subscription';
import { useVisibleInterval } from './use-visible-interval';

export interface AlarmFeed {
  items: Ref<AlarmFieldsFragment[]>;
  /** Raised while the page was open. */
  fresh: Ref<ReadonlySet<string>>;
  loading: Ref<boolean>;
  error: Ref<unknown>;
  refresh(): Promise<void>;
  /** Puts an alarm's new state (after acknowledge/close) in its place. */
  replace(alarm: AlarmFieldsFragment): void;
}

export interface AlarmFeedOptions {
  limit?: number;
  /** The subscription is the fast path; this catch-up covers alarms raised while the socket was down. */
  intervalMs?: number;
  onRaised?: (alarm: AlarmFieldsFragment) => void;
}

/**
 * The security console's alarm list: newest first for the chosen statuses (all when empty), with new
 * alarms pushed on top the moment alarmRaised delivers them.
 */
export function useAlarmFeed(
  statuses: () => readonly AlarmStatus[],
  { limit = 100, intervalMs = 30_000, onRaised }: AlarmFeedOptions = {},
): AlarmFeed {
  const client = useGraphQL();
  const { subscribe } = useSubscription();
  const items = shallowRef<AlarmFieldsFragment[]>([]);
  const fresh = shallowRef<ReadonlySet<string>>(new Set());
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  let generation = 0;

  const wanted = (alarm: AlarmFieldsFragment): boolean => {
    const list = statuses();
    return !list.length || list.includes(alarm.status);
  };

  async function refresh(): Promise<void> {
    const mine = generation;
    loading.value = true;
    try {
      const list = statuses();
      const { alarms } = await client.request(AlarmsDocument, {
        status: list.length ? [...list] : null,
        limit,
      });
      if (mine !== generation) return;
      items.value = alarms;
      error.value = null;
    } catch (caught) {
      if (mine === generation) error.value = caught;
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  subscribe(
    AlarmRaisedDocument,
    {},
    {
      next: ({ alarmRaised }) => {
        onRaised?.(alarmRaised);
        if (!wanted(alarmRaised)) return;
        items.value = [alarmRaised, ...items.value.filter((alarm) => alarm.id !== alarmRaised.id)];
        fresh.value = new Set([...fresh.value, alarmRaised.id]);
      },
    },
  );

  watch(
    statuses,
    () => {
      generation++;
      items.value = [];
      void refresh();
    },
    { immediate: true, deep: true },
  );
  useVisibleInterval(refresh, intervalMs);

  return {
    items,
    fresh,
    loading,
    error,
    refresh,
    replace(alarm) {
      items.value = items.value.map((old) => (old.id === alarm.id ? alarm : old));
    },
  };
}
