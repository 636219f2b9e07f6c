// Public surface of the device database for the UI's hooks and the sync engine.
export {
  type AssessmentSyncInfo,
  type AssessmentSyncState,
  getAssessment,
  getAssessmentSyncInfo,
  getServerAssessment,
  listAssessmentSummaries,
  listAssessmentSyncInfo,
  listAssessments,
  listAssessmentsOfAssignment,
  listConflicts,
  syncStateOf,
} from "./assessments";
export {
  exportUnsyncedWork,
  type ImportOutcome,
  importUnsyncedWork,
  readWorkFile,
  WorkFileError,
  workFileName,
} from "./carry-over";
export {
  type AssessmentSummaryRow,
  DEFAULT_DB_NAME,
  type EvidenceRow,
  type OutboxRow,
  openPatuhDb,
  PatuhDb,
  type RejectionRow,
  type UploadState,
} from "./database";
export {
  type RecordedEdit,
  type RecordOptions,
  recordMutation,
  recordWith,
  setAnswer,
  setNote,
} from "./edits";
export { isQuotaError, MutationRefusedError, StorageFullError } from "./errors";
export {
  type EvidenceMeta,
  getEvidence,
  listEvidenceByState,
  retryEvidence,
  type StoredEvidence,
  sha256Hex,
  storeEvidence,
} from "./evidence";
export {
  ensureClientId,
  prepareDeviceMeta,
  readClientId,
  readDeviceUser,
  readSyncMeta,
  setDeviceUser,
} from "./meta";
export { countPending, countPendingFor, listPending } from "./outbox";
export { loadInstrument } from "./reducer-context";
export { dismissRejection, listRejections, listRejectionsFor } from "./rejections";
export { listRemovedWork, type RemovedWorkRow } from "./removed-work";
export {
  getAssignment,
  getInstrument,
  getPemda,
  getUnit,
  getUser,
  listAssignments,
  listAssignmentsOfPeriod,
  listPemda,
  listPeriods,
  listUnitsOfPemda,
} from "./synced";
