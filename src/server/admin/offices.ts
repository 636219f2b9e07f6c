/**
 * Offices (Kantor Perwakilan) for the admin: list with user counts, create, rename.
 * Invariant: an office id never changes once created (users, pemda and periods reference it).
 */
import type { Db } from "../db/connection";
import {
  insertOfficeIfAbsent,
  listOfficeSummaries,
  type OfficeSummary,
  renameOffice,
} from "../db/queries/offices";
import { problem } from "../http/problems";

export function listOffices(db: Db): Promise<OfficeSummary[]> {
  return listOfficeSummaries(db);
}

async function summaryOf(db: Db, id: string): Promise<OfficeSummary> {
  const office = (await listOfficeSummaries(db)).find((o) => o.id === id);
  if (!office) throw problem("not_found");
  return office;
}

export async function createOffice(db: Db, input: { id: string; name: string }): Promise<OfficeSummary> {
  return db.transaction().execute(async (trx) => {
    if (!(await insertOfficeIfAbsent(trx, input))) {
      throw problem("already_exists", { path: "id", id: input.id });
    }
    return summaryOf(trx, input.id);
  });
}

export async function updateOffice(db: Db, id: string, input: { name: string }): Promise<OfficeSummary> {
  return db.transaction().execute(async (trx) => {
    if (!(await renameOffice(trx, id, input.name))) throw problem("not_found");
    return summaryOf(trx, id);
  });
}
