/**
 * Export of the published history (`patuh export history`, GET /admin/history/export): the stored
 * rows in the import's columns, so the file imports again unchanged, followed by the predicate
 * derived from the score under the row's own scheme, in words (zona, kategori, opini). Owns nothing.
 */
import { type QueryExecutorProvider, sql } from "kysely";
import { predicateFor } from "../../domain/history/predicate";
import type { CellValue, WriteSheet } from "../spreadsheet/index";
import { loadSchemeRegistry } from "./scheme-registry";

export const EXPORT_COLUMNS = [
  "tahun",
  "kode_lokus",
  "nama",
  "nilai",
  "skema",
  "kategori_terbit",
  "peringkat",
  "zona",
  "kategori",
  "opini",
] as const;

export async function exportHistorySheet(
  db: QueryExecutorProvider,
  officeId: string | null,
): Promise<WriteSheet> {
  const schemes = await loadSchemeRegistry(db);
  const r = await sql<{
    year: number;
    locus_code: string;
    locus_name: string;
    score: number;
    scheme_id: string;
    published_category: string | null;
    published_rank: number | null;
  }>`select year, locus_code, locus_name, score, scheme_id, published_category, published_rank
     from published_results where (${officeId}::text is null or office_id = ${officeId})
     order by office_id, year, locus_code`.execute(db);
  const rows: CellValue[][] = r.rows.map((x) => {
    const scheme = schemes.get(x.scheme_id);
    const p = scheme === undefined ? null : predicateFor(Number(x.score), scheme);
    return [
      x.year,
      x.locus_code,
      x.locus_name,
      Number(x.score),
      x.scheme_id,
      x.published_category,
      x.published_rank,
      p === null || p.zone === null ? null : `Zona ${p.zone}`,
      p?.category ?? null,
      p?.label ?? null,
    ];
  });
  return { name: "Riwayat", columns: EXPORT_COLUMNS.map((header) => ({ header })), rows };
}
