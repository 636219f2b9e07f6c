/**
 * Shared pieces of the administration modules: the admin-only gate (401 before 403, both before the
 * body is read), path-id checks and the equality used for idempotent re-uploads.
 * Invariant: every admin endpoint passes requireAdmin first, so no admin write runs for anyone else.
 */
import type { MiddlewareHandler } from "hono";
import { requireUser } from "../auth/middleware";
import { requireRole } from "../auth/permissions";
import type { AppDeps, AppEnv } from "../http/context";
import { problem } from "../http/problems";

export function requireAdmin(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const authenticate = requireUser(deps);
  return (c, next) =>
    authenticate(c, async () => {
      requireRole(c.get("user"), "admin");
      await next();
    });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that cannot be a uuid names nothing: 404, never a database cast error. */
export function uuidParam(value: string): string {
  if (!UUID.test(value)) throw problem("not_found");
  return value.toLowerCase();
}

/** JSON with object keys sorted: jsonb reorders keys, so stored and uploaded texts differ in order only. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    const record = v as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((k) => [k, record[k]]),
    );
  });
}

export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** PostgreSQL unique_violation: a concurrent insert won the race for the same key. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505";
}

/** A timestamptz column as ISO text (Kysely types Generated<Timestamp> loosely; read as unknown). */
export function isoOf(value: unknown): string {
  return (value instanceof Date ? value : new Date(String(value))).toISOString();
}

/**
 * PostgreSQL text and jsonb cannot hold U+0000: such input would fail in the database (a 500).
 * Text fields refuse it in their schema; uploaded JSON documents are checked with this.
 */
export function containsNul(value: unknown): boolean {
  return JSON.stringify(value)?.includes("\\u0000") ?? false;
}

export const NO_NUL_MESSAGE = "text may not contain the NUL character (U+0000)";
