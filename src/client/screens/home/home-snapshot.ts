// The home's last picture: the assignment list exactly as the home last showed it, kept per user in
// its own small idb-keyval store. At a cold start the home paints from it at once, before the device
// layer (Dexie, ~27 KiB gzip, and the database opening) is there: the assessor's first route then
// downloads only the shell and this preview (issue #21, first route ≤ 60 KiB gzip).
//
// Invariants: the snapshot is never a source of truth. It is written by the live home only (from
// the device database), read only to paint the preview, and replaced on screen by the live home as
// soon as the device opens. It is keyed by user id, so one user's preview never shows another's work.
import { createStore, get, set } from "idb-keyval";
import type { PemdaGroup } from "./home-model";

export interface HomeSnapshot {
  groups: PemdaGroup[];
  pulled: boolean;
}

// One database per concern (idb-keyval keeps one object store per database name).
const snapshotDb = createStore("patuh-home-snapshot", "snapshot");

export function saveHomeSnapshot(userId: string, snapshot: HomeSnapshot): Promise<void> {
  return set(userId, snapshot, snapshotDb);
}

/** The user's last home picture, or undefined (first start, storage blocked, another shape). */
export async function loadHomeSnapshot(userId: string): Promise<HomeSnapshot | undefined> {
  try {
    const stored = (await get(userId, snapshotDb)) as Partial<HomeSnapshot> | undefined;
    return stored && Array.isArray(stored.groups)
      ? { groups: stored.groups, pulled: stored.pulled === true }
      : undefined;
  } catch {
    return undefined;
  }
}
