// The protocol types the device layer uses, re-exported in one place so db/ and sync/ depend on the
// shared domain module through a single seam.
export type {
  AssessmentState,
  Assignment,
  EntityType as SyncedEntityType,
  EntityValueMap,
  InstrumentRecord,
  Mutation,
  MutationArgsMap,
  MutationName,
  PatchOp,
  Pemda,
  Period,
  PublicUser,
  PullRejection,
  PullResponse,
  PushResponse,
  PushResult,
  Unit,
} from "../../domain/sync/protocol";
