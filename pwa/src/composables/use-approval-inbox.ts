import { showNotify } from 'vant';
import {
  type ComputedRef,
  computed,
  type EffectScope,
  effectScope,
  type Ref,
  ref,
  shallowRef,
  watch,
} from 'vue';
import {
  ApprovalDocument,
  type ApprovalFieldsFragment,
  ApprovalInboxDocument,
  ApprovalRequestedDocument,
  type ApprovalRequestedSubscription,
} from '../gql/graphql';
import { i18n } from '../i18n';
import { APPROVAL_DECIDE } from '../lib/permissions';
import { useAuth } from './use-auth';
import { useGraphQL } from './use-graphql';
import { type SubscriptionHandle, useSubscription } from './use-subscription';
import { useVisibleInterval } from './use-visible-interval';

export type ApprovalNotice = ApprovalRequestedSubscription['approvalRequested'];

export interface ApprovalInbox {
  /** Requests whose current step waits for me, newest arrivals first. */
  items: Ref<ApprovalFieldsFragment[]>;
  /** Arrived over the subscription while the app was open. */
  fresh: Ref<ReadonlySet<string>>;
  /** A reminder (催办) came for these. */
  reminded: Ref<ReadonlySet<string>>;
  count: ComputedRef<number>;
  loading: Ref<boolean>;
  error: Ref<unknown>;
  refresh(): Promise<void>;
  /** Takes a request's latest state: kept while it still waits for me, dropped once it does not. */
  settle(request: ApprovalFieldsFragment): void;
  /** Asks for one request again (after the server refused a decision) and settles it. */
  reload(id: string): Promise<ApprovalFieldsFragment | null>;
}

export interface ApprovalInboxOptions {
  /** Signed in, linked to a person, allowed to decide: only then is there an inbox to keep. */
  enabled: () => boolean;
  onNotice?: (notice: ApprovalNotice) => void;
  limit?: number;
  /** The subscription is the fast path; this catch-up covers notices lost while the socket was down. */
  intervalMs?: number;
}

const without = (set: ReadonlySet<string>, id: string): ReadonlySet<string> =>
  set.has(id) ? new Set([...set].filter((x) => x !== id)) : set;

export function createApprovalInbox({
  enabled,
  onNotice,
  limit = 100,
  intervalMs = 60_000,
}: ApprovalInboxOptions): ApprovalInbox {
  const client = useGraphQL();
  const { subscribe } = useSubscription();
  const items = shallowRef<ApprovalFieldsFragment[]>([]);
  const fresh = shallowRef<ReadonlySet<string>>(new Set());
  const reminded = shallowRef<ReadonlySet<string>>(new Set());
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  let handle: SubscriptionHandle | null = null;
  let generation = 0;

  async function refresh(): Promise<void> {
    if (!enabled()) return;
    const mine = generation;
    loading.value = true;
    try {
      const { approvals } = await client.request(ApprovalInboxDocument, { inbox: 'TODO', limit });
      if (mine !== generation) return;
      items.value = approvals;
      error.value = null;
    } catch (caught) {
      if (mine === generation) error.value = caught;
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  function settle(request: ApprovalFieldsFragment): void {
    const waiting = request.canDecide && request.status === 'PENDING';
    if (waiting) {
      const known = items.value.some((item) => item.id === request.id);
      items.value = known
        ? items.value.map((item) => (item.id === request.id ? request : item))
        : [request, ...items.value];
      return;
    }
    items.value = items.value.filter((item) => item.id !== request.id);
    fresh.value = without(fresh.value, request.id);
    reminded.value = without(reminded.value, request.id);
  }

  async function reload(id: string): Promise<ApprovalFieldsFragment | null> {
    const mine = generation;
    try {
      const { approval } = await client.request(ApprovalDocument, { id });
      if (mine === generation) settle(approval);
      return approval;
    } catch {
      // Gone or no longer visible to me: it certainly does not wait for me.
      if (mine === generation) items.value = items.value.filter((item) => item.id !== id);
      return null;
    }
  }

  async function arrived(notice: ApprovalNotice): Promise<void> {
    const mine = generation;
    if (notice.reminder) reminded.value = new Set([...reminded.value, notice.requestId]);
    onNotice?.(notice);
    try {
      const { approval } = await client.request(ApprovalDocument, { id: notice.requestId });
      if (mine !== generation) return;
      if (!approval.canDecide || approval.status !== 'PENDING') {
        settle(approval);
        return;
      }
      items.value = [approval, ...items.value.filter((item) => item.id !== approval.id)];
      fresh.value = new Set([...fresh.value, approval.id]);
    } catch {
      // The periodic refresh catches up.
    }
  }

  watch(
    enabled,
    (on) => {
      generation++;
      handle?.stop();
      handle = null;
      items.value = [];
      fresh.value = new Set();
      reminded.value = new Set();
      error.value = null;
      if (!on) return;
      handle = subscribe(
        ApprovalRequestedDocument,
        {},
        { next: (data) => void arrived(data.approvalRequested) },
      );
      void refresh();
    },
    { immediate: true },
  );
  useVisibleInterval(refresh, intervalMs);

  return {
    items,
    fresh,
    reminded,
    count: computed(() => items.value.length),
    loading,
    error,
    refresh,
    settle,
    reload,
  };
}

function notify(notice: ApprovalNotice): void {
  const { t } = i18n.global;
  const values = { title: notice.title, requester: notice.requesterName };
  showNotify({
    type: notice.reminder ? 'warning' : 'primary',
    message: notice.reminder ? t('approval.reminderNotice', values) : t('approval.newNotice', values),
    duration: 4000,
  });
  globalThis.navigator?.vibrate?.(120);
}

let shared: { scope: EffectScope; inbox: ApprovalInbox } | null = null;

/** The one inbox of this app: the tab badge, the home page and the inbox page all read it. */
export function useApprovalInbox(): ApprovalInbox {
  if (shared) return shared.inbox;
  const auth = useAuth();
  const scope = effectScope(true);
  const inbox = scope.run(() =>
    createApprovalInbox({
      enabled: () =>
        auth.isAuthenticated.value &&
        !!auth.me.value?.person &&
        !auth.mustChangePassword() &&
        auth.hasAnyPermission(APPROVAL_DECIDE),
      onNotice: notify,
    }),
  ) as ApprovalInbox;
  shared = { scope, inbox };
  return inbox;
}

/** Ends the shared inbox (tests start each case from nothing). */
export function disposeApprovalInbox(): void {
  shared?.scope.stop();
  shared = null;
}
