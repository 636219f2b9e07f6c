/**
 * A supervisor's decision on a submitted assessment (POST /assessments/{id}/review).
 *
 * Owns no table: the decision is a change of the assessment, written with saveAssessment, so the
 * state (status, revision+1, reviewComments), its audit rows (`status`, `review:N`, action
 * `review.approve` / `review.return`) and the pull change-log row are committed together, and a
 * returned assessment with its comments reaches the team's devices on their next pull.
 * Invariants: decided only on the revision the supervisor saw (checked first: a stale view is
 * 409 stale_revision even if the status changed too), and only on `submitted` — checked under
 * the row lock (SELECT … FOR UPDATE), so of two supervisors deciding on the same view the second
 * waits, then finds a new revision and gets 409 stale_revision; a closed period refuses every
 * decision (409 period_closed); answers are never touched.
 * Undo of an approval (issue #20): `undo_approval` puts an approved assessment back to `submitted`
 * on the same revision check, only while its period is open (409 not_approved otherwise). It adds
 * no review comment (devices' protocol unchanged); the history row `review.undo_approval` with
 * status approved → submitted is its record, and the detail's `reviews` shows it from there.
 */
import { type Kysely, sql } from "kysely";
import type { AssessmentState, ReviewComment } from "../../domain/sync/protocol";
import { loadAssessmentForUpdate, saveAssessment } from "../db/assessments";
import type { PublicUser } from "../db/queries/users";
import type { Database } from "../db/types";
import { problem } from "../http/problems";
import { canSeeAssignment } from "../sync/permissions";

export interface ReviewRequest {
  decision: "approve" | "return" | "undo_approval";
  comment?: string | undefined;
  itemComments?: { key: string; text: string }[] | undefined;
  revision: number;
}

/** The new state: decision applied, comments appended (general first, then per key). */
export function applyDecision(
  state: AssessmentState,
  req: ReviewRequest,
  userId: string,
  at: string,
): AssessmentState {
  if (req.decision === "undo_approval")
    return { ...state, status: "submitted", revision: state.revision + 1, updatedAt: at };
  const decision = req.decision;
  const base = { by: userId, at, revision: req.revision };
  const comments: ReviewComment[] = [
    // The general entry always exists: it carries the decision, with or without text.
    { key: "general", text: req.comment?.trim() ?? "", decision, ...base },
    ...(req.itemComments ?? [])
      .filter((c) => c.text.trim() !== "")
      .map((c) => ({ key: c.key, text: c.text.trim(), decision, ...base })),
  ];
  return {
    ...state,
    status: decision === "approve" ? "approved" : "returned",
    reviewComments: [...state.reviewComments, ...comments],
    revision: state.revision + 1,
    updatedAt: at,
  };
}

async function teamOf(trx: Kysely<Database>, assignmentId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom("assignment_members")
    .select("user_id")
    .where("assignment_id", "=", assignmentId)
    .execute();
  return rows.map((r) => r.user_id);
}

/** Decides in one transaction; returns the new state. Throws Problems for every refusal. */
export async function reviewAssessment(
  db: Kysely<Database>,
  user: PublicUser,
  assessmentId: string,
  req: ReviewRequest,
  at: string,
): Promise<AssessmentState> {
  return db.transaction().execute(async (trx) => {
    const row = await loadAssessmentForUpdate(trx, assessmentId);
    if (row === undefined) throw problem("not_found");
    const team = await teamOf(trx, row.state.assignmentId);
    if (!canSeeAssignment(user, { officeId: row.officeId, team })) throw problem("not_found");
    if (user.role === "assessor") throw problem("forbidden", { requiredRole: ["supervisor", "admin"] });
    const { state } = row;
    if (state.revision !== req.revision) throw problem("stale_revision", { revision: state.revision });
    if (req.decision === "undo_approval") {
      if (state.status !== "approved") throw problem("not_approved", { status: state.status });
    } else if (state.status !== "submitted") throw problem("not_submitted", { status: state.status });
    // A closed period's results are final: no decision may change them (share lock: a close
    // running at the same time waits for this decision or is seen here).
    const period = await sql<{ status: string }>`select status from periods
      where id = (select period_id from assessments where id = ${assessmentId}) for share`.execute(trx);
    if (period.rows[0]?.status !== "open") throw problem("period_closed", { status: "closed" });
    const next = applyDecision(state, req, user.id, at);
    await saveAssessment(trx, state, next, row.officeId, {
      userId: user.id,
      clientId: null,
      mutationId: null,
      action: `review.${req.decision}`,
      at,
    });
    return next;
  });
}
