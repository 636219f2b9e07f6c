/**
 * The Kantor Pusat (offices.is_central, migration 005) and who acts for it.
 * Invariant: only admins of the central office define, join and publish rounds; before
 * publication only users of the central office see national ranks or another office's numbers.
 * The first central office may be named by any admin (bootstrap); afterwards only a central admin
 * may move the mark, so an office cannot promote itself.
 */
import { type QueryExecutorProvider, sql } from "kysely";
import type { Db } from "../db/connection";
import type { PublicUser } from "../db/queries/users";
import { problem } from "../http/problems";

export async function centralOfficeId(db: QueryExecutorProvider): Promise<string | null> {
  const r = await sql<{ id: string }>`select id from offices where is_central`.execute(db);
  return r.rows[0]?.id ?? null;
}

export async function isCentralUser(db: QueryExecutorProvider, user: PublicUser): Promise<boolean> {
  return (await centralOfficeId(db)) === user.officeId;
}

/** 403 unless the user is an admin of the central office. */
export async function requireCentralAdmin(db: QueryExecutorProvider, user: PublicUser): Promise<void> {
  if (user.role !== "admin" || !(await isCentralUser(db, user)))
    throw problem("forbidden", { requiredRole: ["admin"], requiredOffice: "central" });
}

/** Marks `officeId` as the Kantor Pusat (and unmarks the previous one), in one transaction. */
export async function setCentralOffice(db: Db, user: PublicUser, officeId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // Serialise concurrent bootstraps: the partial unique index would refuse the second anyway.
    await sql`lock table offices in share row exclusive mode`.execute(trx);
    const current = await centralOfficeId(trx);
    if (current !== null && current !== user.officeId)
      throw problem("forbidden", { requiredRole: ["admin"], requiredOffice: "central" });
    const exists = await sql`select 1 from offices where id = ${officeId}`.execute(trx);
    if (exists.rows.length === 0) throw problem("invalid_reference", { path: "officeId", officeId });
    await sql`update offices set is_central = false where is_central and id <> ${officeId}`.execute(trx);
    await sql`update offices set is_central = true where id = ${officeId}`.execute(trx);
  });
}
