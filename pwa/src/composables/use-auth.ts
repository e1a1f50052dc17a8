import { type ComputedRef, computed, type Ref, ref, watch } from 'vue';
import { LoginDocument, LogoutDocument, MeDocument, type Role, type SessionMeFragment } from '../gql/graphql';
import { useGraphQL, useSession } from './use-graphql';

export const HR_ROLES: readonly Role[] = ['HR', 'ADMIN'];

const me = ref<SessionMeFragment | null>(null);
let loadingMe: Promise<SessionMeFragment | null> | null = null;

// When the client gives up on a session (refresh failed), forget who we were.
watch(useSession().tokens, (tokens) => {
  if (!tokens) me.value = null;
});

export interface Auth {
  me: Readonly<Ref<SessionMeFragment | null>>;
  roles: ComputedRef<Role[]>;
  isAuthenticated: ComputedRef<boolean>;
  isHr: ComputedRef<boolean>;
  hasAnyRole(wanted: readonly Role[]): boolean;
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
  const hasAnyRole = (wanted: readonly Role[]): boolean => roles.value.some((role) => wanted.includes(role));

  async function login(username: string, password: string): Promise<SessionMeFragment> {
    const { login: payload } = await client.request(LoginDocument, { username, password });
    session.set({
      accessToken: payload.accessToken,
      refreshToken: payload.refreshToken,
      accessTokenExpiresAt: payload.accessTokenExpiresAt,
    });
    me.value = payload.me;
    return payload.me;
  }

  function ensureMe(): Promise<SessionMeFragment | null> {
    if (!session.tokens.value) return Promise.resolve(null);
    if (me.value) return Promise.resolve(me.value);
    loadingMe ??= client
      .request(MeDocument)
      .then(({ me: loaded }) => {
        me.value = loaded;
        return loaded;
      })
      .finally(() => {
        loadingMe = null;
      });
    return loadingMe;
  }

  function reloadMe(): Promise<SessionMeFragment | null> {
    me.value = null;
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
    isAuthenticated: computed(() => session.tokens.value !== null),
    isHr: computed(() => hasAnyRole(HR_ROLES)),
    hasAnyRole,
    mustChangePassword: () => me.value?.mustChangePassword === true,
    login,
    ensureMe,
    reloadMe,
    logout,
  };
}
