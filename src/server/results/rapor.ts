/**
 * GET /results/rapor data: the printable report of one pemda in a period (product.md step 7):
 * the pemda's result (the same object GET /results gives), and per sampled unit its score,
 * dimension points, what falls short (the domain's unitShortfalls, with item labels) and its notes.
 * Issue #20 adds what makes it fit to send: the office letterhead, the print time, the approval
 * block (rapor-approvals.ts) and, per failed item, what was observed (rapor-observations.ts).
 * Owns no table; every number comes from the results roll-up and the domain.
 */
import { type QueryExecutorProvider, sql } from "kysely";
import type { LocalText } from "../../domain/common/validate";
import type { Instrument } from "../../domain/instrument/types";
import { unitShortfalls } from "../../domain/results/shortfalls";
import type { PemdaResult, UnitResultStatus } from "../../domain/results/types";
import type { AssessmentState } from "../../domain/sync/protocol";
import { problem } from "../http/problems";
import { type Letterhead, letterheadOf } from "../letterhead/letterhead";
import type { InstrumentCache } from "../sync/instrument-cache";
import { type PeriodInfo, periodResults, type SchemeSummary } from "./period-results";
import { type RaporApproval, raporApprovals } from "./rapor-approvals";
import { type RaporObservation, shortfallObservations } from "./rapor-observations";

export interface RaporShortfall {
  indicatorId: string;
  dimensionId: string;
  variableId: string;
  question: LocalText;
  /** Indicator value 0..1, unrounded. */
  value: number;
  instances: { key: string; value: number | null }[];
  notes: { key: string; text: string }[];
  /** Per instance below full marks: whose answer, the answer in words, notes, photos (issue #20). */
  observations: RaporObservation[];
}

export interface RaporUnit {
  unitId: string;
  name: string;
  status: UnitResultStatus;
  assessmentId: string | null;
  score: number | null;
  dimensions: readonly { id: string; points: number }[];
  generalNote: string | null;
  /** Names of the products and respondents instance keys refer to (`IND@product:ID`). */
  subjects: { id: string; kind: "product" | "official" | "user"; label: string }[];
  shortfalls: RaporShortfall[];
}

export interface Rapor {
  period: PeriodInfo;
  /** The period's scheme: without zones the rapor shows no zone (issue #18). */
  scheme: SchemeSummary;
  /** The office's letterhead (defaults applied). */
  letterhead: Letterhead;
  /** When this rapor was produced (server clock, ISO): the print date. */
  printedAt: string;
  /** The approval records of the approved units. */
  approvals: RaporApproval[];
  pemda: Omit<PemdaResult, "units">;
  dimensions: { id: string; name: LocalText; weight: number }[];
  variables: { id: string; name: LocalText }[];
  units: RaporUnit[];
}

function subjectsOf(state: AssessmentState): RaporUnit["subjects"] {
  const out: RaporUnit["subjects"] = state.products.map((p) => ({
    id: p.id,
    kind: "product",
    label: p.name,
  }));
  for (const r of state.respondents) {
    const name = r.profile.name;
    out.push({ id: r.id, kind: r.kind, label: typeof name === "string" ? name : "" });
  }
  return out;
}

export async function pemdaRapor(
  db: QueryExecutorProvider,
  instruments: InstrumentCache,
  period: PeriodInfo,
  pemdaId: string,
  now: Date,
): Promise<Rapor> {
  const results = await periodResults(db, instruments, period);
  const pemda = results.pemda.find((p) => p.pemdaId === pemdaId);
  if (pemda === undefined) throw problem("not_found");
  const instrument: Instrument | undefined = await instruments.get(
    db,
    period.instrumentId,
    period.instrumentVersion,
  );
  if (instrument === undefined) throw new Error(`instrument of period ${period.id} is unknown`);
  const sampled = results.units.filter((u) => u.pemdaId === pemdaId);
  const ids = sampled.flatMap((u) => (u.assessmentId === null ? [] : [u.assessmentId]));
  const r = await sql<{ state: AssessmentState }>`select state - 'authors' as state from assessments
     where id = any(${ids}::uuid[])`.execute(db);
  const states = new Map(r.rows.map((x) => [x.state.id, x.state]));
  const units: RaporUnit[] = pemda.units.map((unit, i) => {
    const assessmentId = sampled[i]?.assessmentId ?? null;
    const state = assessmentId === null ? undefined : states.get(assessmentId);
    // A unit scored against another instrument version cannot be read with this one's labels.
    const readable =
      state !== undefined &&
      state.instrumentId === instrument.id &&
      state.instrumentVersion === instrument.version;
    return {
      unitId: unit.unitId,
      name: unit.name,
      status: unit.status,
      assessmentId,
      score: unit.score,
      dimensions: unit.dimensions,
      generalNote: state?.notes.general?.trim() || null,
      subjects: state === undefined ? [] : subjectsOf(state),
      shortfalls: readable
        ? unitShortfalls(instrument, state).map((s) => ({
            indicatorId: s.indicatorId,
            dimensionId: s.dimensionId,
            variableId: s.variableId,
            question: s.question,
            value: s.value,
            instances: s.instances.map((x) => ({ key: x.key, value: x.value })),
            notes: s.notes.map((n) => ({ key: n.key, text: n.text })),
            observations: shortfallObservations(instrument, state, s),
          }))
        : [],
    };
  });
  const { units: _units, ...pemdaHead } = pemda;
  const letterhead = await letterheadOf(db, period.officeId);
  if (letterhead === undefined)
    throw new Error(`office ${period.officeId} of period ${period.id} is unknown`);
  const approvals = await raporApprovals(
    db,
    units.map((u) => ({
      unitId: u.unitId,
      name: u.name,
      state: u.assessmentId === null ? undefined : states.get(u.assessmentId),
    })),
  );
  return {
    period,
    scheme: results.scheme,
    letterhead,
    printedAt: now.toISOString(),
    approvals,
    pemda: pemdaHead,
    dimensions: instrument.dimensions.map((d) => ({ id: d.id, name: d.name, weight: d.weight })),
    variables: instrument.dimensions.flatMap((d) => d.variables.map((v) => ({ id: v.id, name: v.name }))),
    units,
  };
}
