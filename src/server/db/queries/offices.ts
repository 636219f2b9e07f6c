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

export interface OfficeSummary {
  id: string;
  name: string;
  userCount: number;
  activeUserCount: number;
}

/** Every office with its user counts (admin listing). */
export async function listOfficeSummaries(db: Db): Promise<OfficeSummary[]> {
  const rows = await db
    .selectFrom("offices")
    .leftJoin("users", "users.office_id", "offices.id")
    .select((eb) => [
      "offices.id",
      "offices.name",
      eb.fn.count<string>("users.id").as("users"),
      eb.fn.count<string>("users.id").filterWhere("users.active", "=", true).as("active"),
    ])
    .groupBy(["offices.id", "offices.name"])
    .orderBy("offices.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    userCount: Number(r.users),
    activeUserCount: Number(r.active),
  }));
}

/** Inserts the office unless its id is taken; true when inserted. */
export async function insertOfficeIfAbsent(db: Db, office: { id: string; name: string }): Promise<boolean> {
  const r = await db
    .insertInto("offices")
    .values(office)
    .onConflict((oc) => oc.column("id").doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function renameOffice(db: Db, id: string, name: string): Promise<boolean> {
  const r = await db.updateTable("offices").set({ name }).where("id", "=", id).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
