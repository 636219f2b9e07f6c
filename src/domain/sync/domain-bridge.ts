/**
 * The sync reducer's view of the rest of the domain: answer keys, answer values and completeness.
 *
 * Owns: nothing of its own; it adapts the domain's key resolver, answer validator and completeness
 * check to the AssessmentState the sync protocol carries, and adds the one rule only an assessment
 * knows: the product or respondent a key names must exist in it.
 * Invariant: the reducer asks only these questions, so device and server agree on validity.
 */
import { parseAnswerKey } from "../answers/answer-key";
import { resolveAnswerKey, validateAnswer, validateNoteKey } from "../answers/validate-answer";
import { checkCompleteness, type Problem } from "../completeness/check-completeness";
import type { Instrument } from "../instrument/types";
import type { AssessmentState } from "./protocol";

export interface KeyProblem {
  code: "invalid_key" | "unknown_product" | "unknown_respondent";
  message: string;
}

/**
 * Is `key` a slot of this instrument whose product/respondent exists in `state`?
 * `whole` also accepts "general" and instance keys without their media part (notes, evidence).
 */
export function checkKey(
  instrument: Instrument,
  state: AssessmentState,
  key: string,
  whole: boolean,
): KeyProblem | null {
  if (whole) {
    const note = validateNoteKey(instrument, key);
    if (!note.ok) return { code: "invalid_key", message: note.error.message };
    if (key === "general") return null;
  } else {
    const resolved = resolveAnswerKey(instrument, key);
    if (!resolved.ok) return { code: "invalid_key", message: resolved.error.message };
  }
  const parsed = parseAnswerKey(key);
  if (!parsed.ok) return { code: "invalid_key", message: parsed.error.message };
  const parts = parsed.key;
  if (parts.level === "product") {
    if (!state.products.some((p) => p.id === parts.instanceId)) {
      return { code: "unknown_product", message: "Produk layanan tidak ditemukan." };
    }
  } else if (parts.level !== "unit") {
    if (!state.respondents.some((r) => r.id === parts.instanceId && r.kind === parts.level)) {
      return { code: "unknown_respondent", message: "Responden tidak ditemukan." };
    }
  }
  return null;
}

/** Null when `value` is a valid answer under `key`, else the reason. */
export function checkAnswer(instrument: Instrument, key: string, value: unknown): string | null {
  const result = validateAnswer(instrument, key, value);
  return result.ok ? null : result.error.message;
}

/** What is missing before the assessment can be submitted (empty = complete). */
export function completenessProblems(instrument: Instrument, state: AssessmentState): readonly Problem[] {
  return checkCompleteness(instrument, state).problems;
}

/** Does this answer key belong to the given product / respondent? */
export function keyMentionsSubject(key: string, level: "product" | "official" | "user", id: string): boolean {
  const parsed = parseAnswerKey(key);
  return parsed.ok && parsed.key.level === level && parsed.key.instanceId === id;
}
