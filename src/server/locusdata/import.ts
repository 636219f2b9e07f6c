/**
 * Import of locus inputs from CSV/XLSX (the locus-data workbook, columns.ts): every problem with its
 * sheet, row and column, nothing written unless the whole file is valid (one transaction), and a dry
 * run that writes nothing. For each locus named in a sheet, that sheet's rows become the locus's
 * whole set (values, or follow-ups), so importing the same file twice changes nothing.
 */
import type { Instrument } from "../../domain/instrument/types";
import type { Db } from "../db/connection";
import type { PeriodInfo } from "../results/period-results";
import {
  type ColumnSpec,
  cellProblem,
  cellText,
  type MappedRow,
  type MappedSheet,
  mapSheet,
  pickSheet,
  type RawSheet,
  readSpreadsheet,
  type SheetProblem,
  type SpreadsheetFormat,
} from "../spreadsheet";
import type { InstrumentCache } from "../sync/instrument-cache";
import {
  NONE_ISSUED,
  OVERSIGHT_COLUMNS,
  OVERSIGHT_SHEET,
  type OversightKey,
  SECONDARY_COLUMNS,
  SECONDARY_SHEET,
  type SecondaryKey,
} from "./columns";
import { periodLoci } from "./service";
import {
  loadLocusInputs,
  type OversightProductInput,
  replaceOversight,
  replaceSecondary,
  type SecondaryValueInput,
} from "./store";
import { checkSecondaryValue, followUpStateOf, isIsoDate, oversightKindOf } from "./validate";

export interface LocusImportReport {
  dryRun: boolean;
  applied: boolean;
  format: SpreadsheetFormat | null;
  /** Data rows read (both sheets). */
  rows: number;
  /** Loci whose secondary values / follow-ups the file sets. */
  secondaryLoci: number;
  oversightLoci: number;
  /** Loci whose stored set differs from the file's (0 on a repeated import). */
  changedLoci: number;
  problems: SheetProblem[];
  elapsedMs: number;
}

const PROBLEM_LIMIT = 1000;

/** What a row's own cells (all but its locus) come to; each wrong cell's problem is already pushed. */
type RowReading<K extends string, T> =
  /** "No product issued": the locus's set is recorded as empty (not overwriting rows it has). */
  | { noneIssued: true }
  | {
      noneIssued?: false;
      /** The row's input; undefined when a cell is wrong. */
      input: T | undefined;
      /** Who the row is within its locus, for "given twice"; undefined when too broken to tell. */
      identity?: { key: string; column: K; label: string };
    };

/**
 * The rows of one sheet grouped by locus: the checks every sheet shares (the locus code is given
 * and names a locus of this office; a row is not given twice for its locus) around `readRow`,
 * which checks the sheet's own cells. A row's problems come in this order: locus, own cells,
 * duplicate. Only rows without any problem are kept.
 */
function rowsByLocus<K extends string, T>(
  mapped: MappedSheet<K | "locus">,
  lociByCode: Map<string, string>,
  problems: SheetProblem[],
  readRow: (row: MappedRow<K | "locus">) => RowReading<K | "locus", T>,
): Map<string, T[]> {
  const byLocus = new Map<string, T[]>();
  const seen = new Set<string>();
  for (const row of mapped.rows) {
    const code = cellText(row.values.locus);
    const pemdaId = lociByCode.get(code.toLowerCase());
    if (code === "") problems.push(cellProblem(mapped, row, "locus", "required", "The locus code is empty."));
    else if (pemdaId === undefined)
      problems.push(
        cellProblem(mapped, row, "locus", "unknown_reference", `No locus ${code} in this office.`),
      );
    const reading = readRow(row);
    if (reading.noneIssued === true) {
      if (pemdaId !== undefined && !byLocus.has(pemdaId)) byLocus.set(pemdaId, []);
      continue;
    }
    const { identity, input } = reading;
    if (identity !== undefined) {
      const key = `${code.toLowerCase()}\u001f${identity.key}`;
      if (seen.has(key))
        problems.push(
          cellProblem(
            mapped,
            row,
            identity.column,
            "duplicate",
            `${identity.label} of ${code} is given twice.`,
          ),
        );
      seen.add(key);
    }
    if (pemdaId !== undefined && input !== undefined) {
      const list = byLocus.get(pemdaId) ?? [];
      list.push(input);
      byLocus.set(pemdaId, list);
    }
  }
  return byLocus;
}

/** A secondary value's row: a known indicator with a valid value and its source. */
function secondaryRow(
  mapped: MappedSheet<SecondaryKey>,
  row: MappedRow<SecondaryKey>,
  instrument: Instrument,
  problems: SheetProblem[],
): RowReading<SecondaryKey, SecondaryValueInput> {
  const indicatorId = cellText(row.values.indicator);
  const raw = row.values.value;
  const checked = checkSecondaryValue(instrument, indicatorId, raw === null ? null : raw);
  if (!checked.ok)
    problems.push(
      cellProblem(
        mapped,
        row,
        checked.code === "unknown_reference" ? "indicator" : "value",
        checked.code,
        checked.message,
      ),
    );
  const source = cellText(row.values.source);
  if (source === "")
    problems.push(cellProblem(mapped, row, "source", "required", "Cite the source of the value."));
  return {
    input:
      checked.ok && source !== ""
        ? { indicatorId, value: checked.value, source, note: cellText(row.values.note) }
        : undefined,
    identity: { key: indicatorId, column: "indicator", label: indicatorId },
  };
}

/** A follow-up's row: kind, number, date and state, or "no product issued" for its locus. */
function oversightRow(
  mapped: MappedSheet<OversightKey>,
  row: MappedRow<OversightKey>,
  problems: SheetProblem[],
): RowReading<OversightKey, OversightProductInput> {
  const kindText = cellText(row.values.kind);
  if (NONE_ISSUED.includes(kindText.toLowerCase())) return { noneIssued: true };
  const kind = oversightKindOf(kindText);
  if (kind === undefined)
    problems.push(
      cellProblem(
        mapped,
        row,
        "kind",
        "invalid_value",
        `"${kindText}": expected Tindakan Korektif, Saran, Rekomendasi or Tidak ada.`,
      ),
    );
  const number = cellText(row.values.number);
  if (number === "")
    problems.push(cellProblem(mapped, row, "number", "required", "The product's number is empty."));
  const date = cellText(row.values.date);
  if (!isIsoDate(date))
    problems.push(
      cellProblem(mapped, row, "date", "invalid_value", `"${date}": expected a date (YYYY-MM-DD).`),
    );
  const stateText = cellText(row.values.state);
  const state = followUpStateOf(stateText);
  if (state === undefined)
    problems.push(
      cellProblem(
        mapped,
        row,
        "state",
        "invalid_value",
        `"${stateText}": expected Tuntas, Sebagian or Belum (full, partial, none).`,
      ),
    );
  const input =
    kind !== undefined && state !== undefined && number !== "" && isIsoDate(date)
      ? {
          kind,
          number,
          date,
          state,
          evidence: cellText(row.values.evidence),
          note: cellText(row.values.note),
        }
      : undefined;
  // Without a kind or a number the row is not comparable with others (its own problem says why).
  const identity =
    kind !== undefined && number !== ""
      ? { key: `${kind}\u001f${number}`, column: "number" as const, label: `${kindText} ${number}` }
      : undefined;
  return { input, identity };
}

/**
 * One sheet of the file: its header problems, its row count, and its rows by locus when the header
 * is sound (rows are not checked against a broken header). No sheet: nothing to set.
 */
function readSection<K extends string, T>(
  sheet: RawSheet | undefined,
  columns: readonly ColumnSpec<K>[],
  report: LocusImportReport,
  rowsOf: (mapped: MappedSheet<K>) => Map<string, T[]>,
): Map<string, T[]> {
  if (sheet === undefined) return new Map();
  const mapped = mapSheet(sheet, columns);
  report.problems.push(...mapped.problems);
  report.rows += mapped.rows.length;
  return mapped.problems.length === 0 ? rowsOf(mapped) : new Map();
}

const sortKey = (o: object) => JSON.stringify(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
const sameSet = (a: readonly object[], b: readonly object[]) =>
  a.length === b.length && [...a.map(sortKey)].sort().join("\n") === [...b.map(sortKey)].sort().join("\n");

export async function importLocusData(
  db: Db,
  instruments: InstrumentCache,
  period: PeriodInfo,
  bytes: Uint8Array,
  options: { dryRun: boolean; actorId: string | null; maxBytes?: number },
): Promise<LocusImportReport> {
  const started = performance.now();
  const report: LocusImportReport = {
    dryRun: options.dryRun,
    applied: false,
    format: null,
    rows: 0,
    secondaryLoci: 0,
    oversightLoci: 0,
    changedLoci: 0,
    problems: [],
    elapsedMs: 0,
  };
  const done = () => ({
    ...report,
    problems: report.problems.slice(0, PROBLEM_LIMIT),
    elapsedMs: Math.round(performance.now() - started),
  });
  if (period.status !== "open") {
    report.problems.push({ code: "invalid_value", message: "The period is closed; its results are final." });
    return done();
  }
  const read = await readSpreadsheet(bytes, {
    ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
    csvSheetName: "CSV",
  });
  report.format = read.format;
  if (read.problems.length > 0) {
    report.problems.push(...read.problems);
    return done();
  }
  const instrument = await instruments.get(db, period.instrumentId, period.instrumentVersion);
  if (instrument === undefined) {
    report.problems.push({ code: "unknown_reference", message: "The period's instrument is not stored." });
    return done();
  }
  const lociByCode = new Map((await periodLoci(db, period)).map((l) => [l.code.toLowerCase(), l.id]));
  let secondarySheet = pickSheet(read, SECONDARY_SHEET, false);
  let oversightSheet = pickSheet(read, OVERSIGHT_SHEET, false);
  if (secondarySheet === undefined && oversightSheet === undefined) {
    // A CSV (or a one-sheet workbook): which sheet it is, its columns tell.
    const only = read.sheets.find((s) => s.rows.length > 0);
    if (only !== undefined) {
      const asSecondary = mapSheet(only, SECONDARY_COLUMNS);
      if (asSecondary.columns.indicator !== undefined) secondarySheet = only;
      else oversightSheet = only;
    }
  }
  if (secondarySheet === undefined && oversightSheet === undefined) {
    report.problems.push({
      code: "header_missing",
      message: `The file has neither a sheet "${SECONDARY_SHEET[0]}" nor "${OVERSIGHT_SHEET[0]}".`,
    });
    return done();
  }
  const secondary = readSection(secondarySheet, SECONDARY_COLUMNS, report, (mapped) =>
    rowsByLocus(mapped, lociByCode, report.problems, (row) =>
      secondaryRow(mapped, row, instrument, report.problems),
    ),
  );
  const oversight = readSection(oversightSheet, OVERSIGHT_COLUMNS, report, (mapped) =>
    rowsByLocus(mapped, lociByCode, report.problems, (row) => oversightRow(mapped, row, report.problems)),
  );
  report.secondaryLoci = secondary.size;
  report.oversightLoci = oversight.size;
  if (report.problems.length > 0) return done();
  const existing = await loadLocusInputs(db, period.id);
  const changed = new Set<string>();
  for (const [pemdaId, values] of secondary) {
    const before = (existing.get(pemdaId)?.secondary ?? []).map((v) => ({
      indicatorId: v.indicatorId,
      value: v.value,
      source: v.source,
      note: v.note,
    }));
    if (!sameSet(before, values)) changed.add(pemdaId);
  }
  for (const [pemdaId, products] of oversight) {
    const o = existing.get(pemdaId)?.oversight;
    const before = (o?.products ?? []).map(({ id: _id, recordedAt: _at, ...rest }) => rest);
    if (o?.recorded !== true || !sameSet(before, products)) changed.add(pemdaId);
  }
  report.changedLoci = changed.size;
  if (options.dryRun) return done();
  await db.transaction().execute(async (trx) => {
    for (const [pemdaId, values] of secondary)
      await replaceSecondary(trx, period.id, pemdaId, values, options.actorId);
    for (const [pemdaId, products] of oversight)
      await replaceOversight(trx, period.id, pemdaId, products, options.actorId);
  });
  report.applied = true;
  return done();
}
