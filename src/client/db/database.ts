// The device database (Dexie over IndexedDB): the ONE place that declares every schema version.
//
// Invariants (every module of src/client/db keeps them; the sync engine relies on them):
// 1. Never delete or rewrite an old `version(n)` block: add `version(n+1)` with an upgrade that keeps
//    every draft, pending mutation and photo. A device may jump several versions in one update.
// 2. `assessments` (the local view the UI reads) == `serverAssessments` (as last pulled) with every
//    `outbox` entry applied in mutation-id order by the shared reducer. Every write that touches one
//    of the three keeps this true inside the same transaction, so no reader sees a half state.
// 3. Mutation ids of this device's clientId are gapless, start at 1 and only grow: the counter in
//    `meta` is advanced in the same transaction that appends to `outbox`.
// 4. An `outbox` entry is removed only after the server acknowledged its id (push result
//    applied/duplicate/rejected, or a pull whose lastMutationId covers it).
// 5. `evidence` is content-addressed (sha256 primary key); a blob is never overwritten by other bytes.
// 6. The clientId is minted once (crypto.randomUUID) and never replaced, even on client_mismatch:
//    replacing it would orphan pending mutations.
// 7. `assessmentSummaries` holds one small row per `assessments` row (summaryOf), written inside the
//    very transaction that writes the local view — by the summaries middleware (summaries.ts) for
//    every Dexie write, and by edit-transaction.ts for local edits, which bypass Dexie — so lists and
//    counters read a few hundred bytes per assessment instead of whole states.
import Dexie, { type Table } from "dexie";
import { evidenceFromStored, type StoredEvidenceRow } from "./evidence-storage";
import type {
  AssessmentState,
  Assignment,
  InstrumentRecord,
  Mutation,
  Pemda,
  Period,
  PublicUser,
  SyncedEntityType,
  Unit,
} from "./protocol-types";
import { summariesMiddleware, summaryOf } from "./summaries";

export const DEFAULT_DB_NAME = "patuh";

export interface OutboxRow {
  /** The mutation id (gapless per clientId); primary key, so the table iterates in push order. */
  id: number;
  clientId: string;
  /** Denormalised from args for the per-assessment pending count ("" when a mutation has none). */
  assessmentId: string;
  /** Exactly what is pushed: {id, name, args, at}. Kept apart from local fields (the server rejects unknown fields). */
  mutation: Mutation;
}

export type UploadState = "pending" | "uploaded" | "failed";

export interface EvidenceRow {
  sha256: string;
  blob: Blob;
  mime: string;
  bytes: number;
  width?: number;
  height?: number;
  uploadState: UploadState;
  /** ISO time the blob was stored on this device. */
  addedAt: string;
  /** When uploadState is "failed": why, as the server said it (413/415/400). Not retried automatically. */
  uploadError?: { status: number; code: string; message: string };
}

export interface RejectionRow {
  mutationId: number;
  assessmentId: string;
  mutationName: string;
  code: string;
  message: string;
  details?: unknown;
  receivedAt: string;
  /** 0/1 rather than boolean: IndexedDB cannot index booleans. */
  dismissed: 0 | 1;
}

export interface AssessmentSyncRow {
  id: string;
  /** Last time the device confirmed this assessment's state with the server. */
  lastSyncedAt: string;
}

/**
 * What lists and counters need of one assessment of the local view (summaryOf in summaries.ts): a
 * home with 500 checklists reads these, never the full states with their answer maps.
 */
export interface AssessmentSummaryRow {
  id: string;
  assignmentId: string;
  unitId: string;
  pemdaId: string;
  periodId: string;
  status: AssessmentState["status"];
  /** Open conflicts (indexed: the counters read only the rows above 0). */
  conflicts: number;
  /** sha256 of every evidence reference (what the uploader must send). */
  evidence: string[];
  updatedAt: string;
}

export interface DeviceMeta {
  key: "device";
  clientId: string;
  createdAt: string;
}
export interface CounterMeta {
  key: "counter";
  clientId: string;
  /** Highest mutation id ever allocated for clientId (acknowledged or not). */
  lastAllocated: number;
}
export interface SyncMeta {
  key: "sync";
  cursor: string | null;
  /** Highest mutation id the server said it processed for this clientId. */
  lastMutationId: number;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  /** The last run's problem: a message key of sync/messages.ts plus the server/transport code. */
  lastError: { key: string; code: string; detail?: string } | null;
}
/** Who is using the device (set by the session layer after login): authorship in the local view. */
export interface UserMeta {
  key: "user";
  userId: string;
}
/**
 * Which exported mutations (exporting clientId:mutation id) this device has already taken in from
 * a work file (carry-over.ts): importing the same file twice records nothing twice.
 */
export interface ImportLedgerMeta {
  key: "imported";
  entries: string[];
}
/** Applied edits no pull has covered yet (acknowledged.ts; protocol 1.2 replay). */
export interface AcknowledgedMeta {
  key: "acknowledged";
  edits: OutboxRow[];
}

export type MetaRow = DeviceMeta | CounterMeta | SyncMeta | UserMeta | ImportLedgerMeta | AcknowledgedMeta;

export type ReferenceTableName = "periods" | "instruments" | "pemda" | "units" | "assignments" | "users";

/** Which table holds each pulled entity type. */
export const TABLE_OF_TYPE: Record<Exclude<SyncedEntityType, "assessment">, ReferenceTableName> = {
  period: "periods",
  instrument: "instruments",
  pemda: "pemda",
  unit: "units",
  assignment: "assignments",
  user: "users",
};

export const REFERENCE_TABLES: readonly ReferenceTableName[] = Object.values(TABLE_OF_TYPE);

export class PatuhDb extends Dexie {
  // Reference entities exactly as last pulled (the server's values, no local fields).
  periods!: Table<Period, string>;
  /** Keyed [id+version]: a pull addresses an instrument as "id@version" (instrumentEntityId). */
  instruments!: Table<InstrumentRecord, [string, number]>;
  pemda!: Table<Pemda, string>;
  units!: Table<Unit, string>;
  assignments!: Table<Assignment, string>;
  users!: Table<PublicUser, string>;
  serverAssessments!: Table<AssessmentState, string>;
  assessments!: Table<AssessmentState, string>;
  outbox!: Table<OutboxRow, number>;
  /** Inserted as a Blob or, where IndexedDB refuses Blobs, as bytes (evidence-storage.ts); always read as a Blob. */
  evidence!: Table<EvidenceRow, string, StoredEvidenceRow>;
  meta!: Table<MetaRow, string>;
  rejections!: Table<RejectionRow, number>;
  assessmentSync!: Table<AssessmentSyncRow, string>;
  assessmentSummaries!: Table<AssessmentSummaryRow, string>;

  constructor(
    name: string = DEFAULT_DB_NAME,
    options?: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange },
  ) {
    // No shared query cache: local edits are written past Dexie (edit-transaction.ts), so a cached
    // result could outlive the row it came from; every live query re-reads IndexedDB instead.
    super(name, { cache: "disabled", ...options });
    // Version 1 (first release). Index only what is queried: the rest of a row is free-form.
    this.version(1).stores({
      periods: "id",
      instruments: "[id+version]",
      pemda: "id",
      units: "id, pemdaId",
      assignments: "id, periodId, unitId",
      users: "id",
      serverAssessments: "id",
      assessments: "id, assignmentId, status",
      outbox: "id, assessmentId",
      evidence: "sha256, uploadState",
      meta: "key",
      rejections: "mutationId, assessmentId, dismissed",
      assessmentSync: "id",
    });
    // Version 2: per-assessment summaries, filled from the local view the device already holds
    // (drafts, outbox and evidence are untouched: only a derived table is added).
    this.version(2)
      .stores({ assessmentSummaries: "id, assignmentId, conflicts" })
      .upgrade(async (tx) => {
        const rows: AssessmentSummaryRow[] = [];
        await tx.table<AssessmentState, string>("assessments").each((state) => rows.push(summaryOf(state)));
        await tx.table<AssessmentSummaryRow, string>("assessmentSummaries").bulkPut(rows);
      });
    this.use(summariesMiddleware);
    this.evidence.hook("reading", evidenceFromStored);
  }
}

/** Opens (creating or upgrading) the device database. Tests pass a fresh name each. */
export async function openPatuhDb(
  name: string = DEFAULT_DB_NAME,
  options?: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange },
): Promise<PatuhDb> {
  const db = new PatuhDb(name, options);
  await db.open();
  return db;
}
