/**
 * assignments and assignment_members: which unit is assessed in which period, by which team.
 * Invariant: one assignment per (period, unit); membership is the only thing that lets an
 * assessor see an assignment.
 */
import { type Selectable, sql } from "kysely";
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

/**
 * Ends a user's team memberships in assignments of other offices' periods (when the user moves to
 * `officeId`). The change-log triggers record each as a revoke, as for a member taken off a team:
 * the assignments leave the user's devices (unsynced work is kept there) and later edits are
 * answered `assignment_removed`. Returns how many memberships ended.
 */
export async function endMembershipsOutsideOffice(db: Db, userId: string, officeId: string): Promise<number> {
  const r = await sql<{ assignment_id: string }>`delete from assignment_members m
    using assignments a, periods p
    where m.assignment_id = a.id and a.period_id = p.id
      and m.user_id = ${userId}::uuid and p.office_id <> ${officeId}
    returning m.assignment_id`.execute(db);
  return r.rows.length;
}
