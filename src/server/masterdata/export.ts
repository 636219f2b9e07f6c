/**
 * Exports of an office's master data in the import column sets (first header of each column), so
 * an exported file re-imports unchanged. Passwords are never exported.
 */
import type { Db } from "../db/connection";
import type { CellValue, WriteSheet } from "../spreadsheet";
import { type Entity, LOCI_COLUMNS, PRODUCT_SEPARATOR, UNIT_COLUMNS, USER_COLUMNS } from "./columns";

const SHEET_TITLE: Record<Entity, string> = { loci: "Lokus", units: "Unit", users: "Pengguna" };

function headers(cols: readonly { headers: readonly string[] }[]) {
  return cols.map((c) => ({ header: c.headers[0] ?? "" }));
}

export async function exportSheet(db: Db, entity: Entity, officeId: string): Promise<WriteSheet> {
  let rows: CellValue[][];
  let columns: { header: string }[];
  if (entity === "loci") {
    columns = headers(LOCI_COLUMNS);
    rows = (
      await db
        .selectFrom("pemda")
        .select(["code", "name", "kind"])
        .where("office_id", "=", officeId)
        .orderBy("code")
        .execute()
    ).map((r) => [r.code, r.name, r.kind]);
  } else if (entity === "units") {
    columns = headers(UNIT_COLUMNS);
    rows = (
      await db
        .selectFrom("units")
        .innerJoin("pemda", "pemda.id", "units.pemda_id")
        .select(["pemda.code", "units.name", "units.kind", "units.address", "units.suggested_products"])
        .where("pemda.office_id", "=", officeId)
        .orderBy("pemda.code")
        .orderBy("units.name")
        .execute()
    ).map((r) => [r.code, r.name, r.kind, r.address, (r.suggested_products ?? []).join(PRODUCT_SEPARATOR)]);
  } else {
    columns = headers(USER_COLUMNS);
    rows = (
      await db
        .selectFrom("users")
        .select(["username", "name", "role"])
        .where("office_id", "=", officeId)
        .where("active", "=", true)
        .orderBy("username")
        .execute()
    ).map((r) => [r.username, r.name, r.role]);
  }
  return { name: SHEET_TITLE[entity], columns, rows };
}
