/**
 * Import of results published before Patuh (issue #19): CSV/XLSX rows
 * `tahun,kode_lokus,nama,nilai,skema[,kategori_terbit,peringkat]` into published_results.
 * Invariants: all or nothing — any row error (an unknown scheme included) writes nothing, and every
 * error names its cell; a published category that disagrees with the predicate derived from the
 * score under the named scheme is reported as a warning and stored as published, never
 * overwritten. A row's office is the one given (--office / the admin's choice) or, without one,
 * the single office whose master data has that locus code. Re-importing a (office, locus, year)
 * replaces that row (a corrected file is the normal second attempt).
 */
import { sql } from "kysely";
import { type HistoryCells, type HistoryColumn, parseHistoryRow } from "../../domain/history/history-row";
import type { Db } from "../db/connection";
import {
  type ColumnSpec,
  cellProblem,
  mapSheet,
  pickSheet,
  readSpreadsheet,
  type SheetProblem,
} from "../spreadsheet/index";
import { loadSchemeRegistry } from "./scheme-registry";

const SPECS: readonly ColumnSpec<HistoryColumn>[] = [
  { key: "tahun", headers: ["tahun", "year"], required: true },
  { key: "kode_lokus", headers: ["kode_lokus", "kode", "locus_code", "code"], required: true },
  { key: "nama", headers: ["nama", "nama_lokus", "name"], required: true },
  { key: "nilai", headers: ["nilai", "skor", "score"], required: true },
  { key: "skema", headers: ["skema", "scheme"], required: true },
  { key: "kategori_terbit", headers: ["kategori_terbit", "published_category"] },
  { key: "peringkat", headers: ["peringkat", "rank"] },
];

export interface HistoryImportReport {
  /** Rows read from the file. */
  rows: number;
  /** Rows written (0 when there is any error, or on a dry run). */
  imported: number;
  errors: SheetProblem[];
  warnings: SheetProblem[];
}

export async function importHistory(
  db: Db,
  bytes: Uint8Array,
  opts: { officeId: string | null; importedBy: string | null; dryRun?: boolean },
): Promise<HistoryImportReport> {
  const read = await readSpreadsheet(bytes, { csvSheetName: "CSV" });
  if (read.problems.length > 0) return { rows: 0, imported: 0, errors: read.problems, warnings: [] };
  const sheet = pickSheet(read, ["riwayat", "history", "hasil"]);
  if (sheet === undefined)
    return {
      rows: 0,
      imported: 0,
      errors: [{ code: "file_empty", message: "The file has no rows." }],
      warnings: [],
    };
  const mapped = mapSheet(sheet, SPECS);
  if (mapped.problems.length > 0) return { rows: 0, imported: 0, errors: mapped.problems, warnings: [] };
  const schemes = await loadSchemeRegistry(db);
  const errors: SheetProblem[] = [];
  const warnings: SheetProblem[] = [];
  if (opts.officeId !== null) {
    const office = await sql`select 1 from offices where id = ${opts.officeId}`.execute(db);
    if (office.rows.length === 0)
      return {
        rows: mapped.rows.length,
        imported: 0,
        errors: [{ code: "unknown_reference", message: `Office ${opts.officeId} does not exist.` }],
        warnings: [],
      };
  }
  // Locus code → offices whose master data has it (one query for the whole file).
  const codes = [...new Set(mapped.rows.map((r) => String(r.values.kode_lokus ?? "").trim()))];
  const known = await sql<{ code: string; office_id: string }>`select code, office_id from pemda
    where code = any(${codes}::text[])`.execute(db);
  const officesOf = new Map<string, string[]>();
  for (const k of known.rows) officesOf.set(k.code, [...(officesOf.get(k.code) ?? []), k.office_id]);

  const ready: {
    officeId: string;
    row: NonNullable<Extract<ReturnType<typeof parseHistoryRow>, { ok: true }>["row"]>;
  }[] = [];
  const seen = new Map<string, number>();
  for (const m of mapped.rows) {
    const parsed = parseHistoryRow(m.values as HistoryCells, (id) => schemes.get(id));
    if (!parsed.ok) {
      for (const e of parsed.errors)
        errors.push(
          cellProblem(
            mapped,
            m,
            e.column,
            e.column === "skema" ? "unknown_reference" : "invalid_value",
            e.message,
          ),
        );
      continue;
    }
    for (const wn of parsed.warnings)
      warnings.push(cellProblem(mapped, m, wn.column, "invalid_value", wn.message));
    const row = parsed.row;
    const holders = officesOf.get(row.locusCode) ?? [];
    let officeId = opts.officeId;
    if (officeId === null) {
      if (holders.length !== 1) {
        errors.push(
          cellProblem(
            mapped,
            m,
            "kode_lokus",
            "unknown_reference",
            holders.length === 0
              ? `kode lokus "${row.locusCode}" tidak ada di data induk; sebutkan kantornya (--office)`
              : `kode lokus "${row.locusCode}" ada di beberapa kantor; sebutkan kantornya (--office)`,
          ),
        );
        continue;
      }
      officeId = holders[0] ?? null;
    } else if (!holders.includes(officeId)) {
      warnings.push(
        cellProblem(
          mapped,
          m,
          "kode_lokus",
          "unknown_reference",
          `kode lokus "${row.locusCode}" belum ada di data induk kantor ${officeId}; riwayat tetap disimpan`,
        ),
      );
    }
    if (officeId === null) continue;
    const key = `${officeId}|${row.locusCode}|${row.year}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push(
        cellProblem(
          mapped,
          m,
          "kode_lokus",
          "duplicate",
          `lokus ${row.locusCode} tahun ${row.year} sudah ada di baris ${first}`,
        ),
      );
      continue;
    }
    seen.set(key, m.row);
    ready.push({ officeId, row });
  }
  const report = { rows: mapped.rows.length, imported: 0, errors, warnings };
  if (errors.length > 0 || opts.dryRun === true || ready.length === 0) return report;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < ready.length; i += 500) {
      const values = ready.slice(i, i + 500).map(
        ({ officeId, row }) =>
          sql`(${officeId}, ${row.year}::int, ${row.locusCode}, ${row.name}, ${row.score}::double precision,
               ${row.schemeId}, ${row.publishedCategory}, ${row.publishedRank}::int, ${opts.importedBy}::uuid)`,
      );
      await sql`insert into published_results (office_id, year, locus_code, locus_name, score, scheme_id,
          published_category, published_rank, imported_by)
        values ${sql.join(values)}
        on conflict (office_id, locus_code, year) do update set locus_name = excluded.locus_name,
          score = excluded.score, scheme_id = excluded.scheme_id, published_category = excluded.published_category,
          published_rank = excluded.published_rank, imported_by = excluded.imported_by, imported_at = now()`.execute(
        trx,
      );
    }
  });
  return { ...report, imported: ready.length };
}
