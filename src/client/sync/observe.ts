// Live views of the data the sync bar and the "needs attention" list show: per-assessment sync
// state, rejected edits and open conflicts. Built on Dexie's liveQuery (framework-free), so they
// follow changes made by this tab, by the engine and by other tabs alike.
//
// Invariant kept: observers are read-only and each returns its own unsubscribe function.
import { liveQuery } from "dexie";
import type { Conflict } from "../../domain/sync";
import { type AssessmentSyncInfo, listAssessmentSyncInfo, listConflicts } from "../db/assessments";
import type { PatuhDb, RejectionRow } from "../db/database";
import { listRejections } from "../db/rejections";

export type Unsubscribe = () => void;

function observe<T>(
  query: () => Promise<T>,
  listener: (value: T) => void,
  onError?: (e: unknown) => void,
): Unsubscribe {
  const subscription = liveQuery(query).subscribe({
    next: listener,
    error: (e: unknown) => onError?.(e),
  });
  return () => subscription.unsubscribe();
}

export function observeAssessmentSync(
  db: PatuhDb,
  listener: (infos: AssessmentSyncInfo[]) => void,
  onError?: (e: unknown) => void,
): Unsubscribe {
  return observe(() => listAssessmentSyncInfo(db), listener, onError);
}

export function observeRejections(
  db: PatuhDb,
  listener: (rejections: RejectionRow[]) => void,
  onError?: (e: unknown) => void,
): Unsubscribe {
  return observe(() => listRejections(db), listener, onError);
}

export function observeConflicts(
  db: PatuhDb,
  listener: (conflicts: { assessmentId: string; conflict: Conflict }[]) => void,
  onError?: (e: unknown) => void,
): Unsubscribe {
  return observe(() => listConflicts(db), listener, onError);
}
