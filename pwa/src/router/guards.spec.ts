import { describe, expect, it } from 'vitest';
import { computed, ref } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { Role } from '../gql/graphql';
import { type GuardAuth, installAuthGuard, safeRedirect } from './guards';
import { routes } from './routes';

function setup(signedIn: boolean, roles: Role[], initialPassword = false, permissions: string[] = []) {
  const authenticated = ref(signedIn);
  const auth: GuardAuth = {
    isAuthenticated: computed(() => authenticated.value),
    ensureMe: async () => ({ roles }),
    hasAnyRole: (wanted) => roles.some((role) => wanted.includes(role)),
    hasAnyPermission: (wanted) => permissions.some((p) => (wanted as readonly string[]).includes(p)),
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

  it('lets whoever holds ACCESS_READ into the access hub and the security desk', async () => {
    const router = setup(true, ['SECURITY'], false, ['ACCESS_READ']);
    await router.push('/security/events');
    expect(router.currentRoute.value.name).toBe('access-events');
    await router.push('/admin/areas');
    expect(router.currentRoute.value.name).toBe('areas');
  });

  it('keeps an employee out of the access pages', async () => {
    const router = setup(true, ['EMPLOYEE'], false, ['SELF_READ', 'PASS_SELF']);
    await router.push('/admin/areas');
    expect(router.currentRoute.value.name).toBe('home');
    await router.push('/security/presence');
    expect(router.currentRoute.value.name).toBe('home');
  });

  it('needs ACCESS_ADMIN, not just ACCESS_READ, to create an area', async () => {
    const router = setup(true, ['SECURITY'], false, ['ACCESS_READ']);
    await router.push('/admin/areas/new');
    expect(router.currentRoute.value.name).toBe('home');
  });

  it("opens a person's grants to GRANT_MANAGE holders, who need not be HR", async () => {
    const router = setup(true, ['SECURITY'], false, ['ACCESS_READ', 'GRANT_MANAGE']);
    await router.push('/people/42/grants');
    expect(router.currentRoute.value.name).toBe('person-grants');
    expect(router.currentRoute.value.params.id).toBe('42');
    const hr = setup(true, ['HR'], false, ['PERSON_READ_ALL']);
    await hr.push('/people/42/grants');
    expect(hr.currentRoute.value.name).toBe('home');
  });

  it('lets any member of staff ask for temporary access and decide what waits for them', async () => {
    const router = setup(true, ['EMPLOYEE'], false, ['APPROVAL_REQUEST', 'APPROVAL_DECIDE']);
    await router.push('/requests/new');
    expect(router.currentRoute.value.name).toBe('request-new');
    await router.push('/approvals/a1');
    expect(router.currentRoute.value.name).toBe('approval');
    const visitor = setup(true, ['VISITOR'], false, ['SELF_READ', 'PASS_SELF']);
    await visitor.push('/approvals');
    expect(visitor.currentRoute.value.name).toBe('home');
  });

  it('opens alarms and devices to the security desk, and keeps employees out', async () => {
    const router = setup(true, ['SECURITY'], false, ['ACCESS_READ']);
    await router.push('/security/alarms');
    expect(router.currentRoute.value.name).toBe('alarms');
    await router.push('/security/devices/d1');
    expect(router.currentRoute.value.name).toBe('device');
    const employee = setup(true, ['EMPLOYEE'], false, ['APPROVAL_DECIDE']);
    await employee.push('/security/devices');
    expect(employee.currentRoute.value.name).toBe('home');
  });

  it('opens the visitor desk and the watchlist to 保卫部, and a visit and its trail to its host', async () => {
    const guard = setup(true, ['SECURITY'], false, [
      'ACCESS_READ',
      'VISIT_DESK',
      'VISIT_READ',
      'WATCHLIST_MANAGE',
    ]);
    for (const [path, name] of [
      ['/visits', 'visits'],
      ['/visits/walk-in', 'walk-in'],
      ['/visits/watchlist', 'watchlist'],
      ['/visits/v1', 'visit'],
      ['/visits/v1/trail', 'visit-trail'],
    ]) {
      await guard.push(path);
      expect(guard.currentRoute.value.name).toBe(name);
    }
    const host = setup(true, ['EMPLOYEE'], false, ['APPROVAL_DECIDE', 'VISIT_READ']);
    await host.push('/visits/v1/trail');
    expect(host.currentRoute.value.name).toBe('visit-trail');
    for (const path of ['/visits', '/visits/walk-in', '/visits/watchlist']) {
      await host.push(path);
      expect(host.currentRoute.value.name).toBe('home');
    }
  });

  it('lets any host open 我的访客, which is never taken for a visit id', async () => {
    const host = setup(true, ['EMPLOYEE'], false, ['APPROVAL_DECIDE', 'VISIT_READ']);
    await host.push('/visits/mine');
    expect(host.currentRoute.value.name).toBe('hosted-visits');
    expect(host.currentRoute.value.params.id).toBeUndefined();
    const guard = setup(true, ['SECURITY'], false, ['ACCESS_READ', 'VISIT_DESK', 'VISIT_READ']);
    await guard.push('/visits/mine');
    expect(guard.currentRoute.value.name).toBe('hosted-visits');
    const visitor = setup(true, ['VISITOR'], false, ['SELF_READ', 'PASS_SELF']);
    await visitor.push('/visits/mine');
    expect(visitor.currentRoute.value.name).toBe('home');
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
