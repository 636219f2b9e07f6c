// What wakes the sync engine: app start, `online`, the page becoming visible, a periodic timer and
// a Background Sync message from the service worker. Event sources are injected (tests pass plain
// EventTargets; the app passes nothing and gets window/document/navigator).
//
// Invariant kept: wire() returns the exact unwire function; stop() leaves no listener or timer
// behind (a stopped engine must not keep a page or a test process alive).
import { isSyncMessage } from "./background-sync";

export interface EventSourceLike {
  addEventListener(type: string, listener: (event: Event) => void): void;
  removeEventListener(type: string, listener: (event: Event) => void): void;
}

export interface SyncEnvironment {
  /** Receives `online` / `offline`. */
  window?: EventSourceLike;
  /** Receives `visibilitychange`; its visibilityState is read. */
  document?: EventSourceLike & { visibilityState: string };
  /** navigator.serviceWorker: receives `message` from the service worker. */
  serviceWorker?: EventSourceLike;
  /** navigator (onLine hint; false means do not even try). */
  navigator?: { onLine: boolean };
  /** navigator.locks: one tab syncs at a time; the others skip (they see its results via IndexedDB). */
  locks?: LockManagerLike;
}

export interface LockManagerLike {
  request<T>(
    name: string,
    options: { ifAvailable: boolean },
    callback: (lock: unknown) => Promise<T>,
  ): Promise<T>;
}

export interface IntervalApi {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export function browserEnvironment(): SyncEnvironment {
  const g = globalThis as unknown as {
    window?: EventSourceLike;
    document?: EventSourceLike & { visibilityState: string };
    navigator?: { onLine: boolean; serviceWorker?: EventSourceLike; locks?: LockManagerLike };
  };
  return {
    ...(g.window ? { window: g.window } : {}),
    ...(g.document ? { document: g.document } : {}),
    ...(g.navigator?.serviceWorker ? { serviceWorker: g.navigator.serviceWorker } : {}),
    ...(g.navigator ? { navigator: g.navigator } : {}),
    ...(g.navigator?.locks ? { locks: g.navigator.locks } : {}),
  };
}

export interface TriggerHandlers {
  /** A reason to sync (online, visible, timer, service worker). */
  poke(reason: "online" | "visible" | "timer" | "service-worker"): void;
  /** The browser says the network went away. */
  offline(): void;
}

export function wireTriggers(
  env: SyncEnvironment,
  timers: IntervalApi,
  periodicMs: number,
  handlers: TriggerHandlers,
): () => void {
  const onOnline = () => handlers.poke("online");
  const onOffline = () => handlers.offline();
  const onVisibility = () => {
    if (env.document?.visibilityState === "visible") handlers.poke("visible");
  };
  const onMessage = (event: Event) => {
    if (isSyncMessage((event as MessageEvent).data)) handlers.poke("service-worker");
  };
  env.window?.addEventListener("online", onOnline);
  env.window?.addEventListener("offline", onOffline);
  env.document?.addEventListener("visibilitychange", onVisibility);
  env.serviceWorker?.addEventListener("message", onMessage);
  const interval = periodicMs > 0 ? timers.setInterval(() => handlers.poke("timer"), periodicMs) : undefined;
  return () => {
    env.window?.removeEventListener("online", onOnline);
    env.window?.removeEventListener("offline", onOffline);
    env.document?.removeEventListener("visibilitychange", onVisibility);
    env.serviceWorker?.removeEventListener("message", onMessage);
    if (interval !== undefined) timers.clearInterval(interval);
  };
}
