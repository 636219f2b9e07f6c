/**
 * requireUser: loads the session from the database on every request (no in-process cache, so a
 * logout or deactivation takes effect at once, across instances) and puts the user on the context.
 */
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { isHttpsRequest } from "../http/client-address";
import type { AppDeps, AppEnv } from "../http/context";
import { problem } from "../http/problems";
import { resolveSession, SESSION_COOKIE, SESSION_LIFETIME_MS } from "./sessions";

/** `Secure` follows the request's scheme; X-Forwarded-Proto counts only behind TRUST_PROXY. */
export function setSessionCookie(c: Context, token: string, trustProxy: boolean): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Strict",
    path: "/",
    maxAge: Math.floor(SESSION_LIFETIME_MS / 1000),
    secure: isHttpsRequest(c, trustProxy),
  });
}

export function clearSessionCookie(c: Context, trustProxy: boolean): void {
  deleteCookie(c, SESSION_COOKIE, {
    path: "/",
    httpOnly: true,
    sameSite: "Strict",
    secure: isHttpsRequest(c, trustProxy),
  });
}

export function requireUser(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await resolveSession(deps.db, deps.clock, token) : null;
    if (!session) {
      if (token) clearSessionCookie(c, deps.config.trustProxy);
      throw problem("unauthenticated");
    }
    if (session.renewed && token) setSessionCookie(c, token, deps.config.trustProxy);
    c.set("user", session.user);
    c.set("sessionId", session.sessionId);
    await next();
  };
}
