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
  cellProblem,
  cellText,
  type MappedSheet,
  mapSheet,
  pickSheet,
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

function secondaryRows(
  mapped: MappedSheet<SecondaryKey>,
  instrument: Instrument,
  lociByCode: Map<string, string>,
  problems: SheetProblem[],
): Map<string, SecondaryValueInput[]> {
  const byLocus = new Map<string, SecondaryValueInput[]>();
  const seen = new Set<string>();
  for (const row of mapped.rows) {
    const code = cellText(row.values.locus);
    const pemdaId = lociByCode.get(code.toLowerCase());
    if (code === "") problems.push(cellProblem(mapped, row, "locus", "required", "The locus code is empty."));
    else if (pemdaId === undefined)
      problems.push(
        cellProblem(mapped, row, "locus", "unknown_reference", `No locus ${code} in this office.`),
      );
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
    const key = `${code.toLowerCase()}\u001f${indicatorId}`;
    if (seen.has(key))
      problems.push(
        cellProblem(mapped, row, "indicator", "duplicate", `${indicatorId} of ${code} is given twice.`),
      );
    seen.add(key);
    if (pemdaId !== undefined && checked.ok && source !== "") {
      const list = byLocus.get(pemdaId) ?? [];
      list.push({ indicatorId, value: checked.value, source, note: cellText(row.values.note) });
      byLocus.set(pemdaId, list);
    }
  }
  return byLocus;
}

function oversightRows(
  mapped: MappedSheet<OversightKey>,
  lociByCode: Map<string, string>,
  problems: SheetProblem[],
): Map<string, OversightProductInput[]> {
  const byLocus = new Map<string, OversightProductInput[]>();
  const seen = new Set<string>();
  for (const row of mapped.rows) {
    const code = cellText(row.values.locus);
    const pemdaId = lociByCode.get(code.toLowerCase());
    if (code === "") problems.push(cellProblem(mapped, row, "locus", "required", "The locus code is empty."));
    else if (pemdaId === undefined)
      problems.push(
        cellProblem(mapped, row, "locus", "unknown_reference", `No locus ${code} in this office.`),
      );
    const kindText = cellText(row.values.kind);
    if (NONE_ISSUED.includes(kindText.toLowerCase())) {
      // "No product issued": the locus's follow-ups are recorded as an empty list.
      if (pemdaId !== undefined && !byLocus.has(pemdaId)) byLocus.set(pemdaId, []);
      continue;
    }
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
    const key = `${code.toLowerCase()}\u001f${kind}\u001f${number}`;
    if (kind !== undefined && number !== "" && seen.has(key))
      problems.push(
        cellProblem(mapped, row, "number", "duplicate", `${kindText} ${number} of ${code} is given twice.`),
      );
    seen.add(key);
    if (
      pemdaId !== undefined &&
      kind !== undefined &&
      state !== undefined &&
      number !== "" &&
      isIsoDate(date)
    ) {
      const list = byLocus.get(pemdaId) ?? [];
      list.push({
        kind,
        number,
        date,
        state,
        evidence: cellText(row.values.evidence),
        note: cellText(row.values.note),
      });
      byLocus.set(pemdaId, list);
    }
  }
  return byLocus;
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
  let secondary = new Map<string, SecondaryValueInput[]>();
  let oversight = new Map<string, OversightProductInput[]>();
  if (secondarySheet !== undefined) {
    const mapped = mapSheet(secondarySheet, SECONDARY_COLUMNS);
    report.problems.push(...mapped.problems);
    report.rows += mapped.rows.length;
    if (mapped.problems.length === 0)
      secondary = secondaryRows(mapped, instrument, lociByCode, report.problems);
  }
  if (oversightSheet !== undefined) {
    const mapped = mapSheet(oversightSheet, OVERSIGHT_COLUMNS);
    report.problems.push(...mapped.problems);
    report.rows += mapped.rows.length;
    if (mapped.problems.length === 0) oversight = oversightRows(mapped, lociByCode, report.problems);
  }
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
