/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  type PrecacheEntry,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// The first install controls the open page at once, so it works offline without a reload. Later
// versions still wait for the user (see SKIP_WAITING below) and then take over the same way.
clientsClaim();

// API answers are personal and live; a cached one would show stale balances or another user's data.
const isApi = ({ url }: { url: URL }): boolean =>
  url.origin === self.location.origin && url.pathname === '/graphql';
registerRoute(isApi, new NetworkOnly(), 'POST');
registerRoute(isApi, new NetworkOnly(), 'GET');

// Any in-app URL opens the cached shell offline; the router takes it from there.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    denylist: [/^\/graphql/, /^\/health/, /^\/\.well-known\//],
  }),
);

// The update prompt posts SKIP_WAITING once the user agrees to reload.
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
