/**
 * Who may touch an office's master data. Invariant: only the office's own admins and supervisors
 * (users import/export: admins only); anyone else gets 404, so another office's loci, units and
 * accounts are neither readable nor writable, nor is their existence revealed.
 */
import type { PublicUser } from "../db/queries/users";
import { problem } from "../http/problems";
import type { Entity } from "./columns";

export function requireMasterDataAccess(user: PublicUser, officeId: string, entity: Entity | "setup"): void {
  if (user.officeId !== officeId) throw problem("not_found");
  const roles = entity === "users" ? ["admin"] : ["admin", "supervisor"];
  if (!roles.includes(user.role)) throw problem("forbidden", { requiredRole: roles });
}
