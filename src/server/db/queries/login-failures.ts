/**
 * login_failures: failed (and in-flight) password attempts per (lower-cased) username, with the
 * client address, for the login rate limit.
 * Invariant: the count lives in the database, not in process memory, so it holds across restarts
 * and across several server instances; an attempt is counted BEFORE its password is checked, under
 * a per-username advisory lock, so concurrent guesses cannot all read "below the limit".
 */
import { sql } from "kysely";
import type { Db } from "../connection";

export interface AttemptLimits {
  perAccount: number;
  perAddress: number;
}

export type AttemptGate = { kind: "limited"; by: "account" | "address" } | { kind: "admitted"; id: string };

/**
 * Counts the account's and the address's attempts since `since` and, when both are below their
 * limit, records this attempt — all under a transaction-scoped advisory lock on the username, so
 * the check and the insert are one atomic step for that account.
 */
export async function admitAttempt(
  db: Db,
  username: string,
  address: string,
  at: Date,
  since: Date,
  limits: AttemptLimits,
): Promise<AttemptGate> {
  const name = username.toLowerCase();
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`patuh.login:${name}`}, 0))`.execute(trx);
    const r = await sql<{ account: string; address: string }>`
      select (select count(*) from login_failures where username = ${name} and at > ${since}) as account,
             (select count(*) from login_failures where address = ${address} and at > ${since}) as address`.execute(
      trx,
    );
    const row = r.rows[0];
    if (Number(row?.account ?? 0) >= limits.perAccount) return { kind: "limited", by: "account" } as const;
    if (Number(row?.address ?? 0) >= limits.perAddress) return { kind: "limited", by: "address" } as const;
    const inserted = await trx
      .insertInto("login_failures")
      .values({ username: name, address, at })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { kind: "admitted", id: String(inserted.id) } as const;
  });
}

/** A correct password: the attempt was not a failure after all. */
export async function forgetAttempt(db: Db, id: string): Promise<void> {
  await db.deleteFrom("login_failures").where("id", "=", id).execute();
}

/** Housekeeping: forget failures older than the window. */
export async function pruneLoginFailures(db: Db, before: Date): Promise<void> {
  await db.deleteFrom("login_failures").where("at", "<", before).execute();
}
