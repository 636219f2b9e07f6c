/**
 * The pure reducer of the sync protocol: what one mutation does to one assessment.
 *
 * Owns: each mutation's effect and its intrinsic rules (exists / not yet created, editable only in
 * draft or returned, answer keys and values valid for the instrument, products and respondents
 * known, submit only when complete) and conflict bookkeeping on answers and notes.
 * Invariants: never mutates its input; a rejected mutation changes nothing; an applied one raises
 * `revision` by exactly 1 and sets `updatedAt` to ctx.now. The server and the device run this same
 * code (server: authoritative; device: optimistic state and rebase), so for the same inputs they
 * reach the same state. Authorisation, period status and "evidence uploaded" are checked by the
 * server, outside this module, because they need data a device does not have.
 */
import type { Instrument } from "../instrument/types";
import { checkAnswer, checkKey, completenessProblems, keyMentionsSubject } from "./domain-bridge";
import type {
  AnswerValue,
  AssessmentState,
  Assignment,
  Authorship,
  Conflict,
  Mutation,
  MutationOf,
} from "./protocol";

export interface ApplyContext {
  /** The instrument version of the assessment (for create: the one the args name). */
  instrument: Instrument;
  userId: string;
  clientId: string;
  /** Authoritative time of the change (server clock on the server, device clock on the device). */
  now: string;
  /** The assignment the assessment belongs to; required by assessment.create. */
  assignment?: Assignment;
}

export type RejectCode =
  | "assessment_not_found"
  | "assessment_exists"
  | "not_editable"
  | "unknown_assignment"
  | "assignment_mismatch"
  | "instrument_mismatch"
  | "invalid_key"
  | "invalid_answer"
  | "unknown_product"
  | "unknown_respondent"
  | "evidence_not_attached"
  | "incomplete";

export type ApplyResult =
  | { ok: true; state: AssessmentState }
  | { ok: false; code: RejectCode; message: string; details?: Record<string, unknown> };

type Rejection = Extract<ApplyResult, { ok: false }>;

function reject(code: RejectCode, message: string, details?: Record<string, unknown>): Rejection {
  return details === undefined ? { ok: false, code, message } : { ok: false, code, message, details };
}

export function assessmentIdOf(mutation: Mutation): string {
  return mutation.args.assessmentId;
}

/** Answer values compare by content; checklist answers compare as sets (order is not meaning). */
export function answerValuesEqual(a: AnswerValue | undefined, b: AnswerValue | undefined): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (Array.isArray(x) || Array.isArray(y)) {
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    const set = new Set<string>(x);
    return y.every((item: string) => set.has(item));
  }
  return x === y;
}

export function applyMutation(
  state: AssessmentState | undefined,
  mutation: Mutation,
  ctx: ApplyContext,
): ApplyResult {
  if (mutation.name === "assessment.create") return create(state, mutation, ctx);
  if (state === undefined) {
    return reject("assessment_not_found", "Penilaian tidak ditemukan.", {
      assessmentId: mutation.args.assessmentId,
    });
  }
  if (state.status !== "draft" && state.status !== "returned") {
    return reject("not_editable", "Penilaian tidak dapat diubah pada status ini.", { status: state.status });
  }
  const result = edit(state, mutation, ctx);
  if (!result.ok) return result;
  return { ok: true, state: { ...result.state, revision: state.revision + 1, updatedAt: ctx.now } };
}

function create(
  state: AssessmentState | undefined,
  m: MutationOf<"assessment.create">,
  ctx: ApplyContext,
): ApplyResult {
  const a = m.args;
  if (state !== undefined)
    return reject("assessment_exists", "Penilaian sudah ada.", { assessmentId: a.assessmentId });
  const assignment = ctx.assignment;
  if (assignment === undefined || assignment.id !== a.assignmentId) {
    return reject("unknown_assignment", "Penugasan tidak dikenal.", { assignmentId: a.assignmentId });
  }
  if (assignment.unitId !== a.unitId) {
    return reject("assignment_mismatch", "Unit tidak sesuai dengan penugasan.", { unitId: a.unitId });
  }
  if (ctx.instrument.id !== a.instrumentId || ctx.instrument.version !== a.instrumentVersion) {
    return reject("instrument_mismatch", "Versi instrumen tidak sesuai dengan periode.", {
      expected: { id: ctx.instrument.id, version: ctx.instrument.version },
    });
  }
  const created: AssessmentState = {
    id: a.assessmentId,
    assignmentId: a.assignmentId,
    unitId: a.unitId,
    pemdaId: assignment.pemdaId,
    periodId: assignment.periodId,
    instrumentId: a.instrumentId,
    instrumentVersion: a.instrumentVersion,
    status: "draft",
    visit: {
      date: a.visit.date,
      startedAt: a.visit.startedAt ?? null,
      endedAt: null,
      mode: a.visit.mode,
      team: [...assignment.team],
    },
    answers: {},
    notes: {},
    products: [],
    respondents: [],
    evidence: [],
    conflicts: [],
    reviewComments: [],
    authors: { answers: {}, notes: {} },
    createdBy: ctx.userId,
    createdAt: ctx.now,
    submittedAt: null,
    revision: 1,
    updatedAt: ctx.now,
  };
  return { ok: true, state: created };
}

/** Edits of an existing, editable assessment; revision and updatedAt are set by the caller. */
function edit(
  s: AssessmentState,
  m: Exclude<Mutation, MutationOf<"assessment.create">>,
  ctx: ApplyContext,
): ApplyResult {
  switch (m.name) {
    case "assessment.setAnswer":
      return setAnswer(s, m, ctx);
    case "assessment.setNote":
      return setNote(s, m, ctx);
    case "assessment.putProduct": {
      const p = m.args.product;
      const i = s.products.findIndex((x) => x.id === p.id);
      const products = i < 0 ? [...s.products, { ...p }] : s.products.map((x, j) => (j === i ? { ...p } : x));
      return ok({ ...s, products });
    }
    case "assessment.removeProduct": {
      const id = m.args.productId;
      if (!s.products.some((x) => x.id === id))
        return reject("unknown_product", "Produk layanan tidak ditemukan.", { id });
      return ok(dropSubject({ ...s, products: s.products.filter((x) => x.id !== id) }, "product", id));
    }
    case "assessment.putRespondent": {
      const r = m.args.respondent;
      const old = s.respondents.find((x) => x.id === r.id);
      if (old !== undefined && old.kind !== r.kind) {
        // Answers are keyed by kind (`@official:` / `@user:`): changing it would orphan them.
        return reject("invalid_answer", "Jenis responden tidak dapat diubah.", { id: r.id });
      }
      const copy = { id: r.id, kind: r.kind, profile: { ...r.profile } };
      const respondents =
        old === undefined ? [...s.respondents, copy] : s.respondents.map((x) => (x.id === r.id ? copy : x));
      return ok({ ...s, respondents });
    }
    case "assessment.removeRespondent": {
      const r = s.respondents.find((x) => x.id === m.args.respondentId);
      if (r === undefined)
        return reject("unknown_respondent", "Responden tidak ditemukan.", { id: m.args.respondentId });
      return ok(dropSubject({ ...s, respondents: s.respondents.filter((x) => x.id !== r.id) }, r.kind, r.id));
    }
    case "assessment.attachEvidence": {
      const keyProblem = checkKey(ctx.instrument, s, m.args.key, true);
      if (keyProblem !== null) return reject(keyProblem.code, keyProblem.message, { key: m.args.key });
      const ref = { ...m.args.evidence, key: m.args.key };
      const rest = s.evidence.filter((e) => !(e.key === ref.key && e.sha256 === ref.sha256));
      return ok({ ...s, evidence: [...rest, ref] });
    }
    case "assessment.detachEvidence": {
      const { sha256, key } = m.args;
      const hit = (e: { sha256: string; key: string }) =>
        e.sha256 === sha256 && (key === undefined || e.key === key);
      if (!s.evidence.some(hit)) return reject("evidence_not_attached", "Bukti tidak terlampir.", { sha256 });
      return ok({ ...s, evidence: s.evidence.filter((e) => !hit(e)) });
    }
    case "assessment.setVisit": {
      const v = m.args.visit;
      const visit = {
        date: v.date,
        startedAt: v.startedAt,
        endedAt: v.endedAt,
        mode: s.visit.mode,
        ...(v.location === undefined || v.location === null ? {} : { location: { ...v.location } }),
        team: [...new Set(v.team)],
      };
      return ok({ ...s, visit });
    }
    case "assessment.submit": {
      const problems = completenessProblems(ctx.instrument, s);
      if (problems.length > 0) {
        return reject("incomplete", "Lembar penilaian belum lengkap.", { problems });
      }
      return ok({ ...s, status: "submitted", submittedAt: ctx.now });
    }
  }
}

function ok(state: AssessmentState): ApplyResult {
  return { ok: true, state };
}

function setAnswer(
  s: AssessmentState,
  m: MutationOf<"assessment.setAnswer">,
  ctx: ApplyContext,
): ApplyResult {
  const { key, value, previous } = m.args;
  const keyProblem = checkKey(ctx.instrument, s, key, false);
  if (keyProblem !== null) return reject(keyProblem.code, keyProblem.message, { key });
  if (value !== null) {
    const valueProblem = checkAnswer(ctx.instrument, key, value);
    if (valueProblem !== null) return reject("invalid_answer", valueProblem, { key, value });
  }
  const current = s.answers[key] ?? null;
  const author = s.authors.answers[key];
  const conflicts = trackConflict(s.conflicts, "answer", key, current, author, previous, value, ctx, m.at);
  const answers = { ...s.answers };
  if (value === null) delete answers[key];
  else answers[key] = Array.isArray(value) ? [...value] : value;
  const authors = { ...s.authors, answers: { ...s.authors.answers, [key]: by(ctx, m.at) } };
  return ok({ ...s, answers, authors, conflicts });
}

function setNote(s: AssessmentState, m: MutationOf<"assessment.setNote">, ctx: ApplyContext): ApplyResult {
  const { key, text, previous } = m.args;
  if (key !== "general") {
    const keyProblem = checkKey(ctx.instrument, s, key, false);
    if (keyProblem !== null) return reject(keyProblem.code, keyProblem.message, { key });
  }
  const current = s.notes[key] ?? null;
  const next = text === "" ? null : text;
  const author = s.authors.notes[key];
  const conflicts = trackConflict(
    s.conflicts,
    "note",
    key,
    current,
    author,
    previous ?? null,
    next,
    ctx,
    m.at,
  );
  const notes = { ...s.notes };
  if (next === null) delete notes[key];
  else notes[key] = next;
  const authors = { ...s.authors, notes: { ...s.authors.notes, [key]: by(ctx, m.at) } };
  return ok({ ...s, notes, authors, conflicts });
}

function by(ctx: ApplyContext, at: string): Authorship {
  return { by: ctx.userId, clientId: ctx.clientId, at };
}

/**
 * Conflict rule (protocol "Concurrent edits"): a write whose `previous` is not the current value,
 * over a value another client wrote, is applied but opens a conflict holding both values. A write
 * that names the current value as `previous` has seen it, so it resolves the key's conflict.
 */
function trackConflict(
  conflicts: Conflict[],
  kind: Conflict["kind"],
  key: string,
  current: AnswerValue,
  author: Authorship | undefined,
  previous: AnswerValue,
  next: AnswerValue,
  ctx: ApplyContext,
  at: string,
): Conflict[] {
  const index = conflicts.findIndex((c) => c.kind === kind && c.key === key);
  const incoming = { value: next, ...by(ctx, at) };
  if (answerValuesEqual(previous, current))
    return index < 0 ? conflicts : conflicts.filter((_, i) => i !== index);
  const existing = conflicts[index];
  if (existing !== undefined) {
    // Still unresolved: keep every competing value; the last one is always the current value.
    return conflicts.map((c, i) => (i === index ? { ...c, values: [...c.values, incoming] } : c));
  }
  if (author === undefined || author.clientId === ctx.clientId || answerValuesEqual(current, next))
    return conflicts;
  const opened: Conflict = {
    kind,
    key,
    values: [{ value: current, ...author }, incoming],
    detectedAt: ctx.now,
  };
  return [...conflicts, opened];
}

/** Removing a product or respondent removes the answers, notes and photos about it (history keeps them). */
function dropSubject(
  s: AssessmentState,
  level: "product" | "official" | "user",
  id: string,
): AssessmentState {
  const keep = (key: string) => !keyMentionsSubject(key, level, id);
  const filterRecord = <T>(r: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(r).filter(([k]) => keep(k)));
  return {
    ...s,
    answers: filterRecord(s.answers),
    notes: filterRecord(s.notes),
    evidence: s.evidence.filter((e) => keep(e.key)),
    conflicts: s.conflicts.filter((c) => keep(c.key)),
    authors: { answers: filterRecord(s.authors.answers), notes: filterRecord(s.authors.notes) },
  };
}
