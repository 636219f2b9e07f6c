/**
 * assignments and assignment_members: which unit is assessed in which period, by which team.
 * Invariant: one assignment per (period, unit); membership is the only thing that lets an
 * assessor see an assignment.
 */
import type { Selectable } from "kysely";
import type { Db } from "../connection";
import type { AssignmentsTable } from "../types";

export type AssignmentRow = Selectable<AssignmentsTable>;

export async function insertAssignment(
  db: Db,
  a: { id: string; periodId: string; unitId: string; plannedDate: string | null; team: string[] },
): Promise<void> {
  await db
    .insertInto("assignments")
    .values({ id: a.id, period_id: a.periodId, unit_id: a.unitId, planned_date: a.plannedDate })
    .execute();
  if (a.team.length > 0) {
    await db
      .insertInto("assignment_members")
      .values(a.team.map((userId) => ({ assignment_id: a.id, user_id: userId })))
      .execute();
  }
}

export async function listAssignmentsOfUser(db: Db, userId: string): Promise<AssignmentRow[]> {
  return db
    .selectFrom("assignments")
    .innerJoin("assignment_members", "assignment_members.assignment_id", "assignments.id")
    .selectAll("assignments")
    .where("assignment_members.user_id", "=", userId)
    .orderBy("assignments.created_at")
    .execute();
}

export async function listTeam(db: Db, assignmentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("assignment_members")
    .select("user_id")
    .where("assignment_id", "=", assignmentId)
    .orderBy("user_id")
    .execute();
  return rows.map((r) => r.user_id);
}
