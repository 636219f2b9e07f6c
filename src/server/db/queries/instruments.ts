/** instruments: immutable instrument definitions by (id, version); a new edition is a new version. */
import type { Db } from "../connection";

export async function insertInstrument(db: Db, i: { id: string; version: number; definition: unknown }) {
  await db
    .insertInto("instruments")
    .values({ id: i.id, version: i.version, definition: JSON.stringify(i.definition) })
    .execute();
}

export async function findInstrument(db: Db, id: string, version: number) {
  return db
    .selectFrom("instruments")
    .select(["id", "version", "definition"])
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
}
