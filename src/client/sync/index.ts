// Public surface of the sync engine for the UI's hooks (no UI in here).
export { requestBackgroundSync, SYNC_MESSAGE_TYPE, SYNC_TAG } from "./background-sync";
export { backoffDelayMs, SYNC_RETRY_BASE_MS, SYNC_RETRY_MAX_MS } from "./backoff";
export {
  createSyncEngine,
  SYNC_PERIODIC_MS,
  type SyncEngine,
  type SyncEngineOptions,
  type SyncRunResult,
} from "./engine";
export { SYNC_MESSAGES, type SyncMessageKey, type SyncProblem, type Words } from "./messages";
export { observeAssessmentSync, observeConflicts, observeRejections, type Unsubscribe } from "./observe";
export type { SyncState, SyncStatus } from "./status";
export type { FetchLike } from "./transport";
export type { SyncEnvironment } from "./triggers";
