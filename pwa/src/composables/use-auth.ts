import { type ComputedRef, computed, type Ref, ref, watch } from 'vue';
import { LoginDocument, LogoutDocument, MeDocument, type Role, type SessionMeFragment } from '../gql/graphql';
import { NetworkError } from '../lib/graphql-errors';
import { clearPassBatch } from '../lib/pass-store';
import { hasAnyPermission, type Permission } from '../lib/permissions';
import { useGraphQL, useSession } from './use-graphql';

export const HR_ROLES: readonly Role[] = ['HR', 'ADMIN'];

// The last "me" the server confirmed, kept with the session so a phone without signal still knows
// whose pass and which tabs to show. Display only: the server checks every request itself.
const ME_KEY = 'park.me';
const me = ref<SessionMeFragment | null>(readCachedMe());
let confirmed = false;
let loadingMe: Promise<SessionMeFragment | null> | null = null;

function readCachedMe(): SessionMeFragment | null {
  try {
    return JSON.parse(globalThis.localStorage?.getItem(ME_KEY) ?? 'null') as SessionMeFragment | null;
  } catch {
    return null;
  }
}

watch(me, (value) => {
  if (value) globalThis.localStorage?.setItem(ME_KEY, JSON.stringify(value));
  else globalThis.localStorage?.removeItem(ME_KEY);
});

// When the session ends (logout, refresh failed, another tab), forget who we were, and drop that
// person's stored pass codes: they open the gates, so the next user of this phone must not inherit them.
watch(useSession().tokens, (tokens) => {
  if (!tokens) {
    me.value = null;
    confirmed = false;
    clearPassBatch();
  }
});

export interface Auth {
  me: Readonly<Ref<SessionMeFragment | null>>;
  roles: ComputedRef<Role[]>;
  permissions: ComputedRef<string[]>;
  isAuthenticated: ComputedRef<boolean>;
  isHr: ComputedRef<boolean>;
  hasAnyRole(wanted: readonly Role[]): boolean;
  hasAnyPermission(wanted: readonly Permission[]): boolean;
  mustChangePassword(): boolean;
  login(username: string, password: string): Promise<SessionMeFragment>;
  ensureMe(): Promise<SessionMeFragment | null>;
  reloadMe(): Promise<SessionMeFragment | null>;
  logout(): Promise<void>;
}

export function useAuth(): Auth {
  const client = useGraphQL();
  const session = useSession();
  const roles = computed<Role[]>(() => me.value?.roles ?? []);
  const permissions = computed<string[]>(() => me.value?.permissions ?? []);
  const hasAnyRole = (wanted: readonly Role[]): boolean => roles.value.some((role) => wanted.includes(role));

  async function login(username: string, password: string): Promise<SessionMeFragment> {
    const { login: payload } = await client.request(LoginDocument, { username, password });
    session.set({
      accessToken: payload.accessToken,
      refreshToken: payload.refreshToken,
      accessTokenExpiresAt: payload.accessTokenExpiresAt,
    });
    me.value = payload.me;
    confirmed = true;
    return payload.me;
  }

  function ensureMe(): Promise<SessionMeFragment | null> {
    if (!session.tokens.value) return Promise.resolve(null);
    if (me.value && confirmed) return Promise.resolve(me.value);
    loadingMe ??= client
      .request(MeDocument)
      .then(({ me: loaded }) => {
        me.value = loaded;
        confirmed = true;
        return loaded;
      })
      .catch((error: unknown) => {
        // No signal: carry on as the person we last confirmed; any other failure is real.
        if (error instanceof NetworkError && me.value) return me.value;
        throw error;
      })
      .finally(() => {
        loadingMe = null;
      });
    return loadingMe;
  }

  function reloadMe(): Promise<SessionMeFragment | null> {
    confirmed = false;
    return ensureMe();
  }

  async function logout(): Promise<void> {
    const refreshToken = session.tokens.value?.refreshToken;
    // Revoking server-side is best effort; the local session ends either way.
    if (refreshToken) await client.request(LogoutDocument, { refreshToken }).catch(() => undefined);
    session.clear();
    me.value = null;
  }

  return {
    me,
    roles,
    permissions,
    isAuthenticated: computed(() => session.tokens.value !== null),
    isHr: computed(() => hasAnyRole(HR_ROLES)),
    hasAnyRole,
    hasAnyPermission: (wanted) => hasAnyPermission(permissions.value, wanted),
    mustChangePassword: () => me.value?.mustChangePassword === true,
    login,
    ensureMe,
    reloadMe,
    logout,
  };
}
