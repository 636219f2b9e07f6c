/**
 * TOTP (RFC 6238) and recovery codes for the optional second factor of staff accounts (issue #16):
 * pure functions, no database.
 * Invariants:
 * - Codes are SHA-1, 6 digits, 30-second steps (what every authenticator app reads from a QR code);
 *   a code is accepted for the step before, the current step and the step after (±30 s of clock
 *   drift), and only when its step is LATER than the last step this account already used — a code
 *   seen once is never accepted again (replay), nor is any older one.
 * - Recovery codes are shown once and stored only as a keyed SHA-256 (the user id is the key, so
 *   equal codes of two users hash differently); they carry 50 random bits, enough under the
 *   per-account throttle, and are compared after normalising case, spaces and hyphens.
 */
import { createHash, randomInt } from "node:crypto";
import * as OTPAuth from "otpauth";

export const TOTP_PERIOD_S = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted either side of the server's current step. */
export const TOTP_WINDOW = 1;
export const TOTP_ISSUER = "Patuh";
export const RECOVERY_CODE_COUNT = 10;
/** Letters and digits that cannot be mistaken for one another when read aloud or typed. */
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const RECOVERY_LENGTH = 10;

function totpFor(secretBase32: string, label = "patuh"): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: "SHA1",
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_S,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });
}

/** A fresh 160-bit secret, base32 (RFC 4648, no padding). */
export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secretBase32: string, username: string): string {
  return totpFor(secretBase32, username).toString();
}

/** The secret grouped in fours, for typing into an app by hand. */
export function groupedSecret(secretBase32: string): string {
  return secretBase32.replace(/(.{4})(?=.)/g, "$1 ");
}

/** The 30-second step a moment falls in. */
export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_S);
}

/** A typed TOTP code without spaces, or null when it cannot be one (not 6 digits). */
export function normaliseTotpCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, "");
  return /^[0-9]{6}$/.test(code) ? code : null;
}

/**
 * The step the code belongs to when it is valid at `at` (±TOTP_WINDOW steps) and later than
 * `lastUsedStep`; null otherwise (wrong, too old, or already used).
 */
export function checkTotp(
  secretBase32: string,
  input: string,
  at: Date,
  lastUsedStep: number | null,
): number | null {
  const code = normaliseTotpCode(input);
  if (code === null) return null;
  const delta = totpFor(secretBase32).validate({ token: code, timestamp: at.getTime(), window: TOTP_WINDOW });
  if (delta === null) return null;
  const step = totpStep(at) + delta;
  if (lastUsedStep !== null && step <= lastUsedStep) return null;
  return step;
}

/** The code an authenticator shows at `at` (tests and the CLI; the server never sends it). */
export function totpCodeAt(secretBase32: string, at: Date): string {
  return totpFor(secretBase32).generate({ timestamp: at.getTime() });
}

/** Ten fresh recovery codes as shown to the user: "abcde-fghjk". */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    let raw = "";
    for (let i = 0; i < RECOVERY_LENGTH; i++) raw += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
    codes.add(`${raw.slice(0, 5)}-${raw.slice(5)}`);
  }
  return [...codes];
}

/** A typed recovery code in its canonical form, or null when it cannot be one. */
export function normaliseRecoveryCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, "").toLowerCase();
  if (code.length !== RECOVERY_LENGTH) return null;
  for (const ch of code) if (!RECOVERY_ALPHABET.includes(ch)) return null;
  return code;
}

/** What is stored of a recovery code: SHA-256 keyed by the account. */
export function hashRecoveryCode(userId: string, canonical: string): string {
  return createHash("sha256").update(`patuh.recovery:${userId}:${canonical}`, "utf8").digest("hex");
}
