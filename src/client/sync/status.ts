// The engine's observable status: what the sync bar in the UI shows. Plain listeners, no framework.
//
// Invariant kept: listeners always receive a complete, immutable snapshot (never a half-updated
// object), and a listener that throws cannot stop the others or the engine.
import type { SyncProblem } from "./messages";

export type SyncState = "idle" | "syncing" | "offline" | "error" | "needs-login";

export interface SyncStatus {
  state: SyncState;
  /** ISO time of the last run that pushed and pulled without error (persisted across restarts). */
  lastSuccessAt: string | null;
  /** ISO time the last run started. */
  lastAttemptAt: string | null;
  /** Why the last run failed, in words; null after a success. */
  lastError: SyncProblem | null;
  /** Non-fatal notices of the last run (an evidence file refused, mutation ids renumbered). */
  warnings: readonly SyncProblem[];
  /** Mutations on this device not yet acknowledged by the server. */
  pendingCount: number;
  /** Evidence files the server refused (413/415/400): they need the user's attention. */
  failedUploads: number;
  /** Rejected edits not yet dismissed (list: observeRejections). */
  openRejections: number;
  /** Open conflicts across the device's assessments (list: observeConflicts). */
  openConflicts: number;
  /** ISO time of the next automatic retry after a failure, if one is scheduled. */
  nextRetryAt: string | null;
  clientId: string | null;
  /**
   * While evidence uploads in a run: bytes left, measured rate and estimated seconds (null rate and
   * estimate until the first file of the run went through); null when nothing is uploading.
   */
  upload: { bytesLeft: number; bytesPerSecond: number | null; etaSeconds: number | null } | null;
}

export type StatusListener = (status: SyncStatus) => void;

export const INITIAL_STATUS: SyncStatus = Object.freeze({
  state: "idle",
  upload: null,
  lastSuccessAt: null,
  lastAttemptAt: null,
  lastError: null,
  warnings: [],
  pendingCount: 0,
  failedUploads: 0,
  openRejections: 0,
  openConflicts: 0,
  nextRetryAt: null,
  clientId: null,
});

export class StatusStore {
  private status: SyncStatus = INITIAL_STATUS;
  private readonly listeners = new Set<StatusListener>();

  constructor(private readonly onListenerError: (e: unknown) => void = () => {}) {}

  get(): SyncStatus {
    return this.status;
  }

  set(change: Partial<SyncStatus>): void {
    const next = Object.freeze({ ...this.status, ...change });
    if (shallowEqual(next, this.status)) return;
    this.status = next;
    for (const listener of [...this.listeners]) {
      try {
        listener(next);
      } catch (e) {
        this.onListenerError(e);
      }
    }
  }

  subscribe(listener: StatusListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}

function shallowEqual(a: SyncStatus, b: SyncStatus): boolean {
  const keys = Object.keys(a) as (keyof SyncStatus)[];
  return keys.every((k) => a[k] === b[k]);
}
