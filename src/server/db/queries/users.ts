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

/** What the admin screens show of an account (never the password hash). */
export interface AdminUser extends PublicUser {
  active: boolean;
  createdAt: string;
}

export function toAdminUser(row: UserRow): AdminUser {
  // created_at is Generated<Timestamp>, which Kysely's Selectable does not unwrap: read it as unknown.
  const at: unknown = row.created_at;
  const createdAt = at instanceof Date ? at.toISOString() : new Date(String(at)).toISOString();
  return { ...toPublicUser(row), active: row.active, createdAt };
}

export async function listUsers(db: Db, filter: { officeId?: string } = {}): Promise<UserRow[]> {
  let q = db.selectFrom("users").selectAll();
  if (filter.officeId !== undefined) q = q.where("office_id", "=", filter.officeId);
  return q.orderBy("office_id").orderBy(sql`lower(username)`).execute();
}

/** Locks the row for the rest of the transaction (concurrent edits of one account serialise). */
export async function findUserByIdForUpdate(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function updateUser(
  db: Db,
  id: string,
  patch: Partial<Pick<UserRow, "name" | "role" | "office_id" | "active" | "password_hash">>,
): Promise<UserRow | undefined> {
  if (Object.keys(patch).length === 0) return findUserById(db, id);
  return db.updateTable("users").set(patch).where("id", "=", id).returningAll().executeTakeFirst();
}

/** Ends the user's sessions (all, or all but `keepSessionId`); returns how many ended. */
export async function deleteSessionsOfUser(db: Db, userId: string, keepSessionId?: string): Promise<number> {
  let q = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (keepSessionId !== undefined) q = q.where("id", "!=", keepSessionId);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}
