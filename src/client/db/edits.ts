// Local edits: the only way the UI changes an assessment on the device.
//
// Invariants kept here (see database.ts for the whole list):
// - ONE IndexedDB transaction per edit (edit-transaction.ts) over assessments, their summaries,
//   outbox and meta: the mutation id is allocated, the shared reducer applies the edit to the local
//   view, and the mutation is appended to the outbox — all or nothing. A refusal (schema or reducer) throws MutationRefusedError and a quota
//   failure throws StorageFullError; either way nothing of the edit is stored and no id is used up.
// - The mutation pushed later is byte-for-byte the one applied locally, so device and server run
//   the same reducer on the same input.
import * as v from "valibot";
import { applyMutation, mutationSchemaByName } from "../../domain/sync";
import type { PatuhDb } from "./database";
import { runEditTransaction } from "./edit-transaction";
import { guardStorage, MutationRefusedError } from "./errors";
import type { AssessmentState, Mutation, MutationArgsMap, MutationName } from "./protocol-types";
import { contextFrom } from "./reducer-context";

export interface RecordOptions {
  /** Device clock (injectable for tests); becomes the mutation's `at`. */
  now?: Date;
  /** Overrides the user remembered with setDeviceUser. */
  userId?: string;
}

export interface RecordedEdit {
  mutation: Mutation;
  /** The local view of the assessment after the edit. */
  state: AssessmentState;
}

/**
 * Records one edit: validates it, applies it to the local view and queues it for the server, in one
 * transaction. Throws MutationRefusedError (nothing written) when the edit cannot be applied.
 */
export function recordMutation<N extends MutationName>(
  db: PatuhDb,
  name: N,
  args: MutationArgsMap[N],
  options: RecordOptions = {},
): Promise<RecordedEdit> {
  return recordWith(db, name, args.assessmentId, () => args, options);
}

/**
 * recordMutation whose args are computed from the assessment's current local view inside the
 * transaction (so e.g. `previous` is exactly what this device showed when the edit was made).
 */
export async function recordWith<N extends MutationName>(
  db: PatuhDb,
  name: N,
  assessmentId: string,
  build: (current: AssessmentState | undefined) => MutationArgsMap[N],
  options: RecordOptions = {},
): Promise<RecordedEdit> {
  const at = (options.now ?? new Date()).toISOString();
  // The schema wants a positive id; 1 stands in until one is allocated (only after success).
  const draftFor = (state: AssessmentState | undefined) =>
    ({ id: 1, name, args: build(state), at }) as Mutation;
  const { state, mutation } = await guardStorage(() =>
    runEditTransaction(
      db,
      assessmentId,
      at,
      draftFor,
      ({ state, meta, instrument, assignment }, draft) => {
        const checked = v.safeParse(mutationSchemaByName, draft);
        if (!checked.success) {
          const issue = checked.issues[0];
          throw new MutationRefusedError("invalid_mutation", issue?.message ?? "invalid mutation", {
            path: issue?.path?.map((p) => String(p.key)).join("."),
          });
        }
        if (draft.args.assessmentId !== assessmentId) {
          throw new MutationRefusedError("invalid_mutation", "args name another assessment");
        }
        const { clientId, nextMutationId: id } = meta;
        const userId = options.userId ?? meta.userId ?? "";
        const ctx = contextFrom(draft, state, { clientId, userId }, at, instrument, assignment);
        if (!ctx) {
          throw new MutationRefusedError(
            "missing_reference_data",
            "The instrument or assignment is not on this device yet",
          );
        }
        const result = applyMutation(state, draft, ctx);
        if (!result.ok) throw new MutationRefusedError(result.code, result.message, result.details);
        // The counter advances only with the append (same transaction): an abort rolls both back.
        return { state: result.state, mutation: { ...draft, id } as Mutation };
      },
      name === "assessment.create",
    ),
  );
  return { mutation, state };
}

/** setAnswer with `previous` read from the local view in the same transaction (what the user saw). */
export function setAnswer(
  db: PatuhDb,
  assessmentId: string,
  key: string,
  value: MutationArgsMap["assessment.setAnswer"]["value"],
  options?: RecordOptions,
): Promise<RecordedEdit> {
  return recordWith(
    db,
    "assessment.setAnswer",
    assessmentId,
    (current) => ({ assessmentId, key, value, previous: current?.answers[key] ?? null }),
    options,
  );
}

/** setNote with `previous` read from the local view in the same transaction. */
export function setNote(
  db: PatuhDb,
  assessmentId: string,
  key: string,
  text: string,
  options?: RecordOptions,
): Promise<RecordedEdit> {
  return recordWith(
    db,
    "assessment.setNote",
    assessmentId,
    (current) => ({ assessmentId, key, text, previous: current?.notes[key] ?? null }),
    options,
  );
}
