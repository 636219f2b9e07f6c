/**
 * Units import: rows `kode_lokus,nama_unit,jenis_unit,alamat,produk` validated as a whole against
 * the office's loci and units, then created or updated by (locus code, unit name). Invariants: a
 * unit name is unique within its locus (case-insensitively); a unit kind is free data, matched
 * case-insensitively to the spelling the office already uses, so one kind is never two; the
 * product list is the unit's whole catalogue (an import replaces it); nothing is deleted.
 */
import { sql } from "kysely";
import type { Db } from "../db/connection";
import { cellProblem, cellText, type MappedSheet, type SheetProblem } from "../spreadsheet";
import { splitProducts, type UnitKey } from "./columns";
import type { HistoryEntry } from "./history";
import type { Planned } from "./report";

export interface UnitValue {
  pemdaId: string;
  locusCode: string;
  name: string;
  kind: string;
  address: string;
  products: string[];
}

const LIMITS = { name: 200, kind: 100, address: 500, product: 200, products: 100 };

export async function planUnits(
  db: Db,
  officeId: string,
  mapped: MappedSheet<UnitKey>,
): Promise<{ problems: SheetProblem[]; items: Planned<UnitValue>[] }> {
  const problems: SheetProblem[] = [];
  const items: Planned<UnitValue>[] = [];
  const loci = new Map(
    (await db.selectFrom("pemda").select(["id", "code"]).where("office_id", "=", officeId).execute()).map(
      (r) => [r.code, r.id],
    ),
  );
  const existingRows = await db
    .selectFrom("units")
    .innerJoin("pemda", "pemda.id", "units.pemda_id")
    .select([
      "units.id",
      "units.pemda_id",
      "units.name",
      "units.kind",
      "units.address",
      "units.suggested_products",
    ])
    .where("pemda.office_id", "=", officeId)
    .execute();
  const existing = new Map(existingRows.map((r) => [`${r.pemda_id}\n${r.name.toLowerCase()}`, r]));
  const kinds = new Map(existingRows.map((r) => [r.kind.toLowerCase(), r.kind]));
  const seen = new Map<string, number>();
  for (const row of mapped.rows) {
    const p = (
      key: UnitKey,
      code: SheetProblem["code"],
      message: string,
      params?: Record<string, string | number>,
    ) => problems.push(cellProblem(mapped, row, key, code, message, params));
    const rawLocus = cellText(row.values.locus);
    const locusCode = /^[\d.]+$/.test(rawLocus) ? rawLocus.replace(/\./g, "") : rawLocus;
    const name = cellText(row.values.name).replace(/\s+/g, " ");
    const kindText = cellText(row.values.kind).replace(/\s+/g, " ");
    const address = cellText(row.values.address).replace(/\s+/g, " ");
    const products = splitProducts(cellText(row.values.products));
    const before = problems.length;
    const pemdaId = loci.get(locusCode);
    if (rawLocus === "") p("locus", "required", "kode_lokus is empty");
    else if (!pemdaId) {
      p(
        "locus",
        "unknown_reference",
        `no locus with kode ${rawLocus} in this office; import the loci first`,
        {
          value: rawLocus,
        },
      );
    }
    if (name === "") p("name", "required", "nama_unit is empty");
    else if (name.length > LIMITS.name) p("name", "invalid_value", `nama_unit is longer than ${LIMITS.name}`);
    if (kindText === "") p("kind", "required", "jenis_unit is empty");
    else if (kindText.length > LIMITS.kind)
      p("kind", "invalid_value", `jenis_unit is longer than ${LIMITS.kind}`);
    if (address.length > LIMITS.address)
      p("address", "invalid_value", `alamat is longer than ${LIMITS.address}`);
    if (products.length > LIMITS.products) {
      p("products", "invalid_value", `more than ${LIMITS.products} products`);
    } else if (products.some((x) => x.length > LIMITS.product)) {
      p("products", "invalid_value", `a product name is longer than ${LIMITS.product}`);
    }
    if (problems.length > before || !pemdaId) continue;
    const key = `${pemdaId}\n${name.toLowerCase()}`;
    const first = seen.get(key);
    if (first !== undefined) {
      p("name", "duplicate", `unit ${name} of ${locusCode} is already on row ${first}`, {
        value: name,
        firstRow: first,
      });
      continue;
    }
    seen.set(key, row.row);
    const kind = kinds.get(kindText.toLowerCase()) ?? kindText;
    kinds.set(kind.toLowerCase(), kind);
    const value: UnitValue = { pemdaId, locusCode, name, kind, address, products };
    const old = existing.get(key);
    const fields: string[] = [];
    if (old) {
      if (old.name !== name) fields.push("name");
      if (old.kind !== kind) fields.push("kind");
      if (old.address !== address) fields.push("address");
      if (JSON.stringify(old.suggested_products) !== JSON.stringify(products)) fields.push("products");
    }
    items.push({
      sheet: row.sheet,
      row: row.row,
      key: `${locusCode} / ${name}`,
      action: !old ? "create" : fields.length > 0 ? "update" : "unchanged",
      fields,
      value,
      ...(old
        ? {
            id: old.id,
            before: {
              name: old.name,
              kind: old.kind,
              address: old.address,
              products: old.suggested_products,
            },
          }
        : {}),
    });
  }
  return { problems, items };
}

function historyValue(v: UnitValue) {
  return { locusCode: v.locusCode, name: v.name, kind: v.kind, address: v.address, products: v.products };
}

export async function applyUnits(db: Db, items: readonly Planned<UnitValue>[]): Promise<HistoryEntry[]> {
  const history: HistoryEntry[] = [];
  const creates = items.filter((i) => i.action === "create");
  for (let i = 0; i < creates.length; i += 1000) {
    const chunk = creates.slice(i, i + 1000);
    const rows = await db
      .insertInto("units")
      .values(
        chunk.map((c) => ({
          id: sql<string>`gen_random_uuid()`,
          pemda_id: c.value.pemdaId,
          name: c.value.name,
          kind: c.value.kind,
          address: c.value.address,
          suggested_products: JSON.stringify(c.value.products),
        })),
      )
      .returning("id")
      .execute();
    rows.forEach((r, j) => {
      const c = chunk[j];
      if (c)
        history.push({
          entity: "unit",
          entityId: r.id,
          action: "create",
          before: null,
          after: historyValue(c.value),
        });
    });
  }
  for (const u of items) {
    if (u.action !== "update" || !u.id) continue;
    await db
      .updateTable("units")
      .set({
        name: u.value.name,
        kind: u.value.kind,
        address: u.value.address,
        suggested_products: JSON.stringify(u.value.products),
      })
      .where("id", "=", u.id)
      .execute();
    history.push({
      entity: "unit",
      entityId: u.id,
      action: "update",
      before: u.before,
      after: historyValue(u.value),
    });
  }
  return history;
}
