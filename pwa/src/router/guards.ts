import type { Ref } from 'vue';
import type { RouteLocationRaw, Router } from 'vue-router';
import type { Role } from '../gql/graphql';
import type { Permission } from '../lib/permissions';

export interface GuardAuth {
  isAuthenticated: Readonly<Ref<boolean>>;
  ensureMe(): Promise<unknown>;
  hasAnyRole(roles: readonly Role[]): boolean;
  hasAnyPermission(permissions: readonly Permission[]): boolean;
  /** True while the account still has its initial password; the server refuses all but "me" until changed. */
  mustChangePassword?(): boolean;
}

/** Only same-app paths: "//evil.example" would be an open redirect. */
export function safeRedirect(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

export function installAuthGuard(router: Router, auth: GuardAuth): void {
  router.beforeEach(async (to): Promise<true | RouteLocationRaw> => {
    const toLogin: RouteLocationRaw = {
      name: 'login',
      query: to.fullPath === '/' ? {} : { redirect: to.fullPath },
    };
    if (to.meta.public) return auth.isAuthenticated.value && to.name === 'login' ? { name: 'home' } : true;
    if (!auth.isAuthenticated.value) return toLogin;
    try {
      await auth.ensureMe();
    } catch {
      // Offline: the cached shell still opens; role-gated pages stay closed until roles are known.
    }
    if (!auth.isAuthenticated.value) return toLogin;
    if (auth.mustChangePassword?.() && to.name !== 'me') return { name: 'me', query: { password: '1' } };
    if (to.meta.roles && !auth.hasAnyRole(to.meta.roles)) return { name: 'home' };
    if (to.meta.permissions && !auth.hasAnyPermission(to.meta.permissions)) return { name: 'home' };
    return true;
  });
}
