import { firstScreenShown } from "../app/first-screen";
import { listAssessmentSummaries, listAssessmentSyncInfo } from "../db/assessments";
import type { PatuhDb } from "../db/database";
import { readSyncMeta } from "../db/meta";
import { listAssignments, listPemda, listPeriods } from "../db/synced";
import type { HomeData } from "../screens/home/home-model";
import { useDevice } from "./use-device";
import { useLiveQuery } from "./use-live-query";

let homeDataMarked = false;

async function readHomeData(db: PatuhDb, userId: string): Promise<HomeData> {
  // Summaries, not whole states: the home of a heavy device must open in well under a second.
  // Every read is issued at once; the units wait only for the assignments (not for the rest).
  const summaries = listAssessmentSummaries(db);
  const assignmentsRead = listAssignments(db);
  const [assignments, pemda, periods, assessments, syncInfo, meta, units, instrumentKeys] = await Promise.all(
    [
      assignmentsRead,
      listPemda(db),
      listPeriods(db),
      summaries,
      summaries.then((rows) => listAssessmentSyncInfo(db, rows)),
      readSyncMeta(db),
      // Only the units of the user's pemda: a supervisor's device may hold a whole province.
      assignmentsRead.then((list) =>
        db.units
          .where("pemdaId")
          .anyOf([...new Set(list.map((a) => a.pemdaId))])
          .toArray(),
      ),
      // Keys only: an instrument definition is large and only its presence matters here.
      db.instruments.toCollection().primaryKeys(),
    ],
  );
  // Once per page: the start-up split the bench reports (bench/device-field.ts).
  if (!homeDataMarked) {
    homeDataMarked = true;
    performance.mark("patuh:start:home-data");
  }
  // The render follows in this task's microtasks: what waited for the first screen may go.
  setTimeout(firstScreenShown, 0);
  return {
    userId,
    assignments,
    pemda,
    units,
    periods,
    instrumentKeys,
    assessments,
    syncInfo,
    pulled: meta.cursor !== null,
  };
}

/** Everything the home shows, following every change on the device (pulls, edits, other tabs). */
export function useHomeData(): HomeData | undefined {
  const { db, user } = useDevice();
  return useLiveQuery(() => readHomeData(db, user.id), [db, user.id]);
}
