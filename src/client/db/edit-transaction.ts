// The ONE IndexedDB transaction of a local edit, on the connection Dexie opened but without Dexie's
// per-request machinery. It is the hot path of the checklist (one per tap), and measured on the
// field bench (Chromium at 4× CPU slowdown, a heavy device) the same edit took 44–52 ms through
// Dexie's promise zones and middlewares and 17–21 ms here.
//
// Invariants kept here (database.ts lists them all):
// - all or nothing: the local view, its summary (invariant 7: written here because this path does
//   not pass the summaries middleware), the outbox append and the mutation-id counter are written in
//   one readwrite transaction; a refusal or a thrown write aborts it and nothing is kept;
// - `previous` and every other computed arg are built from the local view read INSIDE this
//   transaction, so two tabs editing the same checklist are serialised by IndexedDB, never lost;
// - live queries see the edit: once it commits, Dexie's `storagemutated` event is fired with the
//   keys and index values that changed (as Dexie's own observability middleware would), which
//   Dexie also relays to the other tabs.
import Dexie, { type IndexableType, type ObservabilitySet, RangeSet } from "dexie";
import type { Instrument } from "../../domain/instrument/types";
import type { AssessmentSummaryRow, CounterMeta, DeviceMeta, OutboxRow, PatuhDb, UserMeta } from "./database";
import { EDIT_META_KEYS, type EditMeta, editMetaFrom } from "./meta";
import type { AssessmentState, Assignment, InstrumentRecord, Mutation } from "./protocol-types";
import { cachedInstrument, instrumentOf, rememberInstrument } from "./reducer-context";
import { summaryOf } from "./summaries";

/** What the transaction read, handed to `decide` once everything is there. */
export interface EditInputs {
  state: AssessmentState | undefined;
  meta: EditMeta;
  instrument: Instrument | undefined;
  assignment: Assignment | undefined;
}

/** What `decide` wants written: the new local view and the mutation to queue. */
export interface EditOutcome {
  state: AssessmentState;
  mutation: Mutation;
}

/** Stores every edit writes. */
const WRITTEN = ["assessments", "assessmentSummaries", "outbox", "meta"];
/** Plus the reference data an edit may have to read: its instrument (not parsed yet), its assignment. */
const WITH_REFERENCE_DATA = [...WRITTEN, "instruments", "assignments"];

/**
 * The instrument version of each assessment this page has edited (it never changes: a new version
 * is a new assessment). When it is known and parsed, the edit's transaction spans only the stores
 * it writes: a smaller scope costs less to open, on every tap.
 */
const instrumentOfAssessment = new Map<string, [string, number]>();

/**
 * Runs one edit: reads the assessment and the edit's meta rows, then (only when not cached) its
 * instrument and, for a create, its assignment; calls `decide`, which returns what to write or
 * throws (nothing is written); writes it all and commits. Rejects with the thrown or IndexedDB
 * error (a quota failure stays a QuotaExceededError: the caller maps it).
 *
 * `draftFor` builds the mutation from the state read (its name and args say which reference data to
 * read); `creates` says it is an assessment.create (which reads its assignment).
 */
export async function runEditTransaction(
  db: PatuhDb,
  assessmentId: string,
  nowIso: string,
  draftFor: (state: AssessmentState | undefined) => Mutation,
  decide: (inputs: EditInputs, draft: Mutation) => EditOutcome,
  creates = false,
): Promise<EditOutcome> {
  if (!db.isOpen()) await db.open();
  const idb = db.backendDB();
  const known = instrumentOfAssessment.get(assessmentId);
  const lean = !creates && known !== undefined && cachedInstrument(known[0], known[1]) !== undefined;
  return new Promise<EditOutcome>((resolve, reject) => {
    const tx = idb.transaction(lean ? WRITTEN : WITH_REFERENCE_DATA, "readwrite");
    let failure: unknown;
    let outcome: EditOutcome | undefined;
    let before: AssessmentState | undefined;
    /** Every step runs inside a request callback; a throw aborts the whole edit. */
    const step =
      <A extends unknown[]>(fn: (...args: A) => void) =>
      (...args: A) => {
        try {
          fn(...args);
        } catch (error) {
          failure ??= error;
          try {
            tx.abort();
          } catch {
            // Already finished or aborting: the abort handler reports `failure`.
          }
        }
      };
    tx.oncomplete = () => {
      if (!outcome) {
        reject(failure ?? new Error("edit transaction ended without a result"));
        return;
      }
      const { state } = outcome;
      instrumentOfAssessment.set(state.id, [state.instrumentId, state.instrumentVersion]);
      notifyLiveQueries(db.name, before, outcome);
      resolve(outcome);
    };
    tx.onabort = () => reject(failure ?? tx.error ?? new Error("edit transaction aborted"));

    const assessments = tx.objectStore("assessments");
    const meta = tx.objectStore("meta");
    const stateRead = assessments.get(assessmentId);
    const metaReads = EDIT_META_KEYS.map((key) => meta.get(key));
    let pending = 1 + metaReads.length;
    const read = step(() => {
      pending -= 1;
      if (pending > 0) return;
      const state = stateRead.result as AssessmentState | undefined;
      const [device, counter, user] = metaReads.map((r) => r.result) as [
        DeviceMeta | undefined,
        CounterMeta | undefined,
        UserMeta | undefined,
      ];
      before = state;
      const inputs: EditInputs = {
        state,
        meta: editMetaFrom(device, counter, user, nowIso),
        instrument: undefined,
        assignment: undefined,
      };
      withReferenceData(tx, inputs, draftFor(state), step, write);
    });
    stateRead.onsuccess = read;
    for (const r of metaReads) r.onsuccess = read;

    const write = step((inputs: EditInputs, draft: Mutation) => {
      const result = decide(inputs, draft);
      const { clientId } = inputs.meta;
      for (const row of inputs.meta.rows) meta.put(row);
      assessments.put(result.state);
      tx.objectStore("assessmentSummaries").put(summaryOf(result.state));
      const row: OutboxRow = {
        id: result.mutation.id,
        clientId,
        assessmentId,
        mutation: result.mutation,
      };
      tx.objectStore("outbox").add(row);
      outcome = result;
      // Everything is issued: commit now rather than after the page has run every success callback.
      tx.commit();
    });
  });
}

/** Reads the instrument (unless parsed before) and a create's assignment, then calls `then`. */
function withReferenceData(
  tx: IDBTransaction,
  inputs: EditInputs,
  draft: Mutation,
  step: <A extends unknown[]>(fn: (...args: A) => void) => (...args: A) => void,
  then: (inputs: EditInputs, draft: Mutation) => void,
): void {
  const which = instrumentOf(draft, inputs.state);
  const cached = which ? cachedInstrument(which[0], which[1]) : undefined;
  const needsInstrument = which !== undefined && cached === undefined;
  const needsAssignment = draft.name === "assessment.create";
  inputs.instrument = cached;
  if (!needsInstrument && !needsAssignment) {
    then(inputs, draft);
    return;
  }
  let pending = (needsInstrument ? 1 : 0) + (needsAssignment ? 1 : 0);
  const done = step(() => {
    pending -= 1;
    if (pending === 0) then(inputs, draft);
  });
  if (needsInstrument && which) {
    const r = tx.objectStore("instruments").get(which);
    r.onsuccess = step(() => {
      const record = r.result as InstrumentRecord | undefined;
      inputs.instrument = record ? rememberInstrument(record) : undefined;
      done();
    });
  }
  if (draft.name === "assessment.create") {
    const r = tx.objectStore("assignments").get(draft.args.assignmentId);
    r.onsuccess = step(() => {
      inputs.assignment = r.result as Assignment | undefined;
      done();
    });
  }
}

/**
 * Tells Dexie's live queries (this tab's, and through Dexie's relay the other tabs') what the edit
 * changed: the primary keys written and the old and new values of every index of those rows. The
 * keys are also marked as possible inserts (`:dels`), as Dexie does when it does not know the old
 * row, so count and key-only queries re-run too.
 */
function notifyLiveQueries(dbName: string, before: AssessmentState | undefined, after: EditOutcome): void {
  const parts = new Map<string, RangeSet>();
  const mark = (table: string, index: string, keys: readonly (IndexableType | null | undefined)[]) => {
    const part = `idb://${dbName}/${table}/${index}`;
    const set = parts.get(part) ?? new RangeSet();
    for (const key of keys) if (key !== undefined && key !== null) set.addKey(key);
    parts.set(part, set);
  };
  const rows = (table: string, keys: readonly IndexableType[]) => {
    mark(table, "", keys);
    mark(table, ":dels", keys);
  };
  const state = after.state;
  const old: AssessmentSummaryRow | undefined = before ? summaryOf(before) : undefined;
  rows("assessments", [state.id]);
  mark("assessments", "assignmentId", [before?.assignmentId, state.assignmentId]);
  mark("assessments", "status", [before?.status, state.status]);
  rows("assessmentSummaries", [state.id]);
  mark("assessmentSummaries", "assignmentId", [old?.assignmentId, state.assignmentId]);
  mark("assessmentSummaries", "conflicts", [old?.conflicts, state.conflicts.length]);
  rows("outbox", [after.mutation.id]);
  mark("outbox", "assessmentId", [state.id]);
  rows("meta", [...EDIT_META_KEYS]);
  const changed: ObservabilitySet = Object.fromEntries(parts);
  Dexie.on("storagemutated").fire(changed);
}
