/** periods: an office's assessment round (year, instrument version, banding scheme, open/closed). */
import type { Insertable, Selectable } from "kysely";
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
