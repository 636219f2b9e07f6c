// The admin's instrument preview, as data: the instrument parsed by the domain (the same parser the
// device uses, so what the preview shows is what the assessor will get) and a made-up, empty sheet
// for it. The sheet lives only in memory: one sample product when an item is asked per product, and
// one sample respondent per respondent role (format 2) or per official/user list (format 1), so every
// item shows its answer block once. Nothing here touches the device database or the sync engine.
import {
  type Instrument,
  type InterviewMode,
  isFormat2,
  type LocalText,
  type PathError,
  parseInstrument,
  type RoleScope,
} from "../../../../domain";
import type { AssessmentState, Respondent } from "../../../../domain/sync/protocol";

export interface PreviewRole {
  readonly id: string;
  readonly label: LocalText;
  readonly kind: "official" | "user";
  readonly quota: number;
  readonly scope: RoleScope;
  readonly phone: boolean;
  readonly modes: readonly InterviewMode[];
}

export interface Preview {
  readonly instrument: Instrument;
  readonly sheet: AssessmentState;
  readonly roles: readonly PreviewRole[];
}

export type PreviewResult = { ok: true; preview: Preview } | { ok: false; errors: readonly PathError[] };

const SAMPLE_TIME = "2000-01-01T00:00:00.000Z";

/** Stable made-up ids: the preview's keys and anchors stay the same across renders. */
const sampleId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

function sampleRespondents(instrument: Instrument): Respondent[] {
  if (isFormat2(instrument)) {
    return (instrument.roles ?? []).map((role, i) => ({
      id: sampleId(100 + i),
      kind: role.kind,
      profile: { role: role.id },
    }));
  }
  return [
    { id: sampleId(100), kind: "official", profile: {} },
    { id: sampleId(101), kind: "user", profile: {} },
  ];
}

/** An empty, in-memory sheet for the instrument (status draft: the preview disables it itself). */
export function previewSheet(instrument: Instrument, productName: string): AssessmentState {
  return {
    id: sampleId(1),
    assignmentId: sampleId(2),
    unitId: sampleId(3),
    pemdaId: sampleId(4),
    periodId: sampleId(5),
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    status: "draft",
    visit: { date: SAMPLE_TIME.slice(0, 10), startedAt: null, endedAt: null, mode: "scheduled", team: [] },
    answers: {},
    notes: {},
    products: [{ id: sampleId(10), name: productName }],
    respondents: sampleRespondents(instrument),
    evidence: [],
    conflicts: [],
    reviewComments: [],
    authors: { answers: {}, notes: {} },
    createdBy: sampleId(6),
    createdAt: SAMPLE_TIME,
    submittedAt: null,
    revision: 0,
    updatedAt: SAMPLE_TIME,
  };
}

/** The instrument JSON (as uploaded or stored) → its preview, or the parser's errors. */
export function previewOf(json: unknown, productName: string): PreviewResult {
  const parsed = parseInstrument(json);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const instrument = parsed.instrument;
  const roles = (instrument.roles ?? []).map((r) => ({
    id: r.id,
    label: r.label,
    kind: r.kind,
    quota: r.quota,
    scope: r.scope,
    phone: r.modes.includes("phone"),
    modes: r.modes,
  }));
  return { ok: true, preview: { instrument, sheet: previewSheet(instrument, productName), roles } };
}
