/**
 * Incremental pull of an assessment (protocol step 1.1, docs/api.md "Incremental pull"): what
 * changed between the revision a device holds and the current one, instead of the whole state.
 *
 * Owns: the names of delta keys, the key diff of two states, the delta op and its application.
 * Delta keys: `f:FIELD` for a top-level field other than the maps below (visit, products,
 * respondents, evidence, conflicts, reviewComments, status, submittedAt …; replaced whole),
 * `a:KEY` answers[KEY], `n:KEY` notes[KEY], `aa:KEY` authors.answers[KEY], `an:KEY` authors.notes[KEY].
 * Invariant (tested with random edit sequences): for states s_i → s_j of one assessment, applying
 * `buildDelta(s_j, s_i.revision, keys)` to s_i gives s_j exactly, where `keys` are the union of
 * `changedDeltaKeys` over every step between them. `revision` and `updatedAt` always travel.
 * Pure: no DOM, no Node.
 */
import type { AnswerValue, AssessmentState, Authorship } from "./protocol";
import { stateHash } from "./state-hash";

type MapName = "answers" | "notes" | "authorsAnswers" | "authorsNotes";

export interface AssessmentDeltaOp {
  op: "delta";
  type: "assessment";
  id: string;
  /** The revision the delta applies to: the device must hold exactly this one. */
  from: number;
  /** Top-level fields replaced whole; always `revision` and `updatedAt`. */
  set: Partial<AssessmentState> & { revision: number; updatedAt: string };
  /** Top-level fields the current state no longer has. */
  unset?: string[];
  /** Per-key changes of the maps; `null` removes the key. */
  answers?: Record<string, AnswerValue>;
  notes?: Record<string, string | null>;
  authorsAnswers?: Record<string, Authorship | null>;
  authorsNotes?: Record<string, Authorship | null>;
  /**
   * Protocol 1.2: every change since `from` was the device's own. Before `set`/`unset` and the maps,
   * the device replays its acknowledged edits of this assessment (outbox ids ≤ the pull's
   * lastMutationId, not among its rejections, in id order) on the state it holds; exactly
   * `set.revision - from` of them must apply, and the result must have the fingerprint `hash`.
   */
  replay?: true;
  /** stateHash of the whole state after the delta (replay deltas). */
  hash?: string;
}

/**
 * The fields a replayed edit cannot reproduce on the device, because the server decides them
 * (its clock, the conflicts it saw): they always travel in a replay delta, with `status` (tiny).
 */
const SERVER_DECIDED = ["updatedAt", "status", "submittedAt", "conflicts"] as const;

/** A replay delta from revision `from` to `current` (protocol 1.2). */
export function buildReplayDelta(current: AssessmentState, from: number): AssessmentDeltaOp {
  const set: AssessmentDeltaOp["set"] = { revision: current.revision, updatedAt: current.updatedAt };
  const whole = current as unknown as Record<string, unknown>;
  for (const field of SERVER_DECIDED) {
    if (Object.hasOwn(whole, field)) (set as Record<string, unknown>)[field] = whole[field];
  }
  return {
    op: "delta",
    type: "assessment",
    id: current.id,
    from,
    replay: true,
    set,
    hash: stateHash(current),
  };
}

const MAP_PREFIX: Record<MapName, string> = {
  answers: "a",
  notes: "n",
  authorsAnswers: "aa",
  authorsNotes: "an",
};
const PREFIX_MAP = new Map(Object.entries(MAP_PREFIX).map(([name, prefix]) => [prefix, name as MapName]));
/** Always sent, never keyed. */
const ALWAYS = new Set(["revision", "updatedAt"]);
const MAP_FIELDS = new Set(["answers", "notes", "authors"]);

function mapOf(s: AssessmentState, name: MapName): Record<string, unknown> {
  if (name === "answers") return s.answers;
  if (name === "notes") return s.notes;
  return name === "authorsAnswers" ? s.authors.answers : s.authors.notes;
}

function same(a: unknown, b: unknown): boolean {
  // The reducer shares untouched parts between states: the reference check settles most keys.
  return a === b || JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The delta keys whose value differs between two states (`before` undefined: every key of `after`). */
export function changedDeltaKeys(before: AssessmentState | undefined, after: AssessmentState): string[] {
  const out: string[] = [];
  const b = (before ?? {}) as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  for (const field of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (ALWAYS.has(field) || MAP_FIELDS.has(field)) continue;
    if (!same(b[field], a[field])) out.push(`f:${field}`);
  }
  for (const name of Object.keys(MAP_PREFIX) as MapName[]) {
    const x = before === undefined ? {} : mapOf(before, name);
    const y = mapOf(after, name);
    if (x === y) continue;
    for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) {
      if (!same(x[key], y[key])) out.push(`${MAP_PREFIX[name]}:${key}`);
    }
  }
  return out;
}

/** The delta from revision `from` to `current`, given every key changed since `from`. */
export function buildDelta(
  current: AssessmentState,
  from: number,
  keys: Iterable<string>,
): AssessmentDeltaOp {
  const set: AssessmentDeltaOp["set"] = { revision: current.revision, updatedAt: current.updatedAt };
  const op: AssessmentDeltaOp = { op: "delta", type: "assessment", id: current.id, from, set };
  const whole = current as unknown as Record<string, unknown>;
  for (const k of keys) {
    const colon = k.indexOf(":");
    const prefix = k.slice(0, colon);
    const key = k.slice(colon + 1);
    if (prefix === "f") {
      if (Object.hasOwn(whole, key)) (set as Record<string, unknown>)[key] = whole[key];
      else op.unset = [...(op.unset ?? []), key];
      continue;
    }
    const name = PREFIX_MAP.get(prefix);
    if (name === undefined) continue;
    const source = mapOf(current, name);
    const target = (op[name] ?? {}) as Record<string, unknown>;
    target[key] = Object.hasOwn(source, key) ? source[key] : null;
    (op as unknown as Record<string, unknown>)[name] = target;
  }
  return op;
}

function patchMap<T>(
  base: Record<string, T>,
  changes: Record<string, T | null> | undefined,
): Record<string, T> {
  if (changes === undefined) return base;
  const next = { ...base };
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) delete next[k];
    else next[k] = v;
  }
  return next;
}

/** The state after the delta, or null when `held` is not the revision the delta starts from. */
export function applyDelta(held: AssessmentState, delta: AssessmentDeltaOp): AssessmentState | null {
  if (held.id !== delta.id || held.revision !== delta.from) return null;
  const next = { ...held } as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(delta.set)) next[k] = v;
  for (const k of delta.unset ?? []) delete next[k];
  const state = next as unknown as AssessmentState;
  state.answers = patchMap(held.answers, delta.answers);
  state.notes = patchMap(held.notes, delta.notes);
  state.authors = {
    answers: patchMap(held.authors.answers, delta.authorsAnswers),
    notes: patchMap(held.authors.notes, delta.authorsNotes),
  };
  return state;
}

export function isDeltaOp(op: unknown): op is AssessmentDeltaOp {
  return typeof op === "object" && op !== null && (op as { op?: unknown }).op === "delta";
}
