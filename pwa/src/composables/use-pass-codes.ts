import { type ComputedRef, computed, type Ref, ref, shallowRef, watch } from 'vue';
import { PassCodesDocument } from '../gql/graphql';
import { GraphQLRequestError, NetworkError } from '../lib/graphql-errors';
import { installationId, resetInstallationId } from '../lib/installation-id';
import {
  currentCode,
  needsRefill,
  nextChangeAt,
  type PassBatch,
  secondsUntilChange,
  supplyLeftMs,
  toPassBatch,
} from '../lib/pass-codes';
import { clearPassBatch, readPassBatch, writePassBatch } from '../lib/pass-store';
import { useNow } from './use-clock';
import { useGraphQL } from './use-graphql';
import { useOnline } from './use-online';

/** The server no longer issues codes to this person: keeping the old supply would be wrong. */
const NO_PASSES: ReadonlySet<string> = new Set(['PERSON_INACTIVE', 'NO_PERSON']);
const RETRY_FIRST_MS = 10_000;
const RETRY_MAX_MS = 5 * 60_000;

export interface PassCodes {
  /** The token to draw, or null when no code is valid right now. */
  token: ComputedRef<string | null>;
  /** Whole seconds until the shown code changes. */
  secondsLeft: ComputedRef<number>;
  /** How long the shown code's turn lasts in total (for a progress ring or bar). */
  cycleSeconds: ComputedRef<number>;
  /** Showing stored codes while the network (or the server) can't be reached. */
  offline: ComputedRef<boolean>;
  /** Whole minutes of stored supply left. */
  minutesLeft: ComputedRef<number>;
  /** No valid code and nothing arriving: the user must get online. */
  expired: ComputedRef<boolean>;
  loading: Readonly<Ref<boolean>>;
  /** The last failure, other than being offline. */
  error: Readonly<Ref<GraphQLRequestError | null>>;
  refresh(): Promise<void>;
}

/**
 * The signed-in person's pass: a batch of pre-issued codes kept in localStorage so the gate still
 * opens in a dead zone, refilled in the background while the network is up.
 */
export function usePassCodes(personId: Readonly<Ref<string | null>>): PassCodes {
  const client = useGraphQL();
  const now = useNow();
  const batch = shallowRef<PassBatch | null>(null);
  const loading = ref(false);
  const error = shallowRef<GraphQLRequestError | null>(null);
  const unreachable = ref(false);
  let retryAt = 0;
  let failures = 0;

  const online = useOnline(() => {
    retryAt = 0; // the network is back: try now instead of waiting out the backoff
    refillIfLow();
  });
  // Server time: the codes' windows are the server's, and a phone's clock can be minutes off.
  const serverNow = computed(() => now.value + (batch.value?.skewMs ?? 0));
  const codes = computed(() => batch.value?.codes ?? []);
  const current = computed(() => currentCode(codes.value, serverNow.value));

  async function refresh(): Promise<void> {
    const id = personId.value;
    if (!id || loading.value) return;
    loading.value = true;
    try {
      const { passCodes } = await client.request(PassCodesDocument, { installationId: installationId() });
      if (personId.value !== id) return; // signed out or switched user while waiting
      const next = toPassBatch(id, passCodes, Date.now());
      writePassBatch(next);
      batch.value = next;
      error.value = null;
      unreachable.value = false;
      failures = 0;
    } catch (caught) {
      failures += 1;
      retryAt = Date.now() + Math.min(RETRY_FIRST_MS * 2 ** (failures - 1), RETRY_MAX_MS);
      unreachable.value = caught instanceof NetworkError;
      // Being offline is shown by the badge or the "used up" state, not as an error.
      error.value = caught instanceof GraphQLRequestError ? caught : null;
      if (caught instanceof GraphQLRequestError) {
        if (NO_PASSES.has(caught.code ?? '')) {
          clearPassBatch();
          batch.value = null;
        }
        // The stored id was damaged somehow; a new one lets the next attempt succeed.
        if (caught.code === 'VALIDATION') resetInstallationId();
      }
    } finally {
      loading.value = false;
    }
  }

  function refillIfLow(): void {
    if (!personId.value || !online.value || Date.now() < retryAt) return;
    if (needsRefill(batch.value, serverNow.value)) void refresh();
  }

  watch(
    personId,
    (id) => {
      batch.value = id ? readPassBatch(id) : null;
      error.value = null;
      retryAt = 0;
      failures = 0;
      refillIfLow();
    },
    { immediate: true },
  );
  // The clock doubles as the refill timer; it stops with the page hidden, as refills may then too.
  watch(now, refillIfLow);

  return {
    token: computed(() => current.value?.token ?? null),
    secondsLeft: computed(() => secondsUntilChange(codes.value, serverNow.value)),
    cycleSeconds: computed(() => {
      const at = nextChangeAt(codes.value, serverNow.value);
      return current.value && at !== null ? Math.round((at - current.value.nbf) / 1000) : 0;
    }),
    offline: computed(() => !!current.value && (!online.value || unreachable.value)),
    // Rounded down so the badge never promises more than there is, but never "0 minutes" while a code works.
    minutesLeft: computed(() => {
      const left = supplyLeftMs(codes.value, serverNow.value);
      return left > 0 ? Math.max(1, Math.floor(left / 60_000)) : 0;
    }),
    expired: computed(() => !current.value && !loading.value),
    loading,
    error,
    refresh,
  };
}
