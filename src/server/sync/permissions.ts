/**
 * Who may see and change what, for sync and evidence (protocol.md "Visibility").
 * Invariant: one definition of visibility for push, pull, evidence and assessment reads:
 * assessor → assignments whose team includes them; supervisor → their office; admin → everything.
 */
import type { Role } from "../../domain/sync/protocol";

export interface SyncUser {
  id: string;
  role: Role;
  officeId: string;
}

export interface AssignmentScope {
  officeId: string;
  team: readonly string[];
}

export function canSeeAssignment(user: SyncUser, scope: AssignmentScope): boolean {
  if (user.role === "admin") return true;
  if (user.role === "supervisor") return scope.officeId === user.officeId;
  return scope.team.includes(user.id);
}
