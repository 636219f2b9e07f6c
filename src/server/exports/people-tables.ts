/**
 * The period's tables for people (issue #20): Indonesian sheet and column names, question texts,
 * product and respondent names, status words, one row per answer instance, numbers as numbers.
 * Written as XLSX (people-xlsx.ts) or as CSV in the reader's locale (locale-csv.ts); the machine
 * form for analysts stays period-export.ts. Owns nothing persistent.
 *
 * Structure: each table is a list of columns (header, width, kind) and rows of cells in that
 * order. A scheme-dependent column (a zone, a qualifier) is one more entry in a column list and one
 * more cell in the row builder beside it.
 */
import { type QueryExecutorProvider, sql } from "kysely";
import { baseKeyOf, instanceIdsFor, instancesOf, partKeyOf } from "../../domain/assessment/instances";
import { respondentLabel } from "../../domain/assessment/respondent-words";
import type { Instrument } from "../../domain/instrument/types";
import type { AssessmentState } from "../../domain/sync/protocol";
import type { PeriodResults } from "../results/period-results";
import type { InstrumentCache } from "../sync/instrument-cache";
import { answerNumber, answerWords, LEVEL_WORDS, PART_WORDS, statusWord } from "./people-words";
import type { Cell } from "./xlsx";

export type ColumnKind = "text" | "number" | "score" | "long";

export interface Column {
  header: string;
  /** Width in characters (XLSX column width). */
  width: number;
  kind: ColumnKind;
}

export interface PeopleTable {
  /** Sheet name: at most 31 characters, none of []:*?/\ . */
  name: string;
  columns: Column[];
  rows: Iterable<Cell[]> | AsyncIterable<Cell[]>;
}

const col = (header: string, width: number, kind: ColumnKind = "text"): Column => ({ header, width, kind });

/** "Tanpa Maladministrasi" when granted, "Tidak" when refused, "Belum diputuskan" while undecided. */
function qualifierWord(band: PeriodResults["pemda"][number]["band"]): string | null {
  if (band === null) return null;
  if (band.qualifierDecided !== true) return "Belum diputuskan";
  return band.qualifier ?? "Tidak";
}

/**
 * One row per pemda. The scheme decides the columns (issue #18): a zone column only when its bands
 * have zones; a qualifier column only when it has a qualifier. "Predikat" is always the full
 * predicate, qualifier included ("Kualitas Sedang Tanpa Maladministrasi").
 */
export function pemdaTable(results: PeriodResults): PeopleTable {
  const codes = new Map(results.units.map((u) => [u.pemdaId, u.pemdaCode]));
  const { hasZones, hasQualifier } = results.scheme;
  return {
    name: "Pemda",
    columns: [
      col("Kode pemda", 12),
      col("Nama pemda", 28),
      col("Nilai", 9, "score"),
      col("Kategori", 10),
      col("Predikat", hasQualifier ? 40 : 22),
      ...(hasQualifier ? [col("Kualifikasi", 24)] : []),
      ...(hasZones ? [col("Zona", 10)] : []),
      col("Status hasil", 14),
      col("Unit sampel", 12, "number"),
      col("Unit disetujui", 14, "number"),
    ],
    rows: results.pemda.map((p) => [
      codes.get(p.pemdaId) ?? "",
      p.name,
      p.score,
      p.band?.category ?? null,
      p.band?.predicate ?? p.band?.label ?? null,
      ...(hasQualifier ? [qualifierWord(p.band)] : []),
      ...(hasZones ? [p.band?.zone ?? null] : []),
      p.final ? "Final" : "Sementara",
      p.units.length,
      p.units.filter((u) => u.status === "approved").length,
    ]),
  };
}

export function unitTable(results: PeriodResults, instrument: Instrument | undefined): PeopleTable {
  const dims = instrument?.dimensions ?? [];
  const unitLabels = results.scheme.hasUnitLabels;
  const codes = new Map(results.units.map((u) => [u.pemdaId, u.pemdaCode]));
  const rows: Cell[][] = [];
  for (const p of results.pemda) {
    for (const u of p.units) {
      const points = new Map(u.dimensions.map((d) => [d.id, d.points]));
      rows.push([
        codes.get(p.pemdaId) ?? "",
        p.name,
        u.name,
        statusWord(u.status),
        u.score,
        ...(unitLabels ? [u.unitBand?.label ?? null] : []),
        ...dims.map((d) => points.get(d.id) ?? null),
      ]);
    }
  }
  return {
    name: "Unit Layanan",
    columns: [
      col("Kode pemda", 12),
      col("Nama pemda", 28),
      col("Unit layanan", 36),
      col("Status", 14),
      col("Nilai unit", 11, "score"),
      ...(unitLabels ? [col("Predikat unit", 16)] : []),
      ...dims.map((d) => col(`Poin ${d.name.id}`, Math.max(12, d.name.id.length + 6), "score")),
    ],
    rows,
  };
}

export const ANSWER_TABLE_COLUMNS: Column[] = [
  col("Kode pemda", 12),
  col("Nama pemda", 24),
  col("Unit layanan", 32),
  col("Status", 13),
  col("Dimensi", 16),
  col("Variabel", 24),
  col("Kode indikator", 14),
  col("Pertanyaan", 60, "long"),
  col("Subjek", 18),
  col("Nama subjek", 28),
  col("Media", 11),
  col("Jawaban", 32, "long"),
  col("Nilai jawaban", 13, "number"),
  col("Catatan", 40, "long"),
  col("Jumlah foto", 12, "number"),
];

type StateParts = Pick<
  AssessmentState,
  | "id"
  | "status"
  | "answers"
  | "notes"
  | "evidence"
  | "products"
  | "respondents"
  | "instrumentId"
  | "instrumentVersion"
>;

const BATCH = 100;
const startsWithKey = (key: string, base: string) => key === base || key.startsWith(`${base}#`);

/** One row per answer instance (and media part) of every assessment, in instrument order. */
export async function* answerTableRows(
  db: QueryExecutorProvider,
  instruments: InstrumentCache,
  results: PeriodResults,
): AsyncGenerator<Cell[]> {
  const units = results.units.filter((u) => u.assessmentId !== null);
  for (let i = 0; i < units.length; i += BATCH) {
    const batch = units.slice(i, i + BATCH);
    const r = await sql<StateParts>`select id, status, state->'answers' as answers, state->'notes' as notes,
        state->'evidence' as evidence, state->'products' as products, state->'respondents' as respondents,
        state->>'instrumentId' as "instrumentId", (state->>'instrumentVersion')::int as "instrumentVersion"
      from assessments where id = any(${batch.map((u) => u.assessmentId)}::uuid[])`.execute(db);
    const byId = new Map(r.rows.map((x) => [x.id, x]));
    for (const u of batch) {
      const state = u.assessmentId === null ? undefined : byId.get(u.assessmentId);
      if (state === undefined) continue;
      const instrument = await instruments.get(db, state.instrumentId, state.instrumentVersion);
      if (instrument === undefined) continue;
      const sets = instancesOf(state);
      const head = [u.pemdaCode, u.pemdaName, u.unitName, statusWord(state.status)];
      for (const dimension of instrument.dimensions) {
        for (const variable of dimension.variables) {
          for (const indicator of variable.indicators) {
            for (const id of instanceIdsFor(indicator, sets)) {
              const base = baseKeyOf(indicator, id);
              const subject =
                id === null
                  ? ""
                  : indicator.level === "product"
                    ? (state.products.find((p) => p.id === id)?.name ?? "")
                    : respondentLabel(state.respondents, id);
              const notes = Object.entries(state.notes)
                .filter(([k, t]) => startsWithKey(k, base) && t.trim() !== "")
                .map(([, t]) => t.trim())
                .join("\n");
              const photos = state.evidence.filter((e) => startsWithKey(e.key, base)).length;
              const parts = indicator.media?.length ? indicator.media : [null];
              for (const part of parts) {
                const key = part === null ? base : partKeyOf(base, part);
                const value = state.answers[key];
                yield [
                  ...head,
                  dimension.name.id,
                  variable.name.id,
                  indicator.id,
                  indicator.question.id,
                  LEVEL_WORDS[indicator.level],
                  subject,
                  part === null ? "" : PART_WORDS[part],
                  answerWords(instrument, indicator, value) || null,
                  answerNumber(instrument, indicator, value),
                  notes || null,
                  photos,
                ];
              }
            }
          }
        }
      }
    }
  }
}

export function answerTable(
  db: QueryExecutorProvider,
  instruments: InstrumentCache,
  results: PeriodResults,
): PeopleTable {
  return { name: "Jawaban", columns: ANSWER_TABLE_COLUMNS, rows: answerTableRows(db, instruments, results) };
}

/** File name stem: readable, e.g. "rekap-penilaian-2026-kalbar-periode-2026". */
export function peopleStem(period: { year: number; officeId: string; name: string }): string {
  const slug = `${period.officeId}-${period.name}`
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  return `rekap-penilaian-${period.year}-${slug || "periode"}`;
}
