/**
 * requireUser: loads the session from the database on every request (no in-process cache, so a
 * logout or deactivation takes effect at once, across instances) and puts the user on the context.
 */
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppDeps, AppEnv } from "../http/context";
import { problem } from "../http/problems";
import { resolveSession, SESSION_COOKIE, SESSION_LIFETIME_MS } from "./sessions";

export function isHttps(c: Context): boolean {
  const forwarded = c.req.header("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return forwarded === "https" || new URL(c.req.url).protocol === "https:";
}

export function setSessionCookie(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Strict",
    path: "/",
    maxAge: Math.floor(SESSION_LIFETIME_MS / 1000),
    secure: isHttps(c),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "Strict", secure: isHttps(c) });
}

export function requireUser(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await resolveSession(deps.db, deps.clock, token) : null;
    if (!session) {
      if (token) clearSessionCookie(c);
      throw problem("unauthenticated");
    }
    if (session.renewed && token) setSessionCookie(c, token);
    c.set("user", session.user);
    c.set("sessionId", session.sessionId);
    await next();
  };
}
