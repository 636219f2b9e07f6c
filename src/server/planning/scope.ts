/**
 * Who may plan what (issue #7). Owns no table.
 * Invariant, in this order for every planning request: not logged in → 401 (requireUser); the
 * period/pemda/unit/assignment out of the user's office scope (or unknown, or not a UUID) → 404,
 * so nothing leaks; in scope but not a supervisor or admin → 403; a write to a closed period →
 * 409 period_closed.
 */
import { canSeeOffice, requireRole } from "../auth/permissions";
import type { PublicUser } from "../db/queries/users";
import { problem } from "../http/problems";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id, lower-cased; anything that is not a UUID names nothing → 404. */
export function pathId(raw: string | undefined): string {
  if (raw === undefined || !UUID.test(raw)) throw problem("not_found");
  return raw.toLowerCase();
}

/** 404 outside the user's office scope (or when missing), then 403 unless supervisor/admin. */
export function requirePlanner(user: PublicUser, thing: { officeId: string } | undefined): void {
  if (thing === undefined || !canSeeOffice(user, thing.officeId)) throw problem("not_found");
  requireRole(user, "supervisor", "admin");
}

export function requireOpen(period: { id: string; status: string }): void {
  if (period.status !== "open") throw problem("period_closed", { periodId: period.id });
}
