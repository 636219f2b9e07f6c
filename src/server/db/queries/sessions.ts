/**
 * sessions: one row per login. Invariant: the row id is sha256(token); the token itself exists
 * only in the client's cookie. Expiry is decided against the injected clock, never the DB's now().
 */
import type { Db } from "../connection";
import type { Role } from "../types";

export interface SessionWithUser {
  sessionId: string;
  expiresAt: Date;
  lastSeenAt: Date;
  userId: string;
  username: string;
  name: string;
  role: Role;
  officeId: string;
  active: boolean;
}

export async function insertSession(
  db: Db,
  s: { id: string; userId: string; now: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto("sessions")
    .values({ id: s.id, user_id: s.userId, created_at: s.now, expires_at: s.expiresAt, last_seen_at: s.now })
    .execute();
}

export async function findSession(db: Db, id: string): Promise<SessionWithUser | undefined> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "sessions.id as sessionId",
      "sessions.expires_at as expiresAt",
      "sessions.last_seen_at as lastSeenAt",
      "users.id as userId",
      "users.username",
      "users.name",
      "users.role",
      "users.office_id as officeId",
      "users.active",
    ])
    .where("sessions.id", "=", id)
    .executeTakeFirst();
  return row;
}

export async function renewSession(db: Db, id: string, now: Date, expiresAt: Date): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where("id", "=", id)
    .execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

/** Housekeeping: drop sessions that expired before `now`. */
export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const r = await db.deleteFrom("sessions").where("expires_at", "<", now).executeTakeFirst();
  return Number(r.numDeletedRows);
}
