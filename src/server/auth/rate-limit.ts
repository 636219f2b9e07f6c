/**
 * Login rate limit: more than LOGIN_MAX_FAILURES failed attempts for one username within
 * LOGIN_WINDOW_MS → 429 until old failures leave the window.
 * Invariants: counted in the database (login_failures), not in process memory, so the limit holds
 * across restarts and instances; checked BEFORE the password is verified, so the right password
 * does not get through while limited. A successful login does NOT clear the failures: the owner
 * logging in must not reset an attacker's budget; failures simply age out of the window.
 * The limit is per username, not per IP (behind a proxy every device may share one address).
 */
import type { Clock } from "../clock";
import type { Db } from "../db/connection";
import {
  countLoginFailuresSince,
  pruneLoginFailures,
  recordLoginFailure,
} from "../db/queries/login-failures";

export const LOGIN_MAX_FAILURES = 10;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

export async function isLoginLimited(db: Db, clock: Clock, username: string): Promise<boolean> {
  const since = new Date(clock.now().getTime() - LOGIN_WINDOW_MS);
  return (await countLoginFailuresSince(db, username, since)) >= LOGIN_MAX_FAILURES;
}

export async function noteLoginFailure(db: Db, clock: Clock, username: string): Promise<void> {
  const now = clock.now();
  await recordLoginFailure(db, username, now);
  // Housekeeping on the (rare) failure path keeps the table small without a background job.
  await pruneLoginFailures(db, new Date(now.getTime() - LOGIN_WINDOW_MS));
}
