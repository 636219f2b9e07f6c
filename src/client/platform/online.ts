// Online/offline as the browser reports it. navigator.onLine=false is reliable ("Luring" for sure);
// true only means "a network exists", so callers still treat a failed request as offline.
import { createValueStore, useValueStore } from "../app/value-store";

const onlineStore = createValueStore(navigator.onLine);

window.addEventListener("online", () => onlineStore.set(true));
window.addEventListener("offline", () => onlineStore.set(false));

export function useOnline(): boolean {
  return useValueStore(onlineStore);
}

/** Runs `callback` every time the browser comes back online; returns an unsubscribe function. */
export function onReconnect(callback: () => void): () => void {
  return onlineStore.subscribe((online) => {
    if (online) callback();
  });
}
