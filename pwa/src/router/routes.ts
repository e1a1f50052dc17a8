import type { RouteRecordRaw } from 'vue-router';
import type { Role } from '../gql/graphql';
import {
  ACCESS_ADMIN,
  ACCESS_READ,
  APPROVAL_DECIDE,
  APPROVAL_REQUEST,
  GRANT_MANAGE,
  type Permission,
  VISIT_DESK,
  VISIT_READ,
  WATCHLIST_MANAGE,
} from '../lib/permissions';
import HomePage from '../pages/home/home-page.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean;
    /** Any one of these roles is required; children inherit it through merged meta. */
    roles?: readonly Role[];
    /** Any one of these permissions is required; a child's list replaces its parent's. */
    permissions?: readonly Permission[];
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
  // Outside the HR layout: 保卫部 manages grants without being HR.
  {
    path: '/people/:id/grants',
    name: 'person-grants',
    component: () => import('../pages/admin/person-grants-page.vue'),
    props: true,
    meta: { permissions: GRANT_MANAGE },
  },
  {
    path: '/admin',
    meta: { permissions: ACCESS_READ },
    children: [
      { path: '', name: 'admin', component: () => import('../pages/admin/admin-hub-page.vue') },
      { path: 'areas', name: 'areas', component: () => import('../pages/admin/areas-page.vue') },
      {
        path: 'areas/new',
        name: 'area-new',
        component: () => import('../pages/admin/area-new-page.vue'),
        meta: { permissions: ACCESS_ADMIN },
      },
      { path: 'points', name: 'points', component: () => import('../pages/admin/points-page.vue') },
      {
        path: 'points/new',
        name: 'point-new',
        component: () => import('../pages/admin/point-new-page.vue'),
        meta: { permissions: ACCESS_ADMIN },
      },
      { path: 'schedules', name: 'schedules', component: () => import('../pages/admin/schedules-page.vue') },
      {
        path: 'schedules/new',
        name: 'schedule-new',
        component: () => import('../pages/admin/schedule-new-page.vue'),
        meta: { permissions: ACCESS_ADMIN },
      },
      { path: 'calendar', name: 'calendar', component: () => import('../pages/admin/calendar-page.vue') },
      {
        path: 'grants',
        name: 'grant-people',
        component: () => import('../pages/admin/grant-people-page.vue'),
        meta: { permissions: GRANT_MANAGE },
      },
    ],
  },
  {
    path: '/security',
    meta: { permissions: ACCESS_READ },
    children: [
      { path: '', redirect: { name: 'access-events' } },
      {
        path: 'events',
        name: 'access-events',
        component: () => import('../pages/security/access-events-page.vue'),
      },
      { path: 'presence', name: 'presence', component: () => import('../pages/security/presence-page.vue') },
      { path: 'alarms', name: 'alarms', component: () => import('../pages/security/alarms-page.vue') },
      { path: 'devices', name: 'devices', component: () => import('../pages/security/devices-page.vue') },
      {
        path: 'devices/:id',
        name: 'device',
        component: () => import('../pages/security/device-detail-page.vue'),
        props: true,
      },
    ],
  },
  // The visitor desk at the gate. A visit's page and trail are its host's too, and so is the host's own
  // list (我的访客): those admit any VISIT_READ.
  {
    path: '/visits',
    meta: { permissions: VISIT_DESK },
    children: [
      { path: '', name: 'visits', component: () => import('../pages/visitor/visits-today-page.vue') },
      { path: 'walk-in', name: 'walk-in', component: () => import('../pages/visitor/walk-in-page.vue') },
      {
        path: 'watchlist',
        name: 'watchlist',
        component: () => import('../pages/visitor/watchlist-page.vue'),
        meta: { permissions: WATCHLIST_MANAGE },
      },
      // 我的访客: any host. Listed before ':id' so "mine" is never read as a visit id.
      {
        path: 'mine',
        name: 'hosted-visits',
        component: () => import('../pages/visitor/hosted-visits-page.vue'),
        meta: { permissions: VISIT_READ },
      },
      {
        path: ':id',
        name: 'visit',
        component: () => import('../pages/visitor/visit-detail-page.vue'),
        props: true,
        meta: { permissions: VISIT_READ },
      },
      {
        path: ':id/trail',
        name: 'visit-trail',
        component: () => import('../pages/visitor/visit-trail-page.vue'),
        props: true,
        meta: { permissions: VISIT_READ },
      },
    ],
  },
  // Deciding: every member of staff may be a named approver or a department head.
  {
    path: '/approvals',
    meta: { permissions: APPROVAL_DECIDE },
    children: [
      { path: '', name: 'approvals', component: () => import('../pages/approval/approvals-page.vue') },
      {
        path: ':id',
        name: 'approval',
        component: () => import('../pages/approval/approval-detail-page.vue'),
        props: true,
      },
    ],
  },
  // Asking: my own temporary-access requests; a request's page is the same for requester and approvers.
  {
    path: '/requests',
    meta: { permissions: APPROVAL_REQUEST },
    children: [
      { path: '', name: 'my-requests', component: () => import('../pages/approval/my-requests-page.vue') },
      { path: 'new', name: 'request-new', component: () => import('../pages/approval/request-new-page.vue') },
      {
        path: ':id',
        name: 'request',
        component: () => import('../pages/approval/approval-detail-page.vue'),
        props: true,
      },
    ],
  },
  { path: '/:pathMatch(.*)*', redirect: '/' },
];
