/**
 * users: accounts. Invariant: usernames are unique case-insensitively (index on lower(username));
 * lookups go through lower() so "Penilai1" and "penilai1" are the same account.
 */
import { sql } from "kysely";
import type { Db } from "../connection";
import type { NewUser, Role, UserRow } from "../types";

export interface PublicUser {
  id: string;
  username: string;
  name: string;
  role: Role;
  officeId: string;
}

export function toPublicUser(
  row: Pick<UserRow, "id" | "username" | "name" | "role" | "office_id">,
): PublicUser {
  return { id: row.id, username: row.username, name: row.name, role: row.role, officeId: row.office_id };
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return db
    .selectFrom("users")
    .selectAll()
    .where(sql<string>`lower(username)`, "=", username.toLowerCase())
    .executeTakeFirst();
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertUser(db: Db, user: NewUser): Promise<UserRow> {
  return db.insertInto("users").values(user).returningAll().executeTakeFirstOrThrow();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function setUserActive(db: Db, id: string, active: boolean): Promise<void> {
  await db.updateTable("users").set({ active }).where("id", "=", id).execute();
}
