/**
 * login_failures: failed password attempts per (lower-cased) username, for the login rate limit.
 * Invariant: the count lives in the database, not in process memory, so it holds across restarts
 * and across several server instances.
 */
import type { Db } from "../connection";

export async function recordLoginFailure(db: Db, username: string, at: Date): Promise<void> {
  await db.insertInto("login_failures").values({ username: username.toLowerCase(), at }).execute();
}

export async function countLoginFailuresSince(db: Db, username: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom("login_failures")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("username", "=", username.toLowerCase())
    .where("at", ">", since)
    .executeTakeFirstOrThrow();
  return Number(row.n); // count(*) is bigint: text over the wire
}

/** Housekeeping: forget failures older than the window. */
export async function pruneLoginFailures(db: Db, before: Date): Promise<void> {
  await db.deleteFrom("login_failures").where("at", "<", before).execute();
}
