/**
 * Assignments of a period plan: create or update the assignment of a unit (team, planned visit
 * date, suggested products), remove an assignment, take one member off a team.
 * Owns the rules; the writes go through db/queries/plans.ts in ONE transaction per request, and
 * every change reaches devices through the change-log triggers of migration 002 (`put
 * assignment` for the assignment's row and for a new member, `revoke` for a removed member,
 * `del` for a removed assignment) — nothing here writes the change log itself.
 * Invariants: team members are active assessors of the period's office; an assignment with an
 * assessment is never deleted (409 assignment_has_assessment): its work must stay reachable.
 */
import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import { suggestProducts } from "../../domain";
import type { Db } from "../db/connection";
import {
  countAssessmentsOf,
  deleteAssignment,
  findPlanAssignment,
  findPlanPeriod,
  findUnitWithOffice,
  listOfficeAssessors,
  lockAssignment,
  type PlanAssignment,
  removeMember,
  setTeam,
  upsertAssignment,
} from "../db/queries/plans";
import type { PublicUser } from "../db/queries/users";
import type { Database } from "../db/types";
import { problem } from "../http/problems";
import { requireOpen, requirePlanner } from "./scope";

/** How many of the unit's catalogue products a new assignment suggests when none are given. */
export const DEFAULT_SUGGESTED_PRODUCTS = 3;

export interface AssignmentRequest {
  team: string[];
  plannedDate: string | null;
  suggestedProducts?: string[] | undefined;
}

async function scopedPeriod(trx: Transaction<Database>, user: PublicUser, periodId: string) {
  const period = await findPlanPeriod(trx, periodId, true);
  requirePlanner(user, period);
  if (period === undefined) throw new Error("unreachable");
  return period;
}

export async function putAssignment(
  db: Db,
  user: PublicUser,
  periodId: string,
  unitId: string,
  req: AssignmentRequest,
): Promise<{ assignment: PlanAssignment; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const period = await scopedPeriod(trx, user, periodId);
    const unit = await findUnitWithOffice(trx, unitId);
    if (unit === undefined || unit.officeId !== period.officeId) throw problem("not_found");
    requireOpen(period);
    const team = [...new Set(req.team.map((id) => id.toLowerCase()))];
    const allowed = new Set((await listOfficeAssessors(trx, period.officeId)).map((a) => a.id));
    const strangers = team.filter((id) => !allowed.has(id));
    if (strangers.length > 0) throw problem("invalid_team", { userIds: strangers });
    const products =
      req.suggestedProducts === undefined
        ? undefined
        : [...new Set(req.suggestedProducts.map((p) => p.trim()).filter((p) => p !== ""))];
    const { id, created } = await upsertAssignment(trx, {
      id: randomUUID(),
      periodId,
      unitId,
      plannedDate: req.plannedDate,
      suggestedProducts: products,
      defaultProducts: suggestProducts(
        unit.kind,
        [{ kind: unit.kind, products: unit.suggestedProducts }],
        DEFAULT_SUGGESTED_PRODUCTS,
      ),
    });
    await setTeam(trx, id, team);
    const assignment = await findPlanAssignment(trx, id);
    if (assignment === undefined) throw new Error("putAssignment: the assignment vanished");
    return { assignment, created };
  });
}

/** The assignment (row-locked) and its period, in the user's scope and open. */
async function openAssignment(trx: Transaction<Database>, user: PublicUser, assignmentId: string) {
  const locked = await lockAssignment(trx, assignmentId);
  if (locked === undefined) throw problem("not_found");
  const period = await scopedPeriod(trx, user, locked.periodId);
  requireOpen(period);
  return locked;
}

export async function removeAssignment(db: Db, user: PublicUser, assignmentId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await openAssignment(trx, user, assignmentId);
    const assessments = await countAssessmentsOf(trx, assignmentId);
    if (assessments > 0) throw problem("assignment_has_assessment", { assignmentId, assessments });
    await deleteAssignment(trx, assignmentId);
  });
}

/** Takes one member off the team; their device drops the assignment on its next pull. */
export async function removeTeamMember(
  db: Db,
  user: PublicUser,
  assignmentId: string,
  userId: string,
): Promise<PlanAssignment> {
  return db.transaction().execute(async (trx) => {
    await openAssignment(trx, user, assignmentId);
    if (!(await removeMember(trx, assignmentId, userId))) throw problem("not_found");
    const assignment = await findPlanAssignment(trx, assignmentId);
    if (assignment === undefined) throw new Error("removeTeamMember: the assignment vanished");
    return assignment;
  });
}
