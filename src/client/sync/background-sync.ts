// Background Sync glue (the service worker side is the PWA's service-worker/sw.ts).
//
// Contract with the service worker: on a `sync` event whose tag is SYNC_TAG, the worker posts
// `{ type: SYNC_MESSAGE_TYPE }` to every window client (`self.clients.matchAll({ type: "window" })`
// then `client.postMessage(...)`); an open page's engine then runs one sync. The worker itself never
// sends or replays API writes (product rule: no uploads through the service worker). If no page is
// open, nothing is lost: the next app start syncs.
//
// Invariant kept: registering is best effort and never throws — browsers without SyncManager
// (Firefox, Safari) simply rely on the other triggers.

export const SYNC_TAG = "patuh-sync";
export const SYNC_MESSAGE_TYPE = "patuh-sync";

interface SyncManagerLike {
  register(tag: string): Promise<void>;
}

/** Asks the browser to wake the service worker with SYNC_TAG once connectivity returns. */
export async function requestBackgroundSync(
  registration: ServiceWorkerRegistration | undefined | null,
): Promise<boolean> {
  const manager = (registration as unknown as { sync?: SyncManagerLike } | null | undefined)?.sync;
  if (!manager || typeof manager.register !== "function") return false;
  try {
    await manager.register(SYNC_TAG);
    return true;
  } catch {
    // Permission denied or the worker is not active yet: the other triggers still work.
    return false;
  }
}

/** True for the message the service worker posts on a background sync. */
export function isSyncMessage(data: unknown): boolean {
  return typeof data === "object" && data !== null && (data as { type?: unknown }).type === SYNC_MESSAGE_TYPE;
}
