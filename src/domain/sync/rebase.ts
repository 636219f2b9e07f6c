/**
 * Rebase: the device's view = pulled server state + its own pending mutations re-applied on top.
 *
 * Owns: the merge of a pull with the local outbox.
 * Invariant: only mutations with id > the server's lastMutationId are re-applied (the others are
 * already inside the pulled state), in id order, so a local edit is neither lost nor applied twice.
 * A pending mutation the reducer rejects is reported, not dropped: the outbox keeps it until the
 * server acknowledges it (the server's verdict is the one that counts).
 */
import { type ApplyContext, applyMutation, assessmentIdOf } from "./apply";
import type { AssessmentState, Mutation } from "./protocol";

export interface RebaseRejection {
  mutationId: number;
  code: string;
  message: string;
}

export interface RebaseResult {
  states: Record<string, AssessmentState>;
  rejected: RebaseRejection[];
}

/**
 * The context of one mutation (instrument, assignment, clock), given the state it applies to;
 * undefined when the device lacks what the mutation needs (it is then reported as rejected).
 */
export type ContextFor = (mutation: Mutation, state: AssessmentState | undefined) => ApplyContext | undefined;

/** Re-applies one assessment's pending mutations on top of its pulled state. */
export function rebaseOne(
  pulled: AssessmentState | undefined,
  pending: readonly Mutation[],
  ctx: ApplyContext | ContextFor,
  lastMutationId = 0,
): { state: AssessmentState | undefined; rejected: RebaseRejection[] } {
  const id = pulled?.id;
  const mine = pending.filter((m) => id === undefined || assessmentIdOf(m) === id);
  const result = rebase(
    id === undefined ? {} : { [id]: pulled as AssessmentState },
    mine,
    ctx,
    lastMutationId,
  );
  const single = id ?? mine.find((m) => m.name === "assessment.create")?.args.assessmentId;
  return { state: single === undefined ? undefined : result.states[single], rejected: result.rejected };
}

export function rebase(
  pulled: Readonly<Record<string, AssessmentState>>,
  pending: readonly Mutation[],
  ctx: ApplyContext | ContextFor,
  lastMutationId = 0,
): RebaseResult {
  const states: Record<string, AssessmentState> = { ...pulled };
  const rejected: RebaseRejection[] = [];
  const ordered = pending.filter((m) => m.id > lastMutationId).sort((a, b) => a.id - b.id);
  for (const mutation of ordered) {
    const id = assessmentIdOf(mutation);
    const current = Object.hasOwn(states, id) ? states[id] : undefined;
    const context = typeof ctx === "function" ? ctx(mutation, current) : ctx;
    if (context === undefined) {
      rejected.push({
        mutationId: mutation.id,
        code: "missing_context",
        message: "Data rujukan belum tersedia.",
      });
      continue;
    }
    const result = applyMutation(current, mutation, context);
    if (result.ok) states[id] = result.state;
    else rejected.push({ mutationId: mutation.id, code: result.code, message: result.message });
  }
  return { states, rejected };
}
