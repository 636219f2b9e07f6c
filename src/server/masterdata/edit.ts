/**
 * Master data edited one record at a time in a form (issue #17): create, change and retire a
 * locus or a unit with its product catalogue. Invariants, the same as the imports keep: a locus
 * code is unique in its office and normalised by kind (normalizeLocusCode); a unit name is unique
 * in its locus (case-insensitively); a unit kind is matched case-insensitively to the office's
 * spelling; nothing is deleted (retiring sets `active = false`). Every change writes one history row
 * (source `form`) in the same transaction, and a save that changes nothing writes none.
 */
import { sql } from "kysely";
import type { LocusKind } from "../../domain/loci/locus-kinds";
import type { Db } from "../db/connection";
import { problem } from "../http/problems";
import { recordHistory } from "./history";
import { normalizeLocusCode } from "./loci";

export interface LocusRecord {
  id: string;
  code: string;
  name: string;
  kind: string;
  active: boolean;
}

export interface UnitRecord {
  id: string;
  pemdaId: string;
  locusCode: string;
  name: string;
  kind: string;
  address: string;
  products: string[];
  active: boolean;
}

export interface LocusInput {
  code: string;
  name: string;
  kind: LocusKind;
  active?: boolean;
}

export interface UnitInput {
  name: string;
  kind: string;
  address?: string;
  products?: string[];
  active?: boolean;
}

interface Actor {
  officeId: string;
  actorId: string;
}

const tidy = (s: string) => s.trim().replace(/\s+/g, " ");

/** Field problem as the form kit shows it: 400 invalid_body with the field's path. */
function fieldProblem(path: string, message: string) {
  return problem("invalid_body", { path, issues: [{ path, message }] });
}

function tidyProducts(products: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const p of products.map(tidy)) {
    if (p === "" || seen.has(p.toLowerCase())) continue;
    seen.add(p.toLowerCase());
    out.push(p);
  }
  return out;
}

async function lockedLocus(db: Db, officeId: string, id: string): Promise<LocusRecord> {
  const r = await sql<LocusRecord>`select id, code, name, kind, active from pemda
    where id = ${id} and office_id = ${officeId} for update`.execute(db);
  const row = r.rows[0];
  if (row === undefined) throw problem("not_found");
  return row;
}

async function codeFree(db: Db, officeId: string, code: string, except: string | null): Promise<void> {
  const r = await sql<{ id: string }>`select id from pemda where office_id = ${officeId} and code = ${code}
    and (${except}::uuid is null or id <> ${except}::uuid)`.execute(db);
  if (r.rows.length > 0) throw problem("already_exists", { path: "code", value: code });
}

function locusValues(input: LocusInput, keepCode: string | null): Omit<LocusRecord, "id" | "active"> {
  const name = tidy(input.name);
  const rawCode = input.code.trim();
  if (name === "") throw fieldProblem("name", "required");
  // An unchanged code the office already holds stays as it is (data from before the check).
  const normal = rawCode === keepCode ? { code: rawCode } : normalizeLocusCode(rawCode, input.kind);
  if ("error" in normal) throw fieldProblem("code", normal.error);
  return { code: normal.code, name, kind: input.kind };
}

export async function createLocus(db: Db, who: Actor, input: LocusInput): Promise<LocusRecord> {
  return db.transaction().execute(async (trx) => {
    const value = locusValues(input, null);
    await codeFree(trx, who.officeId, value.code, null);
    const r = await sql<LocusRecord>`insert into pemda (id, office_id, code, name, kind, active)
      values (gen_random_uuid(), ${who.officeId}, ${value.code}, ${value.name}, ${value.kind}, ${input.active ?? true})
      returning id, code, name, kind, active`.execute(trx);
    const row = r.rows[0];
    if (row === undefined) throw new Error("insert returned no row");
    await recordHistory(trx, who.officeId, who.actorId, "form", [
      { entity: "locus", entityId: row.id, action: "create", before: null, after: plainLocus(row) },
    ]);
    return row;
  });
}

const plainLocus = (l: LocusRecord) => ({ code: l.code, name: l.name, kind: l.kind, active: l.active });

export async function updateLocus(
  db: Db,
  who: Actor,
  id: string,
  patch: Partial<LocusInput>,
): Promise<LocusRecord> {
  return db.transaction().execute(async (trx) => {
    const old = await lockedLocus(trx, who.officeId, id);
    const value = locusValues(
      {
        code: patch.code ?? old.code,
        name: patch.name ?? old.name,
        kind: patch.kind ?? (old.kind as LocusKind),
      },
      old.code,
    );
    const next: LocusRecord = { id, ...value, active: patch.active ?? old.active };
    if (JSON.stringify(plainLocus(next)) === JSON.stringify(plainLocus(old))) return old;
    if (next.code !== old.code) await codeFree(trx, who.officeId, next.code, id);
    await sql`update pemda set code = ${next.code}, name = ${next.name}, kind = ${next.kind}, active = ${next.active}
      where id = ${id}`.execute(trx);
    await recordHistory(trx, who.officeId, who.actorId, "form", [
      { entity: "locus", entityId: id, action: "update", before: plainLocus(old), after: plainLocus(next) },
    ]);
    return next;
  });
}

const plainUnit = (u: UnitRecord) => ({
  locusCode: u.locusCode,
  name: u.name,
  kind: u.kind,
  address: u.address,
  products: u.products,
  active: u.active,
});

type UnitRow = Omit<UnitRecord, "products"> & { products: unknown };

const UNIT_COLUMNS = sql`u.id, u.pemda_id as "pemdaId", p.code as "locusCode", u.name, u.kind, u.address,
  u.suggested_products as products, u.active`;

function toUnit(r: UnitRow): UnitRecord {
  const products = Array.isArray(r.products) ? r.products.filter((x) => typeof x === "string") : [];
  return { ...r, products };
}

/** The office's spelling of a unit kind, or the typed one when the office has none like it. */
async function officeKind(db: Db, officeId: string, typed: string): Promise<string> {
  const r = await sql<{ kind: string }>`select u.kind from units u join pemda p on p.id = u.pemda_id
    where p.office_id = ${officeId} and lower(u.kind) = lower(${typed}) order by u.kind limit 1`.execute(db);
  return r.rows[0]?.kind ?? typed;
}

async function nameFree(db: Db, pemdaId: string, name: string, except: string | null): Promise<void> {
  const r = await sql<{ id: string }>`select id from units where pemda_id = ${pemdaId}
    and lower(name) = lower(${name}) and (${except}::uuid is null or id <> ${except}::uuid)`.execute(db);
  if (r.rows.length > 0) throw problem("already_exists", { path: "name", value: name });
}

async function unitValues(db: Db, officeId: string, input: UnitInput) {
  const name = tidy(input.name);
  const kindText = tidy(input.kind);
  if (name === "") throw fieldProblem("name", "required");
  if (kindText === "") throw fieldProblem("kind", "required");
  return {
    name,
    kind: await officeKind(db, officeId, kindText),
    address: tidy(input.address ?? ""),
    products: tidyProducts(input.products ?? []),
  };
}

export async function createUnit(db: Db, who: Actor, pemdaId: string, input: UnitInput): Promise<UnitRecord> {
  return db.transaction().execute(async (trx) => {
    const locus = await lockedLocus(trx, who.officeId, pemdaId);
    const value = await unitValues(trx, who.officeId, input);
    await nameFree(trx, pemdaId, value.name, null);
    const r = await sql<{
      id: string;
    }>`insert into units (id, pemda_id, kind, name, address, suggested_products, active)
      values (gen_random_uuid(), ${pemdaId}, ${value.kind}, ${value.name}, ${value.address},
              ${JSON.stringify(value.products)}::jsonb, ${input.active ?? true})
      returning id`.execute(trx);
    const id = r.rows[0]?.id;
    if (id === undefined) throw new Error("insert returned no row");
    const unit: UnitRecord = { id, pemdaId, locusCode: locus.code, ...value, active: input.active ?? true };
    await recordHistory(trx, who.officeId, who.actorId, "form", [
      { entity: "unit", entityId: id, action: "create", before: null, after: plainUnit(unit) },
    ]);
    return unit;
  });
}

export async function findUnit(db: Db, officeId: string, id: string, lock = false): Promise<UnitRecord> {
  const r = await sql<UnitRow>`select ${UNIT_COLUMNS} from units u join pemda p on p.id = u.pemda_id
    where u.id = ${id} and p.office_id = ${officeId} ${lock ? sql`for update of u` : sql``}`.execute(db);
  const row = r.rows[0];
  if (row === undefined) throw problem("not_found");
  return toUnit(row);
}

export async function updateUnit(
  db: Db,
  who: Actor,
  id: string,
  patch: Partial<UnitInput>,
): Promise<UnitRecord> {
  return db.transaction().execute(async (trx) => {
    const old = await findUnit(trx, who.officeId, id, true);
    const value = await unitValues(trx, who.officeId, {
      name: patch.name ?? old.name,
      kind: patch.kind ?? old.kind,
      address: patch.address ?? old.address,
      products: patch.products ?? old.products,
    });
    const next: UnitRecord = { ...old, ...value, active: patch.active ?? old.active };
    if (JSON.stringify(plainUnit(next)) === JSON.stringify(plainUnit(old))) return old;
    if (next.name.toLowerCase() !== old.name.toLowerCase()) await nameFree(trx, old.pemdaId, next.name, id);
    await sql`update units set name = ${next.name}, kind = ${next.kind}, address = ${next.address},
      suggested_products = ${JSON.stringify(next.products)}::jsonb, active = ${next.active}
      where id = ${id}`.execute(trx);
    await recordHistory(trx, who.officeId, who.actorId, "form", [
      { entity: "unit", entityId: id, action: "update", before: plainUnit(old), after: plainUnit(next) },
    ]);
    return next;
  });
}

export interface LocusListItem extends LocusRecord {
  units: number;
  activeUnits: number;
}

export async function listLoci(db: Db, officeId: string): Promise<LocusListItem[]> {
  const r = await sql<LocusListItem & { units: string | number; activeUnits: string | number }>`
    select p.id, p.code, p.name, p.kind, p.active, count(u.id) as units,
      count(u.id) filter (where u.active) as "activeUnits"
    from pemda p left join units u on u.pemda_id = p.id
    where p.office_id = ${officeId} group by p.id order by p.code, p.id`.execute(db);
  return r.rows.map((x) => ({ ...x, units: Number(x.units), activeUnits: Number(x.activeUnits) }));
}

export async function findLocusWithUnits(
  db: Db,
  officeId: string,
  id: string,
): Promise<{ locus: LocusRecord; units: UnitRecord[] }> {
  const r = await sql<LocusRecord>`select id, code, name, kind, active from pemda
    where id = ${id} and office_id = ${officeId}`.execute(db);
  const locus = r.rows[0];
  if (locus === undefined) throw problem("not_found");
  const units = await sql<UnitRow>`select ${UNIT_COLUMNS} from units u join pemda p on p.id = u.pemda_id
    where u.pemda_id = ${id} order by u.active desc, lower(u.name), u.id`.execute(db);
  return { locus, units: units.rows.map(toUnit) };
}

/** The unit kinds the office uses, with how many units of each (for pickers and labels). */
export async function officeUnitKinds(db: Db, officeId: string): Promise<{ kind: string; units: number }[]> {
  const r = await sql<{ kind: string; units: string | number }>`select u.kind, count(*) as units
    from units u join pemda p on p.id = u.pemda_id where p.office_id = ${officeId}
    group by u.kind order by lower(u.kind), u.kind`.execute(db);
  return r.rows.map((x) => ({ kind: x.kind, units: Number(x.units) }));
}
