import { describe, expect, it } from 'vitest';
import { computed, ref } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { Role } from '../gql/graphql';
import { type GuardAuth, installAuthGuard, safeRedirect } from './guards';
import { routes } from './routes';

function setup(signedIn: boolean, roles: Role[], initialPassword = false) {
  const authenticated = ref(signedIn);
  const auth: GuardAuth = {
    isAuthenticated: computed(() => authenticated.value),
    ensureMe: async () => ({ roles }),
    hasAnyRole: (wanted) => roles.some((role) => wanted.includes(role)),
    mustChangePassword: () => initialPassword,
  };
  const router = createRouter({ history: createMemoryHistory(), routes });
  installAuthGuard(router, auth);
  return router;
}

describe('router guards', () => {
  it('sends a signed-out user to /login and remembers where they were going', async () => {
    const router = setup(false, []);
    await router.push('/people/42');
    expect(router.currentRoute.value.name).toBe('login');
    expect(router.currentRoute.value.query.redirect).toBe('/people/42');
  });

  it('keeps an employee out of the HR pages', async () => {
    const router = setup(true, ['EMPLOYEE']);
    await router.push('/people/import');
    expect(router.currentRoute.value.name).toBe('home');
  });

  it('lets HR and administrators into the people pages', async () => {
    for (const role of ['HR', 'ADMIN'] as const) {
      const router = setup(true, [role]);
      await router.push('/people/42');
      expect(router.currentRoute.value.name).toBe('person');
    }
  });

  it('sends someone still on their initial password to change it, wherever they were going', async () => {
    const router = setup(true, ['HR'], true);
    await router.push('/people/42');
    expect(router.currentRoute.value.name).toBe('me');
    expect(router.currentRoute.value.query.password).toBe('1');
  });

  it('does not show the login page to someone already signed in', async () => {
    const router = setup(true, ['EMPLOYEE']);
    await router.push('/login');
    expect(router.currentRoute.value.name).toBe('home');
  });

  it('refuses to redirect to another site after login', () => {
    expect(safeRedirect('//evil.example/x')).toBe('/');
    expect(safeRedirect('https://evil.example')).toBe('/');
    expect(safeRedirect('/people')).toBe('/people');
  });
});
