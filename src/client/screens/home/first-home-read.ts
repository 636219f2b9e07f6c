// The home's first read at a cold start (raw IndexedDB, db/raw-home-read.ts), started as early as
// start-up knows whose device this is, and handed over: the preview paints it, and the live home
// starts from it instead of a loading line while its own live query runs.
//
// Invariants: keyed by user id: one user's list is never shown for another. It is a read of the
// device at that moment, never a copy kept anywhere; the live query replaces it within one read.
// Used once: the live home takes it (or drops it, if it has not arrived), so a later preview in
// the same page (logging in again after a session ended) reads the device afresh.
import { deviceDbName } from "../../app/device-name";
import type { HomeData } from "../../db/home-read";
import { readHomeDataRaw } from "../../db/raw-home-read";

let first: { userId: string; read: Promise<HomeData | undefined>; data?: HomeData } | undefined;

/** Starts reading the user's home from the device, unless that read is under way: the same read is shared. */
export function firstHomeRead(userId: string): Promise<HomeData | undefined> {
  if (first?.userId === userId) return first.read;
  const entry: NonNullable<typeof first> = {
    userId,
    read: readHomeDataRaw(deviceDbName(userId), userId).then((data) => {
      entry.data = data;
      return data;
    }),
  };
  first = entry;
  return entry.read;
}

/** The first read's result if it has arrived (for this user), else undefined; either way it is used up. */
export function takeFirstHomeRead(userId: string): HomeData | undefined {
  const taken = first;
  first = undefined;
  return taken?.userId === userId ? taken.data : undefined;
}
