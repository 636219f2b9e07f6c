/** units: service units of a pemda, with the products suggested for sampling. */
import type { Selectable } from "kysely";
import type { Db } from "../connection";
import type { UnitsTable } from "../types";

export type UnitRow = Selectable<UnitsTable>;

export async function insertUnits(
  db: Db,
  rows: { id: string; pemdaId: string; kind: string; name: string; suggestedProducts: string[] }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto("units")
    .values(
      rows.map((r) => ({
        id: r.id,
        pemda_id: r.pemdaId,
        kind: r.kind,
        name: r.name,
        suggested_products: JSON.stringify(r.suggestedProducts),
      })),
    )
    .execute();
}

export async function listUnitsOfPemda(db: Db, pemdaId: string): Promise<UnitRow[]> {
  return db.selectFrom("units").selectAll().where("pemda_id", "=", pemdaId).orderBy("name").execute();
}
