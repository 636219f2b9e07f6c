/**
 * Session lifecycle: create on login, resolve per request, renew on use, delete on logout.
 * Invariants: the random token is only in the cookie, the DB stores sha256(token); a session is
 * valid only if unexpired by the injected clock AND its user is active (checked on every request,
 * so deactivating a user ends their sessions at once).
 */
import { createHash, randomBytes } from "node:crypto";
import type { Clock } from "../clock";
import type { Db } from "../db/connection";
import {
  deleteExpiredSessions,
  deleteSession,
  findSession,
  insertSession,
  renewSession,
} from "../db/queries/sessions";
import type { PublicUser } from "../db/queries/users";

export const SESSION_COOKIE = "patuh_session";
export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
/** Renew (push expiry out again) when the last renewal is older than this: one write a day at most. */
export const SESSION_RENEW_AFTER_MS = 24 * 60 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export async function createSession(db: Db, clock: Clock, userId: string): Promise<{ token: string }> {
  const token = randomBytes(32).toString("base64url");
  const now = clock.now();
  // Housekeeping at login (indexed delete) instead of a background job.
  await deleteExpiredSessions(db, now);
  await insertSession(db, {
    id: hashToken(token),
    userId,
    now,
    expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
  });
  return { token };
}

export interface ResolvedSession {
  sessionId: string;
  user: PublicUser;
  /** True when this request renewed the session (the cookie should be re-sent). */
  renewed: boolean;
}

export async function resolveSession(db: Db, clock: Clock, token: string): Promise<ResolvedSession | null> {
  if (token.length === 0 || token.length > 200) return null;
  const id = hashToken(token);
  const s = await findSession(db, id);
  if (!s) return null;
  const now = clock.now();
  if (s.expiresAt.getTime() <= now.getTime()) {
    await deleteSession(db, id);
    return null;
  }
  if (!s.active) return null;
  let renewed = false;
  if (now.getTime() - s.lastSeenAt.getTime() >= SESSION_RENEW_AFTER_MS) {
    await renewSession(db, id, now, new Date(now.getTime() + SESSION_LIFETIME_MS));
    renewed = true;
  }
  return {
    sessionId: id,
    renewed,
    user: { id: s.userId, username: s.username, name: s.name, role: s.role, officeId: s.officeId },
  };
}

export async function endSession(db: Db, sessionId: string): Promise<void> {
  await deleteSession(db, sessionId);
}
