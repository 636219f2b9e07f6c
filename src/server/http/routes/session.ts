/** /session: log in (POST), who am I (GET), log out (DELETE). */
import { getCookie } from "hono/cookie";
import * as v from "valibot";
import { noteAudit } from "../../audit/audit-hook";
import { sessionOwner } from "../../audit/audit-query";
import { clearSessionCookie, requireUser, setSessionCookie } from "../../auth/middleware";
import { verifyAgainstDummy, verifyPassword } from "../../auth/password";
import { beginLoginAttempt, LOGIN_WINDOW_MS, loginFailed, loginSucceeded } from "../../auth/rate-limit";
import { CHALLENGE_LIFETIME_MS, hasSecondFactor, openChallenge } from "../../auth/second-factor";
import { createSession, endSession, hashToken, SESSION_COOKIE } from "../../auth/sessions";
import { findOffice } from "../../db/queries/offices";
import { findUserByUsername, type PublicUser, toPublicUser } from "../../db/queries/users";
import { readJson } from "../body";
import { clientAddress } from "../client-address";
import type { RouteModule } from "../context";
import { problem, problemBody } from "../problems";
import { setChallengeCookie } from "./second-factor";

const LoginBody = v.strictObject({
  username: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100)),
  password: v.pipe(v.string(), v.minLength(1), v.maxLength(1000)),
});

/**
 * The session's user as sent (protocol 1.x): the public user plus `officeName`, the office's
 * display name for the account card (additive; null for staff without an office).
 */
export async function withOfficeName(
  db: Parameters<typeof findOffice>[0],
  user: PublicUser,
): Promise<PublicUser & { officeName: string | null }> {
  const office = user.officeId ? await findOffice(db, user.officeId) : undefined;
  return { ...user, officeName: office?.name ?? null };
}

export const sessionRoutes: RouteModule = {
  name: "session",
  mount(api, deps) {
    api.post("/session", async (c) => {
      const body = await readJson(c, LoginBody, deps.config.limits.jsonBodyBytes);
      const trustProxy = deps.config.trustProxy;
      const attempt = await beginLoginAttempt(
        deps.db,
        deps.clock,
        body.username,
        clientAddress(c, trustProxy),
      );
      if (attempt.limited) {
        // Attributed to the account (and so its office's log) when the name is one; no password check.
        const known = await findUserByUsername(deps.db, body.username);
        noteAudit(c, {
          actor: { id: known?.id ?? null, username: body.username, officeId: known?.office_id ?? null },
        });
        throw problem("rate_limited", undefined, {
          headers: { "Retry-After": String(Math.ceil(LOGIN_WINDOW_MS / 1000)) },
        });
      }
      const user = await findUserByUsername(deps.db, body.username);
      // Unknown, inactive and wrong-password all cost one scrypt and get the same answer.
      const ok = user?.active
        ? await verifyPassword(body.password, user.password_hash)
        : await verifyAgainstDummy(body.password);
      noteAudit(c, {
        actor: { id: user?.id ?? null, username: body.username, officeId: user?.office_id ?? null },
        ...(user && !user.active ? { detail: { inactive: true } } : {}),
      });
      if (!ok || !user) {
        await loginFailed(deps.db, deps.clock);
        throw problem("invalid_credentials");
      }
      await loginSucceeded(deps.db, attempt.id);
      if (await hasSecondFactor(deps.db, user.id)) {
        // Protocol 1.x addition: the password alone opens no session for such an account.
        setChallengeCookie(c, await openChallenge(deps.db, deps.clock, user.id), trustProxy);
        noteAudit(c, { action: "login.password", outcome: "success", detail: { secondFactor: "required" } });
        // Returned, not thrown: the answer must carry the challenge cookie.
        const required = problem("second_factor_required", {
          methods: ["totp", "recovery"],
          expiresInSeconds: Math.floor(CHALLENGE_LIFETIME_MS / 1000),
        });
        c.header("Cache-Control", "no-store");
        return c.json(problemBody(required), 401);
      }
      const { token } = await createSession(deps.db, deps.clock, user.id);
      setSessionCookie(c, token, trustProxy);
      return c.json({ user: await withOfficeName(deps.db, toPublicUser(user)) }, 200);
    });

    api.get("/session", requireUser(deps), async (c) =>
      c.json({ user: await withOfficeName(deps.db, c.get("user")) }, 200),
    );

    // Logging out is idempotent: 204 even without a (valid) session, and the cookie is cleared.
    api.delete("/session", async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token && token.length <= 200) {
        const owner = await sessionOwner(deps.db, hashToken(token));
        if (owner) noteAudit(c, { actor: owner });
        await endSession(deps.db, hashToken(token));
      }
      clearSessionCookie(c, deps.config.trustProxy);
      return c.body(null, 204);
    });
  },
};
