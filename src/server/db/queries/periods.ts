/** periods: an office's assessment round (year, instrument version, banding scheme, open/closed). */
import { type Insertable, type Selectable, sql } from "kysely";
import type { Db } from "../connection";
import type { PeriodsTable } from "../types";

export type PeriodRow = Selectable<PeriodsTable>;

export async function insertPeriod(db: Db, p: Insertable<PeriodsTable>): Promise<void> {
  await db.insertInto("periods").values(p).execute();
}

export async function listPeriodsOfOffice(db: Db, officeId: string): Promise<PeriodRow[]> {
  return db
    .selectFrom("periods")
    .selectAll()
    .where("office_id", "=", officeId)
    .orderBy("year", "desc")
    .execute();
}

export async function findPeriod(db: Db, id: string): Promise<PeriodRow | undefined> {
  return db.selectFrom("periods").selectAll().where("id", "=", id).executeTakeFirst();
}

export interface AdminPeriodRow extends PeriodRow {
  officeName: string;
  assessmentCount: number;
  assignmentCount: number;
}

/** Every period of every office (or one office), newest year first, with its counts. */
export async function listPeriodsForAdmin(
  db: Db,
  filter: { officeId?: string } = {},
): Promise<AdminPeriodRow[]> {
  // assessments is not in the Kysely schema (its module uses raw SQL), so the counts are raw too.
  const assessments = sql<string>`(select count(*) from assessments a where a.period_id = p.id)`;
  const assignments = sql<string>`(select count(*) from assignments g where g.period_id = p.id)`;
  let q = db
    .selectFrom("periods as p")
    .innerJoin("offices as o", "o.id", "p.office_id")
    .selectAll("p")
    .select(["o.name as officeName", assessments.as("assessments"), assignments.as("assignments")]);
  if (filter.officeId !== undefined) q = q.where("p.office_id", "=", filter.officeId);
  const rows = await q.orderBy("p.year", "desc").orderBy("p.office_id").orderBy("p.name").execute();
  return rows.map(({ assessments: a, assignments: g, ...r }) => ({
    ...r,
    assessmentCount: Number(a),
    assignmentCount: Number(g),
  }));
}

/** Locks the period's row for the rest of the transaction. */
export async function findPeriodForUpdate(db: Db, id: string): Promise<PeriodRow | undefined> {
  return db.selectFrom("periods").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function countAssessmentsInPeriod(db: Db, periodId: string): Promise<number> {
  const r = await sql<{
    n: string;
  }>`select count(*) as n from assessments where period_id = ${periodId}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

export async function updatePeriod(
  db: Db,
  id: string,
  patch: Partial<Pick<PeriodRow, "name" | "status" | "instrument_id" | "instrument_version" | "scheme_id">>,
): Promise<PeriodRow | undefined> {
  if (Object.keys(patch).length === 0) return findPeriod(db, id);
  return db.updateTable("periods").set(patch).where("id", "=", id).returningAll().executeTakeFirst();
}

export async function insertPeriodReturning(db: Db, p: Insertable<PeriodsTable>): Promise<PeriodRow> {
  return db.insertInto("periods").values(p).returningAll().executeTakeFirstOrThrow();
}
