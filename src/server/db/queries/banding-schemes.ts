/** banding_schemes: score → category/zone tables (opini-2022, zona-2021, …), stored as JSON. */
import type { Db } from "../connection";

export async function insertBandingScheme(db: Db, s: { id: string; definition: unknown }): Promise<void> {
  await db
    .insertInto("banding_schemes")
    .values({ id: s.id, definition: JSON.stringify(s.definition) })
    .execute();
}

export async function findBandingScheme(db: Db, id: string) {
  return db.selectFrom("banding_schemes").selectAll().where("id", "=", id).executeTakeFirst();
}
