/**
 * Export of a period's locus inputs as the same workbook the import reads (columns.ts): XLSX with
 * both sheets, or CSV with one (`sheet`: secondary, default, or oversight). A locus whose follow-ups
 * are recorded with no product gets a "Tidak ada" row, so export → import is the identity.
 */
import type { QueryExecutorProvider } from "kysely";
import type { PeriodInfo } from "../results/period-results";
import { type CellValue, type WriteSheet, writeSpreadsheet } from "../spreadsheet";
import type { InstrumentCache } from "../sync/instrument-cache";
import {
  KIND_LABEL,
  OVERSIGHT_COLUMNS,
  OVERSIGHT_SHEET,
  SECONDARY_COLUMNS,
  SECONDARY_SHEET,
  STATE_LABEL,
} from "./columns";
import { readLocusData } from "./service";

export async function locusDataSheets(
  db: QueryExecutorProvider,
  instruments: InstrumentCache,
  period: PeriodInfo,
): Promise<{ secondary: WriteSheet; oversight: WriteSheet }> {
  const data = await readLocusData(db, instruments, period);
  const secondaryRows: CellValue[][] = [];
  const oversightRows: CellValue[][] = [];
  for (const l of data.loci) {
    for (const v of l.secondary)
      secondaryRows.push([l.code, l.name, v.indicatorId, v.value, v.source, v.note || null]);
    if (l.oversight.recorded && l.oversight.products.length === 0)
      oversightRows.push([l.code, l.name, "Tidak ada", null, null, null, null, null]);
    for (const p of l.oversight.products)
      oversightRows.push([
        l.code,
        l.name,
        KIND_LABEL[p.kind],
        p.number,
        p.date,
        STATE_LABEL[p.state],
        p.evidence || null,
        p.note || null,
      ]);
  }
  const header = (c: { headers: readonly string[] }) => ({ header: c.headers[0] ?? "" });
  return {
    secondary: {
      name: SECONDARY_SHEET[0] ?? "Data Sekunder",
      columns: SECONDARY_COLUMNS.map(header),
      rows: secondaryRows,
    },
    oversight: {
      name: OVERSIGHT_SHEET[0] ?? "Tindak Lanjut",
      columns: OVERSIGHT_COLUMNS.map(header),
      rows: oversightRows,
    },
  };
}

export async function exportLocusData(
  db: QueryExecutorProvider,
  instruments: InstrumentCache,
  period: PeriodInfo,
  format: "csv" | "xlsx",
  sheet: "secondary" | "oversight" = "secondary",
): Promise<Uint8Array<ArrayBuffer>> {
  const sheets = await locusDataSheets(db, instruments, period);
  return format === "xlsx"
    ? writeSpreadsheet("xlsx", [sheets.secondary, sheets.oversight])
    : writeSpreadsheet("csv", [sheets[sheet]]);
}
