/**
 * The period exports (results.xlsx, results.csv): tables built from periodResults — the very
 * objects GET /results returns, so every exported number has the one domain source — plus, for
 * the XLSX, every stored answer with its notes and evidence hashes. Owns nothing persistent.
 * Column names are stable identifiers (docs/api.md "Review, results and exports").
 */
import { type QueryExecutorProvider, sql } from "kysely";
import type { AnswerValue, AssessmentState } from "../../domain/sync/protocol";
import type { PeriodInfo, PeriodResults } from "../results/period-results";
import type { Cell, SheetSource } from "./xlsx";

export const PEMDA_COLUMNS = [
  "pemda_id",
  "pemda_code",
  "pemda_name",
  "score",
  "category",
  "label",
  "zone",
  "final",
  "units_sampled",
  "units_approved",
];

export const UNIT_COLUMNS_HEAD = [
  "pemda_id",
  "pemda_code",
  "pemda_name",
  "pemda_score",
  "pemda_category",
  "pemda_label",
  "pemda_zone",
  "pemda_final",
  "unit_id",
  "unit_name",
  "assessment_id",
  "status",
  "score",
];

export const ANSWER_COLUMNS = [
  "pemda_code",
  "pemda_name",
  "unit_id",
  "unit_name",
  "assessment_id",
  "status",
  "key",
  "value",
  "note",
  "evidence_sha256",
];

export function pemdaRows(results: PeriodResults, codes: Map<string, string>): Cell[][] {
  return results.pemda.map((p) => [
    p.pemdaId,
    codes.get(p.pemdaId) ?? "",
    p.name,
    p.score,
    p.band?.category ?? null,
    p.band?.predicate ?? p.band?.label ?? null,
    p.band?.zone ?? null,
    p.final,
    p.units.length,
    p.units.filter((u) => u.status === "approved").length,
  ]);
}

/** One row per sampled unit with its pemda's result; dimension points in `dimensionIds` order. */
export function unitRows(results: PeriodResults, dimensionIds: readonly string[]): Cell[][] {
  const assessmentOf = new Map(results.units.map((u) => [u.unitId, u]));
  const out: Cell[][] = [];
  for (const p of results.pemda) {
    for (const u of p.units) {
      const sampled = assessmentOf.get(u.unitId);
      const points = new Map(u.dimensions.map((d) => [d.id, d.points]));
      out.push([
        p.pemdaId,
        sampled?.pemdaCode ?? "",
        p.name,
        p.score,
        p.band?.category ?? null,
        p.band?.predicate ?? p.band?.label ?? null,
        p.band?.zone ?? null,
        p.final,
        u.unitId,
        u.name,
        sampled?.assessmentId ?? null,
        u.status,
        u.score,
        ...dimensionIds.map((id) => points.get(id) ?? null),
      ]);
    }
  }
  return out;
}

function valueCell(v: AnswerValue | undefined): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string") return v;
  return v.join(";");
}

const BATCH = 200;

type AnswerParts = Pick<AssessmentState, "status" | "answers" | "notes" | "evidence">;

/** Every answer of the period's assessments, in results order, read from the database in batches. */
export async function* answerRows(db: QueryExecutorProvider, results: PeriodResults): AsyncGenerator<Cell[]> {
  const units = results.units.filter((u) => u.assessmentId !== null);
  for (let i = 0; i < units.length; i += BATCH) {
    const batch = units.slice(i, i + BATCH);
    // Only what the sheet shows: the authorship map and the rest of the state would double the
    // bytes parsed for a national period.
    const r = await sql<AnswerParts & { id: string }>`select id, status, state->'answers' as answers,
        state->'notes' as notes, state->'evidence' as evidence
      from assessments where id = any(${batch.map((u) => u.assessmentId)}::uuid[])`.execute(db);
    const byId = new Map(r.rows.map((x) => [x.id, x]));
    for (const u of batch) {
      const state = u.assessmentId === null ? undefined : byId.get(u.assessmentId);
      if (state === undefined) continue;
      const evidence = new Map<string, string[]>();
      for (const e of state.evidence) evidence.set(e.key, [...(evidence.get(e.key) ?? []), e.sha256]);
      const keys = new Set([...Object.keys(state.answers), ...Object.keys(state.notes)]);
      for (const key of [...keys].sort()) {
        yield [
          u.pemdaCode,
          u.pemdaName,
          u.unitId,
          u.unitName,
          u.assessmentId,
          state.status,
          key,
          valueCell(state.answers[key]),
          state.notes[key] ?? null,
          (evidence.get(key) ?? []).join(" ") || null,
        ];
      }
    }
  }
}

export function pemdaCodes(results: PeriodResults): Map<string, string> {
  return new Map(results.units.map((u) => [u.pemdaId, u.pemdaCode]));
}

export function periodSheets(
  db: QueryExecutorProvider,
  results: PeriodResults,
  dimensionIds: readonly string[],
): SheetSource[] {
  return [
    { name: "Pemda", rows: [PEMDA_COLUMNS, ...pemdaRows(results, pemdaCodes(results))] },
    { name: "Units", rows: [[...UNIT_COLUMNS_HEAD, ...dimensionIds], ...unitRows(results, dimensionIds)] },
    {
      name: "Answers",
      rows: (async function* () {
        yield ANSWER_COLUMNS;
        yield* answerRows(db, results);
      })(),
    },
  ];
}

/** File name stem for a period's exports, e.g. "patuh-results-2026-<periodId>". */
export function exportStem(period: PeriodInfo): string {
  return `patuh-results-${period.year}-${period.id}`;
}
