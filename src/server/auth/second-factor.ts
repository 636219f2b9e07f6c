/**
 * The optional TOTP second factor of admin and supervisor accounts (issue #16): enrolment with a QR
 * code, recovery codes, the login's second step, disabling by the user and reset by an admin.
 * Invariants:
 * - Only staff (supervisor, admin) may enrol; an assessor's device login (and its offline unlock)
 *   stays password-only. Once confirmed, the factor is asked at every login of that account.
 * - Enrolment takes effect only when a code from the app is confirmed; recovery codes exist only
 *   from then on, are returned once and stored hashed.
 * - Every code check (login step, confirm, disable) goes through the per-account throttle of the
 *   password (login_failures, same atomic admit-before-check), under its own key, so wrong codes
 *   are limited like wrong passwords and a code guess never spends the password budget.
 * - A TOTP step and a recovery code are each accepted once (conditional updates in the queries).
 * - Reset by an admin: an office admin for users of their own office, the central admin for any;
 *   another office's user is 404 (its existence is not disclosed), as elsewhere in the house.
 */
import { createHash, randomBytes } from "node:crypto";
import QRCode from "qrcode";
import type { Clock } from "../clock";
import type { Db } from "../db/connection";
import { admitAttempt, forgetAttempt } from "../db/queries/login-failures";
import {
  consumeChallenge,
  countUnusedRecoveryCodes,
  deleteSecondFactor,
  findChallenge,
  findTotp,
  insertChallenge,
  replaceRecoveryCodes,
  takeTotpStep,
  upsertPendingTotp,
  useRecoveryCode,
} from "../db/queries/second-factor";
import { findUserById, type PublicUser } from "../db/queries/users";
import type { UserRow } from "../db/types";
import { problem } from "../http/problems";
import { isCentralUser } from "../rounds/central";
import { ADDRESS_MAX_FAILURES, LOGIN_MAX_FAILURES, LOGIN_WINDOW_MS } from "./rate-limit";
import {
  checkTotp,
  groupedSecret,
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  normaliseRecoveryCode,
  totpUri,
} from "./totp";

/** How long the "now your code" step stays open after the right password. */
export const CHALLENGE_LIFETIME_MS = 5 * 60 * 1000;
export const STAFF_ROLES: readonly string[] = ["supervisor", "admin"];

export interface SecondFactorStatus {
  /** Whether this role may enrol at all. */
  available: boolean;
  enabled: boolean;
  enabledAt: string | null;
  recoveryCodesLeft: number;
}

export async function secondFactorStatus(db: Db, user: PublicUser): Promise<SecondFactorStatus> {
  const row = await findTotp(db, user.id);
  const enabled = row?.confirmedAt != null;
  return {
    available: STAFF_ROLES.includes(user.role),
    enabled,
    enabledAt: row?.confirmedAt ? row.confirmedAt.toISOString() : null,
    recoveryCodesLeft: enabled ? await countUnusedRecoveryCodes(db, user.id) : 0,
  };
}

export async function hasSecondFactor(db: Db, userId: string): Promise<boolean> {
  return (await findTotp(db, userId))?.confirmedAt != null;
}

export interface Enrolment {
  secret: string;
  secretGrouped: string;
  otpauthUri: string;
  /** The QR code of otpauthUri as an SVG document. */
  qrSvg: string;
}

export async function startEnrolment(db: Db, clock: Clock, user: PublicUser): Promise<Enrolment> {
  if (!STAFF_ROLES.includes(user.role)) throw problem("forbidden", { requiredRole: STAFF_ROLES });
  const secret = newTotpSecret();
  if (!(await upsertPendingTotp(db, user.id, secret, clock.now()))) throw problem("second_factor_enabled");
  const otpauthUri = totpUri(secret, user.username);
  const qrSvg = await QRCode.toString(otpauthUri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secret, secretGrouped: groupedSecret(secret), otpauthUri, qrSvg };
}

/** Per-account throttle of code checks; returns the attempt to forget when the code was right. */
async function admitCodeAttempt(db: Db, clock: Clock, username: string, address: string): Promise<string> {
  const now = clock.now();
  const gate = await admitAttempt(
    db,
    `second-factor:${username}`,
    address,
    now,
    new Date(now.getTime() - LOGIN_WINDOW_MS),
    { perAccount: LOGIN_MAX_FAILURES, perAddress: ADDRESS_MAX_FAILURES },
  );
  if (gate.kind === "limited") {
    throw problem("rate_limited", undefined, {
      headers: { "Retry-After": String(Math.ceil(LOGIN_WINDOW_MS / 1000)) },
    });
  }
  return gate.id;
}

export type CodeMethod = "totp" | "recovery";
export type CodeRefusal = "wrong" | "replay";

/** Accepts a TOTP code (once per step) or an unused recovery code of a confirmed factor. */
async function acceptCode(
  db: Db,
  clock: Clock,
  userId: string,
  input: string,
): Promise<{ ok: true; method: CodeMethod } | { ok: false; reason: CodeRefusal }> {
  const row = await findTotp(db, userId);
  if (!row?.confirmedAt) return { ok: false, reason: "wrong" };
  const now = clock.now();
  const step = checkTotp(row.secret, input, now, row.lastStep);
  if (step !== null) {
    return (await takeTotpStep(db, userId, step))
      ? { ok: true, method: "totp" }
      : { ok: false, reason: "replay" };
  }
  if (checkTotp(row.secret, input, now, null) !== null) return { ok: false, reason: "replay" };
  const canonical = normaliseRecoveryCode(input);
  if (canonical !== null && (await useRecoveryCode(db, userId, hashRecoveryCode(userId, canonical), now))) {
    return { ok: true, method: "recovery" };
  }
  return { ok: false, reason: "wrong" };
}

/** Confirms the pending enrolment with a code from the app; returns the recovery codes, once. */
export async function confirmEnrolment(
  db: Db,
  clock: Clock,
  user: PublicUser,
  code: string,
  address: string,
): Promise<{ recoveryCodes: string[] }> {
  const row = await findTotp(db, user.id);
  if (!row) throw problem("second_factor_not_enrolled");
  if (row.confirmedAt) throw problem("second_factor_enabled");
  const attempt = await admitCodeAttempt(db, clock, user.username, address);
  const now = clock.now();
  const step = checkTotp(row.secret, code, now, row.lastStep);
  if (step === null) throw problem("second_factor_code_wrong");
  const codes = newRecoveryCodes();
  const confirmed = await db.transaction().execute(async (trx) => {
    if (!(await takeTotpStep(trx, user.id, step, { confirmAt: now }))) return false;
    await replaceRecoveryCodes(
      trx,
      user.id,
      codes.map((c) => hashRecoveryCode(user.id, normaliseRecoveryCode(c) ?? c)),
    );
    return true;
  });
  if (!confirmed) throw problem("second_factor_code_wrong");
  await forgetAttempt(db, attempt);
  return { recoveryCodes: codes };
}

/** The user turns the factor off, proving it with a current code or a recovery code. */
export async function disableByUser(
  db: Db,
  clock: Clock,
  user: PublicUser,
  code: string,
  address: string,
): Promise<CodeMethod> {
  if (!(await hasSecondFactor(db, user.id))) throw problem("second_factor_not_enrolled");
  const attempt = await admitCodeAttempt(db, clock, user.username, address);
  const result = await acceptCode(db, clock, user.id, code);
  if (!result.ok) throw problem("second_factor_code_wrong", { reason: result.reason });
  await deleteSecondFactor(db, user.id);
  await forgetAttempt(db, attempt);
  return result.method;
}

/**
 * An admin removes a user's factor (lost phone and codes). Returns the user's office for the audit
 * row; 404 for an unknown user or one of another office when the admin is not central.
 */
export async function resetByAdmin(
  db: Db,
  admin: PublicUser,
  userId: string,
): Promise<{ officeId: string; removed: boolean }> {
  const target = await findUserById(db, userId);
  if (!target) throw problem("not_found");
  if (target.office_id !== admin.officeId && !(await isCentralUser(db, admin))) throw problem("not_found");
  return { officeId: target.office_id, removed: await deleteSecondFactor(db, userId) };
}

function challengeId(token: string): string {
  return createHash("sha256").update(`patuh.challenge:${token}`, "utf8").digest("hex");
}

/** Opens the second step after the right password; the token goes into an HttpOnly cookie. */
export async function openChallenge(db: Db, clock: Clock, userId: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const now = clock.now();
  await insertChallenge(db, challengeId(token), userId, now, new Date(now.getTime() + CHALLENGE_LIFETIME_MS));
  return token;
}

/** The user a pending challenge belongs to (active accounts only), or null when none is open. */
export async function challengeUser(
  db: Db,
  clock: Clock,
  token: string | undefined,
): Promise<UserRow | null> {
  if (!token || token.length > 200) return null;
  const userId = await findChallenge(db, challengeId(token), clock.now());
  if (!userId) return null;
  const user = await findUserById(db, userId);
  return user?.active ? user : null;
}

/**
 * The login's second step for the challenge's user: throttled per account, then the code; the
 * challenge is consumed only by a right code (a typo can be corrected within its lifetime).
 */
export async function completeChallenge(
  db: Db,
  clock: Clock,
  token: string,
  user: UserRow,
  code: string,
  address: string,
): Promise<{ ok: true; method: CodeMethod } | { ok: false; reason: CodeRefusal }> {
  const attempt = await admitCodeAttempt(db, clock, user.username, address);
  const result = await acceptCode(db, clock, user.id, code);
  if (!result.ok) return result;
  await forgetAttempt(db, attempt);
  if (!(await consumeChallenge(db, challengeId(token)))) throw problem("second_factor_expired");
  return result;
}
