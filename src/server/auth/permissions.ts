/**
 * Permission helpers shared by route modules: role checks and office scope.
 * Invariant: anything a user may not see is answered 404 (not 403), so existence does not leak;
 * 403 is only for actions on things the user can see but may not do.
 */
import type { PublicUser } from "../db/queries/users";
import type { Role } from "../db/types";
import { problem } from "../http/problems";

export function hasRole(user: PublicUser, ...roles: Role[]): boolean {
  return roles.includes(user.role);
}

/** Throws 403 forbidden unless the user has one of the roles. */
export function requireRole(user: PublicUser, ...roles: Role[]): void {
  if (!hasRole(user, ...roles)) throw problem("forbidden", { requiredRole: roles });
}

/** Admins see every office; everyone else only their own. */
export function canSeeOffice(user: PublicUser, officeId: string): boolean {
  return user.role === "admin" || user.officeId === officeId;
}

/** Throws 404 not_found when the office is out of scope (existence is not revealed). */
export function requireOfficeScope(user: PublicUser, officeId: string): void {
  if (!canSeeOffice(user, officeId)) throw problem("not_found");
}

/** Supervisors of the office and admins review and manage an office's work. */
export function canManageOffice(user: PublicUser, officeId: string): boolean {
  return user.role === "admin" || (user.role === "supervisor" && user.officeId === officeId);
}
