// What the home (Beranda) reads from the device, written once over a minimal store reader so the
// same reads serve two paths (issue #21, first route ≤ 60 KiB):
// - the live home, through Dexie inside one read transaction (liveQuery follows every change);
// - its first paint at a cold start, through raw IndexedDB (raw-home-read.ts), before Dexie's code
//   (~27 KiB gzip) has arrived, so the first route shows the device's real list, tappable, from
//   the shell alone.
//
// Invariant: read-only, and Dexie-free (this module is on the first route: importing Dexie or any
// module that does would put it back there; tests/e2e/bundle-budget.test.ts would fail).
import type { AssessmentSummaryRow, AssessmentSyncRow, MetaRow, OutboxRow, RejectionRow } from "./database";
import type { Assignment, InstrumentRecord, Pemda, Period, Unit } from "./protocol-types";
import { type AssessmentSyncInfo, syncInfoFromRows } from "./sync-info";

/** The stores the home reads, with their row types (names as in database.ts). */
export interface HomeStoreRows {
  assignments: Assignment;
  pemda: Pemda;
  periods: Period;
  units: Unit;
  instruments: InstrumentRecord;
  assessmentSummaries: AssessmentSummaryRow;
  serverAssessments: { id: string };
  assessmentSync: AssessmentSyncRow;
  outbox: OutboxRow;
  rejections: RejectionRow;
  meta: MetaRow;
}
export type HomeStore = keyof HomeStoreRows;
/** The stores whose keys alone the home reads, with their key types. */
export interface HomeStoreKeys {
  instruments: readonly [string, number];
  serverAssessments: string;
}
export const HOME_STORES: readonly HomeStore[] = [
  "assignments",
  "pemda",
  "periods",
  "units",
  "instruments",
  "assessmentSummaries",
  "serverAssessments",
  "assessmentSync",
  "outbox",
  "rejections",
  "meta",
];

/** Reads inside one read transaction over HOME_STORES. No cursor over keys only (WebKit, outbox.ts). */
export interface HomeStoreReader {
  all<S extends HomeStore>(store: S): Promise<HomeStoreRows[S][]>;
  keys<S extends keyof HomeStoreKeys>(store: S): Promise<HomeStoreKeys[S][]>;
  get<S extends HomeStore>(store: S, key: string): Promise<HomeStoreRows[S] | undefined>;
  /** Rows whose `index` equals one of `values`, in index order (as Dexie's anyOf gives them). */
  anyOf<S extends HomeStore>(
    store: S,
    index: string,
    values: readonly (string | number)[],
  ): Promise<HomeStoreRows[S][]>;
}

export interface HomeData {
  userId: string;
  assignments: readonly Assignment[];
  pemda: readonly Pemda[];
  units: readonly Unit[];
  periods: readonly Period[];
  /** Primary keys of the stored instruments: [id, version]. */
  instrumentKeys: readonly (readonly [string, number])[];
  /** Summaries suffice (id, assignment, updatedAt): the home never reads whole states. */
  assessments: readonly Pick<AssessmentSummaryRow, "id" | "assignmentId" | "updatedAt">[];
  syncInfo: readonly AssessmentSyncInfo[];
  /** A pull has completed at least once (the sync cursor is set). */
  pulled: boolean;
}

/** The user's own assignments: an assessor sees only theirs anyway, a supervisor sees the office's. */
export function myAssignments(data: Pick<HomeData, "assignments" | "userId">): Assignment[] {
  return data.assignments.filter((a) => a.team.includes(data.userId));
}

/** Everything the home shows. Summaries, not whole states: a heavy device's home opens in well under a second. */
export async function readHomeRows(reader: HomeStoreReader, userId: string): Promise<HomeData> {
  // Every read is issued at once; the units wait only for the assignments (not for the rest).
  const assignmentsRead = reader.all("assignments");
  const [
    assignments,
    pemda,
    periods,
    summaries,
    serverIds,
    synced,
    outbox,
    openRejections,
    sync,
    units,
    instrumentKeys,
  ] = await Promise.all([
    assignmentsRead,
    reader.all("pemda"),
    reader.all("periods"),
    reader.all("assessmentSummaries"),
    reader.keys("serverAssessments"),
    reader.all("assessmentSync"),
    reader.all("outbox"),
    reader.anyOf("rejections", "dismissed", [0]),
    reader.get("meta", "sync"),
    // Only the units of the pemda of the user's own assignments: a supervisor's device may hold a
    // whole province, and the home lists only the user's units.
    assignmentsRead.then((assignments) => {
      const pemdaIds = new Set(myAssignments({ assignments, userId }).map((a) => a.pemdaId));
      return reader.anyOf("units", "pemdaId", [...pemdaIds]);
    }),
    // Keys only: an instrument definition is large and only its presence matters here.
    reader.keys("instruments"),
  ]);
  const syncInfo = syncInfoFromRows({
    summaries,
    serverIds,
    synced,
    pendingAssessmentIds: outbox.map((row) => row.assessmentId),
    openRejections,
  });
  const cursor = sync && sync.key === "sync" ? sync.cursor : null;
  return {
    userId,
    assignments,
    pemda,
    units,
    periods,
    instrumentKeys,
    assessments: summaries,
    syncInfo,
    pulled: cursor !== null,
  };
}
