/**
 * Login rate limit: at most LOGIN_MAX_FAILURES password checks that fail for one username within
 * LOGIN_WINDOW_MS, and at most ADDRESS_MAX_FAILURES for one client address; past either → 429
 * until old failures leave the window.
 * Invariants: counted in the database (login_failures), not in process memory, so the limit holds
 * across restarts and instances. An attempt is RESERVED (counted as a failure) atomically before
 * the password is verified, and released only when the password was right: 200 concurrent guesses
 * get at most LOGIN_MAX_FAILURES password checks, the rest 429. A successful login does NOT clear
 * earlier failures: the owner logging in must not reset an attacker's budget.
 * Per account first: a whole Kantor Perwakilan often shares one NAT address, so one attacker's
 * burst must not lock out every colleague. The address ceiling is generous and only stops one
 * address from sweeping many accounts.
 */
import type { Clock } from "../clock";
import type { Db } from "../db/connection";
import { admitAttempt, forgetAttempt, pruneLoginFailures } from "../db/queries/login-failures";

export const LOGIN_MAX_FAILURES = 10;
export const ADDRESS_MAX_FAILURES = 300;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

export type LoginAttempt = { limited: true } | { limited: false; id: string };

export async function beginLoginAttempt(
  db: Db,
  clock: Clock,
  username: string,
  address: string,
): Promise<LoginAttempt> {
  const now = clock.now();
  const gate = await admitAttempt(db, username, address, now, new Date(now.getTime() - LOGIN_WINDOW_MS), {
    perAccount: LOGIN_MAX_FAILURES,
    perAddress: ADDRESS_MAX_FAILURES,
  });
  return gate.kind === "limited" ? { limited: true } : { limited: false, id: gate.id };
}

export async function loginSucceeded(db: Db, attemptId: string): Promise<void> {
  await forgetAttempt(db, attemptId);
}

export async function loginFailed(db: Db, clock: Clock): Promise<void> {
  // The reserved row already counts this failure. Housekeeping on the (rare) failure path keeps
  // the table small without a background job.
  await pruneLoginFailures(db, new Date(clock.now().getTime() - LOGIN_WINDOW_MS));
}
