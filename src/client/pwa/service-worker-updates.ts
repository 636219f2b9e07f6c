// Registers service-worker/sw.ts and turns its lifecycle into one UI fact: "a new version waits".
//
// Invariants:
// - The page never reloads by itself. A waiting version is only announced (UpdateBanner); the
//   reload happens after the user presses the button, once the new worker controls the page.
// - The first install needs no reload: the worker claims the open page (clientsClaim) and the
//   reload listener is only attached after the user asked for the update.
// - Checks for a new version happen at start (register), when the device comes back online, when
//   the app becomes visible again, and hourly, because a field device may stay open for days.
import type { Workbox } from "workbox-window";
import { createValueStore, useValueStore } from "../app/value-store";
import { onReconnect } from "../platform/online";

const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

const updateWaitingStore = createValueStore(false);

let workbox: Workbox | undefined;

export function useUpdateWaiting(): boolean {
  return useValueStore(updateWaitingStore);
}

function checkForUpdate(): void {
  // update() rejects when offline or when the server is down: nothing to do, the next trigger retries.
  workbox?.update().catch(() => undefined);
}

export function registerServiceWorker(): void {
  // In `vite dev` there is no built worker; a stale one from a previous build would serve old files.
  if (import.meta.env.DEV || !("serviceWorker" in navigator)) return;
  // workbox-window (~2.5 KiB gzip) is loaded here, after the first render, not with the entry: the
  // first screen does not need it (issue #21, first route ≤ 60 KiB). Its chunk is precached too.
  import("workbox-window")
    .then(({ Workbox }) => {
      const wb = new Workbox("/sw.js", { scope: "/" });
      workbox = wb;
      // Fires for a version that installs while the page is open and for one already waiting at start.
      wb.addEventListener("waiting", () => updateWaitingStore.set(true));
      return wb.register();
    })
    .catch((error: unknown) => console.warn("patuh: service worker not registered", error));

  onReconnect(checkForUpdate);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") checkForUpdate();
  });
  window.setInterval(checkForUpdate, UPDATE_CHECK_INTERVAL_MS);
}

/** The user pressed "muat ulang": let the waiting worker take over, then reload into the new build. */
export async function applyUpdate(): Promise<void> {
  const wb = workbox;
  const registration = await navigator.serviceWorker.getRegistration();
  if (!wb || !registration?.waiting) {
    // Another tab already activated the new version (or it vanished): a plain reload gets it.
    window.location.reload();
    return;
  }
  let reloaded = false;
  wb.addEventListener("controlling", () => {
    if (reloaded) return;
    reloaded = true;
    window.location.reload();
  });
  wb.messageSkipWaiting();
}
