// Absolute page paths in one place: app.json, navigators and reLaunch calls must agree on them.
export const Routes = {
  login: '/pages/login/index',
  home: '/pages/home/index',
  me: '/pages/me/index',
  /** 我的访问: the visitor's visits, the subpackage's entry. */
  visitorBookings: '/packages/visitor/pages/bookings/index',
  visitorBook: '/packages/visitor/pages/book/index',
  visitorVisit: '/packages/visitor/pages/visit/index',
  visitorPass: '/packages/visitor/pages/pass/index',
  contractorEntry: '/packages/contractor/pages/entry/index',
} as const;

export type Route = (typeof Routes)[keyof typeof Routes];

/** A route with its query string, e.g. withQuery(Routes.visitorVisit, { id }). */
export function withQuery(route: Route, query: Record<string, string>): string {
  const pairs = Object.keys(query).map((key) => `${key}=${encodeURIComponent(query[key]!)}`);
  return pairs.length > 0 ? `${route}?${pairs.join('&')}` : route;
}
