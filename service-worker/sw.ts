/// <reference lib="webworker" />
// Patuh service worker: event wiring only.
//
// Invariants (tests/e2e check the observable ones):
// - It caches the app shell and nothing else: the precache manifest injected at build time, versioned
//   by content hash. Drafts, photos and the sync queue live in IndexedDB, never in a cache, so a new
//   version of the worker can never lose them.
// - Every navigation to an app route is answered with the precached index.html, so the app opens with
//   no network, on any deep link. Navigations under /api/ are never answered from the cache.
// - It registers no route for /api/ at all: API reads and writes always go to the network untouched
//   (no caching, no replay). Uploads never pass through worker code.
// - Background Sync only wakes pages: on a `sync` event tagged SYNC_TAG it posts {type:
//   SYNC_MESSAGE_TYPE} to every open window, whose sync engine then runs (src/client/sync/
//   background-sync.ts holds the contract). No page open: nothing happens, the next app start syncs.
// - A new version waits. It takes over only when the page sends {type: "SKIP_WAITING"}, which the
//   page does only after the user pressed "muat ulang"; a half-filled checklist is never reloaded
//   from under the assessor.
import { clientsClaim } from "workbox-core";
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";

declare const self: ServiceWorkerGlobalScope;

// Same strings as src/client/sync/background-sync.ts (the worker's tsconfig cannot import client code).
const SYNC_TAG = "patuh-sync";
const SYNC_MESSAGE_TYPE = "patuh-sync";

/** The Background Sync event; not in TypeScript's WebWorker lib. */
interface SyncEventLike extends ExtendableEvent {
  readonly tag: string;
}

/** Message the page posts (workbox-window's messageSkipWaiting) to let a waiting version take over. */
interface SkipWaitingMessage {
  type: "SKIP_WAITING";
}

function isSkipWaiting(data: unknown): data is SkipWaitingMessage {
  return typeof data === "object" && data !== null && (data as { type?: unknown }).type === "SKIP_WAITING";
}

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

registerRoute(
  new NavigationRoute(createHandlerBoundToURL("/index.html"), {
    denylist: [/^\/api(\/|$)/],
  }),
);

self.addEventListener("message", (event: ExtendableMessageEvent) => {
  if (isSkipWaiting(event.data)) void self.skipWaiting();
});

self.addEventListener("sync", (event: Event) => {
  const sync = event as SyncEventLike;
  if (sync.tag !== SYNC_TAG) return;
  sync.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      for (const client of windows) client.postMessage({ type: SYNC_MESSAGE_TYPE });
    }),
  );
});

// The first install controls the already open page at once, so it works offline after one visit.
// Later versions still wait for SKIP_WAITING: claiming only happens when this version activates.
clientsClaim();
