/** offices: the representative offices (kantor perwakilan); every user and pemda belongs to one. */
import type { Db } from "../connection";

export async function insertOffice(db: Db, office: { id: string; name: string }): Promise<void> {
  await db.insertInto("offices").values(office).execute();
}

export async function findOffice(db: Db, id: string): Promise<{ id: string; name: string } | undefined> {
  return db.selectFrom("offices").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listOffices(db: Db): Promise<{ id: string; name: string }[]> {
  return db.selectFrom("offices").selectAll().orderBy("id").execute();
}
