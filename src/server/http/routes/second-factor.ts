/**
 * The optional second factor (issue #16; protocol 1.x addition, docs/api.md § Second factor):
 * - POST /session/second-factor {code} — the login's second step, for the pending challenge in
 *   the HttpOnly cookie `patuh_login_challenge` set by POST /session (401 second_factor_required);
 * - GET /account/second-factor — the caller's status;
 * - POST /account/second-factor/enrolment — a new secret, its otpauth URI and QR code (SVG);
 * - POST /account/second-factor/confirm {code} — turns it on; returns 10 recovery codes, once;
 * - POST /account/second-factor/disable {code} — turns it off (a current or recovery code);
 * - DELETE /users/{id}/second-factor — an admin's reset (own office; the central admin any).
 * All answers are no-store: they carry secrets or codes.
 */
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import * as v from "valibot";
import { requireAdmin, uuidParam } from "../../admin/guard";
import { noteAudit } from "../../audit/audit-hook";
import { requireUser, setSessionCookie } from "../../auth/middleware";
import {
  CHALLENGE_LIFETIME_MS,
  challengeUser,
  completeChallenge,
  confirmEnrolment,
  disableByUser,
  resetByAdmin,
  secondFactorStatus,
  startEnrolment,
} from "../../auth/second-factor";
import { createSession } from "../../auth/sessions";
import { toPublicUser } from "../../db/queries/users";
import { readJson } from "../body";
import { clientAddress, isHttpsRequest } from "../client-address";
import type { AppEnv, RouteModule } from "../context";
import { problem, problemBody } from "../problems";
import { withOfficeName } from "./session";

export const CHALLENGE_COOKIE = "patuh_login_challenge";
const CHALLENGE_PATH = "/api/v1/session";

const CodeBody = v.strictObject({ code: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(40)) });

export function setChallengeCookie(c: Context, token: string, trustProxy: boolean): void {
  setCookie(c, CHALLENGE_COOKIE, token, {
    httpOnly: true,
    sameSite: "Strict",
    path: CHALLENGE_PATH,
    maxAge: Math.floor(CHALLENGE_LIFETIME_MS / 1000),
    secure: isHttpsRequest(c, trustProxy),
  });
}

function clearChallengeCookie(c: Context, trustProxy: boolean): void {
  deleteCookie(c, CHALLENGE_COOKIE, {
    path: CHALLENGE_PATH,
    httpOnly: true,
    sameSite: "Strict",
    secure: isHttpsRequest(c, trustProxy),
  });
}

function noStore(c: Context<AppEnv>): void {
  c.header("Cache-Control", "no-store");
}

export const secondFactorRoutes: RouteModule = {
  name: "second-factor",
  mount(api, deps) {
    const limit = deps.config.limits.jsonBodyBytes;
    const trustProxy = deps.config.trustProxy;

    api.post("/session/second-factor", async (c) => {
      noStore(c);
      const body = await readJson(c, CodeBody, limit);
      const token = getCookie(c, CHALLENGE_COOKIE);
      const user = await challengeUser(deps.db, deps.clock, token);
      if (!user || !token) {
        clearChallengeCookie(c, trustProxy);
        return c.json(problemBody(problem("second_factor_expired")), 401);
      }
      noteAudit(c, { actor: { id: user.id, username: user.username, officeId: user.office_id } });
      const result = await completeChallenge(
        deps.db,
        deps.clock,
        token,
        user,
        body.code,
        clientAddress(c, trustProxy),
      );
      if (!result.ok) {
        noteAudit(c, { detail: { reason: result.reason } });
        throw problem("second_factor_invalid");
      }
      noteAudit(c, { detail: { method: result.method } });
      clearChallengeCookie(c, trustProxy);
      const session = await createSession(deps.db, deps.clock, user.id);
      setSessionCookie(c, session.token, trustProxy);
      return c.json({ user: await withOfficeName(deps.db, toPublicUser(user)) }, 200);
    });

    api.get("/account/second-factor", requireUser(deps), async (c) => {
      noStore(c);
      return c.json(await secondFactorStatus(deps.db, c.get("user")), 200);
    });

    api.post("/account/second-factor/enrolment", requireUser(deps), async (c) => {
      noStore(c);
      return c.json(await startEnrolment(deps.db, deps.clock, c.get("user")), 201);
    });

    api.post("/account/second-factor/confirm", requireUser(deps), async (c) => {
      noStore(c);
      const body = await readJson(c, CodeBody, limit);
      const codes = await confirmEnrolment(
        deps.db,
        deps.clock,
        c.get("user"),
        body.code,
        clientAddress(c, trustProxy),
      );
      return c.json(codes, 200);
    });

    api.post("/account/second-factor/disable", requireUser(deps), async (c) => {
      noStore(c);
      const body = await readJson(c, CodeBody, limit);
      const method = await disableByUser(
        deps.db,
        deps.clock,
        c.get("user"),
        body.code,
        clientAddress(c, trustProxy),
      );
      noteAudit(c, { detail: { method } });
      return c.body(null, 204);
    });

    api.delete("/users/:id/second-factor", requireAdmin(deps), async (c) => {
      const id = uuidParam(c.req.param("id"));
      const { officeId, removed } = await resetByAdmin(deps.db, c.get("user"), id);
      noteAudit(c, { targetOfficeId: officeId, detail: { removed } });
      return c.body(null, 204);
    });
  },
};
