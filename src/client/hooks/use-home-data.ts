import { firstScreenShown } from "../app/first-screen";
import type { PatuhDb } from "../db/database";
import type { HomeData } from "../db/home-read";
import { readHomeDataFromDexie } from "../db/home-read-dexie";
import { takeFirstHomeRead } from "../screens/home/first-home-read";
import { useDevice } from "./use-device";
import { useLiveQuery } from "./use-live-query";

let homeDataMarked = false;

async function readHomeData(db: PatuhDb, userId: string): Promise<HomeData> {
  const data = await readHomeDataFromDexie(db, userId);
  // Once per page: the start-up split the bench reports (bench/device-field.ts).
  if (!homeDataMarked) {
    homeDataMarked = true;
    performance.mark("patuh:start:home-data");
  }
  // The render follows in this task's microtasks: what waited for the first screen may go.
  setTimeout(firstScreenShown, 0);
  return data;
}

/**
 * Everything the home shows, following every change on the device (pulls, edits, other tabs). At a
 * cold start it begins with the first read the preview painted (first-home-read.ts), so the list
 * never goes back to a loading line while the live query reads again.
 */
export function useHomeData(): HomeData | undefined {
  const { db, user } = useDevice();
  return useLiveQuery(
    () => readHomeData(db, user.id),
    [db, user.id],
    () => takeFirstHomeRead(user.id),
  );
}
