/**
 * user_totp, user_recovery_codes and login_challenges (migration 014): the stored half of the
 * second factor. Plain SQL, so the shared Kysely table types stay untouched.
 * Invariants: accepting a TOTP step and using a recovery code are each ONE conditional update, so
 * two concurrent requests with the same code cannot both succeed; a challenge is consumed by a
 * delete that returns it, so it opens at most one session.
 */
import { type QueryExecutorProvider, sql } from "kysely";

export interface TotpRow {
  userId: string;
  secret: string;
  confirmedAt: Date | null;
  lastStep: number | null;
}

export async function findTotp(db: QueryExecutorProvider, userId: string): Promise<TotpRow | undefined> {
  const r = await sql<{ secret: string; confirmed_at: Date | string | null; last_step: string | null }>`
    select secret, confirmed_at, last_step from user_totp where user_id = ${userId}`.execute(db);
  const row = r.rows[0];
  if (!row) return undefined;
  return {
    userId,
    secret: row.secret,
    confirmedAt: row.confirmed_at === null ? null : new Date(row.confirmed_at),
    lastStep: row.last_step === null ? null : Number(row.last_step),
  };
}

/** Starts (or restarts) an enrolment; an already confirmed factor is left as it is (false). */
export async function upsertPendingTotp(
  db: QueryExecutorProvider,
  userId: string,
  secret: string,
  at: Date,
): Promise<boolean> {
  const r = await sql`
    insert into user_totp (user_id, secret, created_at) values (${userId}, ${secret}, ${at})
    on conflict (user_id) do update set secret = excluded.secret, created_at = excluded.created_at,
      last_step = null
      where user_totp.confirmed_at is null
    returning user_id`.execute(db);
  return r.rows.length === 1;
}

/**
 * Records `step` as used when it is later than the last used one; with `confirm`, also turns a
 * pending enrolment on. False when another request used this step (or a later one) first.
 */
export async function takeTotpStep(
  db: QueryExecutorProvider,
  userId: string,
  step: number,
  opts: { confirmAt?: Date } = {},
): Promise<boolean> {
  const r = opts.confirmAt
    ? await sql`
        update user_totp set last_step = ${step}, confirmed_at = ${opts.confirmAt}
        where user_id = ${userId} and confirmed_at is null and (last_step is null or last_step < ${step})
        returning user_id`.execute(db)
    : await sql`
        update user_totp set last_step = ${step}
        where user_id = ${userId} and confirmed_at is not null and (last_step is null or last_step < ${step})
        returning user_id`.execute(db);
  return r.rows.length === 1;
}

export async function replaceRecoveryCodes(
  db: QueryExecutorProvider,
  userId: string,
  hashes: readonly string[],
): Promise<void> {
  await sql`delete from user_recovery_codes where user_id = ${userId}`.execute(db);
  for (const hash of hashes) {
    await sql`insert into user_recovery_codes (user_id, code_hash) values (${userId}, ${hash})`.execute(db);
  }
}

/** Marks the code used; false when it does not exist or was used already. */
export async function useRecoveryCode(
  db: QueryExecutorProvider,
  userId: string,
  hash: string,
  at: Date,
): Promise<boolean> {
  const r = await sql`
    update user_recovery_codes set used_at = ${at}
    where user_id = ${userId} and code_hash = ${hash} and used_at is null
    returning id`.execute(db);
  return r.rows.length === 1;
}

export async function countUnusedRecoveryCodes(db: QueryExecutorProvider, userId: string): Promise<number> {
  const r = await sql<{ n: string }>`
    select count(*) as n from user_recovery_codes where user_id = ${userId} and used_at is null`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** Removes the factor and its recovery codes (disable, admin reset); true when there was one. */
export async function deleteSecondFactor(db: QueryExecutorProvider, userId: string): Promise<boolean> {
  await sql`delete from user_recovery_codes where user_id = ${userId}`.execute(db);
  await sql`delete from login_challenges where user_id = ${userId}`.execute(db);
  const r = await sql`delete from user_totp where user_id = ${userId} returning user_id`.execute(db);
  return r.rows.length === 1;
}

export async function insertChallenge(
  db: QueryExecutorProvider,
  id: string,
  userId: string,
  at: Date,
  expiresAt: Date,
): Promise<void> {
  await sql`delete from login_challenges where expires_at <= ${at}`.execute(db);
  await sql`insert into login_challenges (id, user_id, created_at, expires_at)
            values (${id}, ${userId}, ${at}, ${expiresAt})`.execute(db);
}

/** The user of an unexpired challenge, or undefined. */
export async function findChallenge(
  db: QueryExecutorProvider,
  id: string,
  at: Date,
): Promise<string | undefined> {
  const r = await sql<{ user_id: string }>`
    select user_id from login_challenges where id = ${id} and expires_at > ${at}`.execute(db);
  return r.rows[0]?.user_id;
}

/** Consumes the challenge; false when another request consumed it first. */
export async function consumeChallenge(db: QueryExecutorProvider, id: string): Promise<boolean> {
  const r = await sql`delete from login_challenges where id = ${id} returning id`.execute(db);
  return r.rows.length === 1;
}

/** Which of these users have a confirmed second factor (the admin's user list). */
export async function usersWithSecondFactor(db: QueryExecutorProvider): Promise<Set<string>> {
  const r = await sql<{ user_id: string }>`
    select user_id from user_totp where confirmed_at is not null`.execute(db);
  return new Set(r.rows.map((row) => row.user_id));
}
