import type { RouteRecordRaw } from 'vue-router';
import type { Role } from '../gql/graphql';
import HomePage from '../pages/home/home-page.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean;
    /** Any one of these roles is required; children inherit it through merged meta. */
    roles?: readonly Role[];
  }
}

const HR_ONLY: readonly Role[] = ['HR', 'ADMIN'];

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('../pages/auth/login-page.vue'),
    meta: { public: true },
  },
  { path: '/', name: 'home', component: HomePage },
  // Any signed-in person; the page itself explains when the account has no person behind it.
  { path: '/pass', name: 'pass', component: () => import('../pages/pass/my-pass-page.vue') },
  { path: '/me', name: 'me', component: () => import('../pages/me/me-page.vue') },
  {
    path: '/people',
    component: () => import('../pages/people/people-layout.vue'),
    meta: { roles: HR_ONLY },
    children: [
      { path: '', name: 'people', component: () => import('../pages/people/people-index-page.vue') },
      { path: 'new', name: 'person-new', component: () => import('../pages/people/person-edit-page.vue') },
      {
        path: 'import',
        name: 'people-import',
        component: () => import('../pages/people/people-import-page.vue'),
      },
      {
        path: ':id',
        name: 'person',
        component: () => import('../pages/people/person-detail-page.vue'),
        props: true,
      },
      {
        path: ':id/edit',
        name: 'person-edit',
        component: () => import('../pages/people/person-edit-page.vue'),
        props: true,
      },
    ],
  },
  { path: '/:pathMatch(.*)*', redirect: '/' },
];
