/** pemda: local governments under an office; (office_id, code) is unique. */
import type { Insertable, Selectable } from "kysely";
import type { Db } from "../connection";
import type { PemdaTable } from "../types";

export type PemdaRow = Selectable<PemdaTable>;

export async function insertPemda(db: Db, rows: Insertable<PemdaTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto("pemda").values(rows).execute();
}

export async function listPemdaOfOffice(db: Db, officeId: string): Promise<PemdaRow[]> {
  return db.selectFrom("pemda").selectAll().where("office_id", "=", officeId).orderBy("code").execute();
}
