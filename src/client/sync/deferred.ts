// A SyncEngine whose implementation is loaded later (a dynamic import after the first screen is up),
// so the home route does not download or parse the engine before it can show the assessor's list.
//
// Invariants kept here:
// - the facade is a complete SyncEngine from the first moment: the status starts as INITIAL_STATUS
//   and then mirrors the real engine's snapshots; calls made before the load (sync, syncNow,
//   scheduleSync, refreshStatus) wait for it and are then forwarded, never dropped;
// - start/stop keep their meaning across the load: a stop before the load means the engine is never
//   started; no local data is read or written here (the real engine does that). UI-free.
import type { SyncEngine } from "./engine";
import { StatusStore } from "./status";

export function deferSyncEngine(load: () => Promise<SyncEngine>, onError?: (e: unknown) => void): SyncEngine {
  const status = new StatusStore(onError);
  let wanted = false;
  let real: SyncEngine | undefined;
  let loading: Promise<SyncEngine> | undefined;

  const ready = (): Promise<SyncEngine> => {
    loading ??= load().then((engine) => {
      real = engine;
      status.set(engine.getStatus());
      engine.subscribe((snapshot) => status.set(snapshot));
      if (wanted) engine.start();
      return engine;
    });
    return loading;
  };

  return {
    start() {
      wanted = true;
      if (real) real.start();
      else ready().catch((e: unknown) => onError?.(e));
    },
    stop() {
      wanted = false;
      real?.stop();
    },
    sync: () => ready().then((engine) => engine.sync()),
    syncNow: () => ready().then((engine) => engine.syncNow()),
    scheduleSync(delayMs) {
      ready().then(
        (engine) => engine.scheduleSync(delayMs),
        (e: unknown) => onError?.(e),
      );
    },
    getStatus: () => status.get(),
    subscribe: (listener) => status.subscribe(listener),
    refreshStatus: () => ready().then((engine) => engine.refreshStatus()),
  };
}
