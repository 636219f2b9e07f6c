/**
 * Loci import: rows `kode,nama,jenis` validated as a whole against the office's loci, then created
 * or updated by code. Invariants: codes are unique per office; a pemda code (provinsi, kabupaten,
 * kota) is a Kemendagri code, stored without dots ("61.01" → "6101"), two digits for a provinsi
 * and four for a kabupaten or kota; nothing is deleted by an import.
 */

import { sql } from "kysely";
import {
  isLocusKind,
  isPemdaKind,
  LOCUS_KINDS,
  type LocusKind,
  parseLocusKind,
} from "../../domain/loci/locus-kinds";
import type { Db } from "../db/connection";
import { cellProblem, cellText, type MappedSheet, type SheetProblem } from "../spreadsheet";
import type { LocusKey } from "./columns";
import type { HistoryEntry } from "./history";
import type { Planned } from "./report";

export interface LocusValue {
  code: string;
  name: string;
  kind: LocusKind;
}

const MAX_NAME = 200;
const FREE_CODE = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,49}$/;

/** The stored form of a locus code of this kind, or an error message. */
export function normalizeLocusCode(raw: string, kind: LocusKind): { code: string } | { error: string } {
  if (isPemdaKind(kind)) {
    const digits = raw.replace(/\./g, "");
    const want = kind === "provinsi" ? 2 : 4;
    if (!/^\d+$/.test(digits) || digits.length !== want) {
      return {
        error: `a ${kind} code is a Kemendagri code of ${want} digits (e.g. ${kind === "provinsi" ? "61" : "61.01"}); format the column as text so Excel keeps its zeros`,
      };
    }
    return { code: digits };
  }
  return FREE_CODE.test(raw)
    ? { code: raw }
    : { error: "a code is 1–50 letters, digits, '.', '_', '/' or '-'" };
}

export async function planLoci(
  db: Db,
  officeId: string,
  mapped: MappedSheet<LocusKey>,
): Promise<{ problems: SheetProblem[]; items: Planned<LocusValue>[] }> {
  const problems: SheetProblem[] = [];
  const items: Planned<LocusValue>[] = [];
  const existing = new Map(
    (
      await db
        .selectFrom("pemda")
        .select(["id", "code", "name", "kind"])
        .where("office_id", "=", officeId)
        .execute()
    ).map((r) => [r.code, r]),
  );
  const seen = new Map<string, number>();
  for (const row of mapped.rows) {
    const p = (
      key: LocusKey,
      code: SheetProblem["code"],
      message: string,
      params?: Record<string, string | number>,
    ) => problems.push(cellProblem(mapped, row, key, code, message, params));
    const rawCode = cellText(row.values.code);
    const name = cellText(row.values.name).replace(/\s+/g, " ");
    const kindText = cellText(row.values.kind);
    const kind = kindText === "" ? null : isLocusKind(kindText) ? kindText : parseLocusKind(kindText);
    const before = problems.length;
    if (rawCode === "") p("code", "required", "kode is empty");
    if (name === "") p("name", "required", "nama is empty");
    else if (name.length > MAX_NAME) p("name", "invalid_value", `nama is longer than ${MAX_NAME}`);
    if (kindText === "") p("kind", "required", "jenis is empty");
    else if (kind === null) {
      p("kind", "invalid_value", `jenis "${kindText}" is not one of ${LOCUS_KINDS.join(", ")}`, {
        value: kindText,
      });
    }
    if (problems.length > before || kind === null) continue;
    // A code the office already holds is accepted as it is (data from before this check).
    const normal = existing.has(rawCode) ? { code: rawCode } : normalizeLocusCode(rawCode, kind);
    if ("error" in normal) {
      p("code", "invalid_value", `kode "${rawCode}": ${normal.error}`, { value: rawCode });
      continue;
    }
    const first = seen.get(normal.code);
    if (first !== undefined) {
      p("code", "duplicate", `kode ${normal.code} is already on row ${first}`, {
        value: normal.code,
        firstRow: first,
      });
      continue;
    }
    seen.set(normal.code, row.row);
    const value = { code: normal.code, name, kind };
    const old = existing.get(normal.code);
    const fields = old ? (["name", "kind"] as const).filter((f) => old[f] !== value[f]) : [];
    items.push({
      sheet: row.sheet,
      row: row.row,
      key: normal.code,
      action: !old ? "create" : fields.length > 0 ? "update" : "unchanged",
      fields: [...fields],
      value,
      ...(old ? { id: old.id, before: { code: old.code, name: old.name, kind: old.kind } } : {}),
    });
  }
  return { problems, items };
}

export async function applyLoci(
  db: Db,
  officeId: string,
  items: readonly Planned<LocusValue>[],
): Promise<HistoryEntry[]> {
  const history: HistoryEntry[] = [];
  const creates = items.filter((i) => i.action === "create");
  for (let i = 0; i < creates.length; i += 1000) {
    const rows = await db
      .insertInto("pemda")
      .values(
        creates
          .slice(i, i + 1000)
          .map((c) => ({ id: sql<string>`gen_random_uuid()`, office_id: officeId, ...c.value })),
      )
      .returning(["id", "code", "name", "kind"])
      .execute();
    for (const r of rows)
      history.push({ entity: "locus", entityId: r.id, action: "create", before: null, after: r });
  }
  for (const u of items) {
    if (u.action !== "update" || !u.id) continue;
    await db
      .updateTable("pemda")
      .set({ name: u.value.name, kind: u.value.kind })
      .where("id", "=", u.id)
      .execute();
    history.push({ entity: "locus", entityId: u.id, action: "update", before: u.before, after: u.value });
  }
  return history;
}
