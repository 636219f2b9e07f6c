/**
 * User accounts for the admin: list, create, change (name, role, office, active), reset password.
 * Invariants: usernames are unique case-insensitively; deactivating an account deletes its sessions
 * in the same transaction (its next request is 401 even before the per-request active check);
 * a password reset ends the account's other sessions; an admin can neither deactivate themself nor
 * drop their own admin role (so the last admin cannot lock everyone out by accident).
 */
import { hashPassword } from "../auth/password";
import type { Db } from "../db/connection";
import { endMembershipsOutsideOffice } from "../db/queries/assignments";
import { findOffice } from "../db/queries/offices";
import {
  type AdminUser,
  deleteSessionsOfUser,
  findUserByIdForUpdate,
  findUserByUsername,
  insertUser,
  listUsers as listUserRows,
  type PublicUser,
  toAdminUser,
  updateUser as updateUserRow,
} from "../db/queries/users";
import type { Role } from "../db/types";
import { problem } from "../http/problems";
import { isUniqueViolation } from "./guard";

export async function listUsers(db: Db, filter: { officeId?: string }): Promise<AdminUser[]> {
  return (await listUserRows(db, filter)).map(toAdminUser);
}

export interface NewUserInput {
  username: string;
  name: string;
  role: Role;
  officeId: string;
  password: string;
}

export async function createUser(db: Db, input: NewUserInput): Promise<AdminUser> {
  // scrypt before the transaction: it is slow and needs no lock.
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction().execute(async (trx) => {
      if (!(await findOffice(trx, input.officeId))) {
        throw problem("invalid_reference", { path: "officeId", officeId: input.officeId });
      }
      if (await findUserByUsername(trx, input.username)) {
        throw problem("already_exists", { path: "username", username: input.username });
      }
      const row = await insertUser(trx, {
        username: input.username,
        name: input.name,
        role: input.role,
        office_id: input.officeId,
        password_hash: passwordHash,
      });
      return toAdminUser(row);
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw problem("already_exists", { path: "username", username: input.username });
    throw error;
  }
}

export interface UserPatch {
  name?: string;
  role?: Role;
  officeId?: string;
  active?: boolean;
}

export async function updateUser(
  db: Db,
  actor: PublicUser,
  id: string,
  patch: UserPatch,
): Promise<AdminUser> {
  return db.transaction().execute(async (trx) => {
    const current = await findUserByIdForUpdate(trx, id);
    if (!current) throw problem("not_found");
    if (actor.id === id && (patch.active === false || (patch.role !== undefined && patch.role !== "admin"))) {
      throw problem("self_lockout", { path: patch.active === false ? "active" : "role" });
    }
    if (patch.officeId !== undefined && !(await findOffice(trx, patch.officeId))) {
      throw problem("invalid_reference", { path: "officeId", officeId: patch.officeId });
    }
    const row = await updateUserRow(trx, id, {
      ...(patch.name === undefined ? {} : { name: patch.name }),
      ...(patch.role === undefined ? {} : { role: patch.role }),
      ...(patch.officeId === undefined ? {} : { office_id: patch.officeId }),
      ...(patch.active === undefined ? {} : { active: patch.active }),
    });
    if (!row) throw problem("not_found");
    if (patch.active === false) await deleteSessionsOfUser(trx, id);
    // Team membership is what lets an assessor see an assignment: a user who moves to another
    // office must not keep reading and editing the old office's checklists.
    if (patch.officeId !== undefined && patch.officeId !== current.office_id) {
      await endMembershipsOutsideOffice(trx, id, patch.officeId);
    }
    return toAdminUser(row);
  });
}

/** Sets a new password; the account's sessions end, except the caller's own (an admin resetting their own). */
export async function resetPassword(
  db: Db,
  id: string,
  password: string,
  keepSessionId: string,
): Promise<{ sessionsEnded: number }> {
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const current = await findUserByIdForUpdate(trx, id);
    if (!current) throw problem("not_found");
    await updateUserRow(trx, id, { password_hash: passwordHash });
    return { sessionsEnded: await deleteSessionsOfUser(trx, id, keepSessionId) };
  });
}
