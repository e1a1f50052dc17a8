// Absolute page paths in one place: app.json, navigators and reLaunch calls must agree on them.
export const Routes = {
  login: '/pages/login/index',
  home: '/pages/home/index',
  me: '/pages/me/index',
  visitorBookings: '/packages/visitor/pages/bookings/index',
  contractorEntry: '/packages/contractor/pages/entry/index',
} as const;

export type Route = (typeof Routes)[keyof typeof Routes];
