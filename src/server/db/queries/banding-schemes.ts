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

export interface StoredScheme {
  id: string;
  definition: unknown;
  inUse: boolean;
}

/** Every stored scheme with whether a period uses it (then it is immutable). */
export async function listStoredSchemes(db: Db): Promise<StoredScheme[]> {
  const rows = await db
    .selectFrom("banding_schemes as s")
    .select((eb) => [
      "s.id",
      "s.definition",
      eb
        .exists(eb.selectFrom("periods as p").select("p.id").whereRef("p.scheme_id", "=", "s.id"))
        .as("in_use"),
    ])
    .orderBy("s.id")
    .execute();
  return rows.map((r) => ({ id: r.id, definition: r.definition, inUse: Boolean(r.in_use) }));
}

/** Locks the scheme's row (if any) for the rest of the transaction. */
export async function findBandingSchemeForUpdate(db: Db, id: string) {
  return db.selectFrom("banding_schemes").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function isSchemeInUse(db: Db, id: string): Promise<boolean> {
  const row = await db
    .selectFrom("periods")
    .select("id")
    .where("scheme_id", "=", id)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Inserts or replaces the stored definition. */
export async function upsertBandingScheme(db: Db, s: { id: string; definition: unknown }): Promise<void> {
  const definition = JSON.stringify(s.definition);
  await db
    .insertInto("banding_schemes")
    .values({ id: s.id, definition })
    .onConflict((oc) => oc.column("id").doUpdateSet({ definition }))
    .execute();
}

/** Inserts the scheme unless its id is stored already (built-ins are stored on first use). */
export async function insertBandingSchemeIfAbsent(
  db: Db,
  s: { id: string; definition: unknown },
): Promise<void> {
  await db
    .insertInto("banding_schemes")
    .values({ id: s.id, definition: JSON.stringify(s.definition) })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
}
