// Opening and closing the logged-in user's device: their database and the sync engine on it.
//
// Decisions (and why):
// - One database per user, named patuh-<userId>: two people sharing a tablet never see or push each
//   other's drafts, and the clientId (bound by the server to the first user who pushes with it) is
//   per user too. Logout closes the database but never deletes it, nor any other user's: logging
//   back in finds every draft, photo and pending edit where it was.
// - The engine is started once the gate showing this user's screens takes the open device (never by
//   a device opened ahead of time at start-up, before the profile said whose it is) and stopped at logout (its triggers are the
//   app start, `online`, the page becoming visible, a timer and the service worker's Background
//   Sync message). Its code is loaded once the first screen has shown its data (first-screen.ts)
//   and the browser is idle: on a slow phone, parsing it while the home reads 500 checklists'
//   summaries held the home up. Syncing starts a moment after the home is there.
// - A sync answered 401 means the server ended the session; the session layer is asked to confirm
//   (GET /session), which on 401 returns to the login screen saying so. Local data is untouched.
//   After an offline unlock the session layer first renews the session with the password it holds
//   in memory; then the sync runs again at once, so the assessor's work goes up without a new login.
import { openPatuhDb, type PatuhDb } from "../db/database";
import { prepareDeviceMeta } from "../db/meta";
import { ensurePersistentStorage } from "../platform/storage";
import { checkSession } from "../session/session";
import type { User } from "../session/user";
import { requestBackgroundSync } from "../sync/background-sync";
import { deferSyncEngine } from "../sync/deferred";
import type { SyncEngine } from "../sync/engine";
import type { SyncStatus } from "../sync/status";
import { deviceDbName } from "./device-name";
import { whenFirstScreenShown } from "./first-screen";

export interface OpenDevice {
  db: PatuhDb;
  engine: SyncEngine;
  /**
   * Starts syncing. Only the gate that shows this user's screens calls it: a device opened ahead of
   * time at start-up (device-gate.tsx) must never sync before the profile confirmed whose it is.
   */
  start(): void;
  /** Stops the engine, unwires the side effects and closes the database (keeping its data). */
  close(): void;
}

/** Only the user's id matters here (so start-up can open the device before the profile is read). */
export async function openDevice(user: Pick<User, "id">): Promise<OpenDevice> {
  const db = await openPatuhDb(deviceDbName(user.id));
  performance.mark("patuh:start:db-open");
  try {
    // One transaction, written only when something changed (the usual start writes nothing).
    await prepareDeviceMeta(db, user.id);
  } catch (error) {
    db.close();
    throw error;
  }
  const onError = (error: unknown) => console.warn("patuh: sync", error);
  const engine = deferSyncEngine(
    () =>
      whenFirstScreenShown(FIRST_SCREEN_WAIT_MS)
        .then(whenIdle)
        .then(() => import("../sync/engine"))
        .then((module) => module.createSyncEngine({ db, onError })),
    onError,
  );
  const unwatch = engine.subscribe(reactToStatus(() => void engine.syncNow()));
  return {
    db,
    engine,
    start() {
      engine.start();
    },
    close() {
      unwatch();
      engine.stop();
      db.close();
    },
  };
}

/** Longest wait for the first screen's data before the engine's code is loaded anyway. */
const FIRST_SCREEN_WAIT_MS = 1_500;

/** Longest wait for an idle moment before the sync engine's code is loaded anyway. */
const ENGINE_LOAD_MS = 1_000;

function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === "function")
      requestIdleCallback(() => resolve(), { timeout: ENGINE_LOAD_MS });
    else setTimeout(resolve, 200);
  });
}

/** Side effects of status changes that belong to the app, not to the UI-free engine. */
function reactToStatus(syncAgain: () => void): (status: SyncStatus) => void {
  let previous: SyncStatus | undefined;
  return (status) => {
    const before = previous;
    previous = status;
    if (status.state === "needs-login" && before?.state !== "needs-login") {
      void checkSession().then((result) => {
        if (result === "renewed") syncAgain();
      });
    }
    // A sync just succeeded: the device now holds the user's assignments, worth asking the browser
    // to keep. (Not for the stored time read at start-up, which is no user action: Firefox prompts.)
    if (before && status.lastSuccessAt !== null && status.lastSuccessAt !== before.lastSuccessAt) {
      void ensurePersistentStorage();
    }
    // Waiting for the network with work to send: let the browser wake us when it returns, even if
    // the tab is in the background (Chromium's Background Sync; other browsers use the triggers).
    const waiting = status.state === "offline" || status.state === "error";
    if (waiting && status.pendingCount > 0 && (before?.state !== status.state || before.pendingCount === 0)) {
      void registerBackgroundSync();
    }
  };
}

async function registerBackgroundSync(): Promise<void> {
  if (!("serviceWorker" in navigator)) return;
  const registration = await navigator.serviceWorker.getRegistration().catch(() => undefined);
  await requestBackgroundSync(registration);
}
