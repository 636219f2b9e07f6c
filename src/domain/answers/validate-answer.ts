// validateAnswer: may this value be stored under this key for this instrument? Used by the device
// before queueing `assessment.setAnswer` and by the server before applying it, so both refuse the
// same things with the same codes.
import { type IndicatorEntry, type Interpretation, indicatorById } from "../instrument/instrument-index";
import type { Instrument } from "../instrument/types";
import { type AnswerKeyParts, GENERAL_NOTE_KEY, parseAnswerKey } from "./answer-key";

export type AnswerErrorCode =
  | "invalid_key"
  | "unknown_indicator"
  | "level_mismatch"
  | "unexpected_media_part"
  | "missing_media_part"
  | "invalid_value";

export interface AnswerError {
  readonly code: AnswerErrorCode;
  readonly message: string;
}

export type ResolveKeyResult =
  | { readonly ok: true; readonly key: AnswerKeyParts; readonly entry: IndicatorEntry }
  | { readonly ok: false; readonly error: AnswerError };

export type ValidateAnswerResult =
  | {
      readonly ok: true;
      readonly key: AnswerKeyParts;
      readonly entry: IndicatorEntry;
      /** scored (with the normalised value), excluded (na/no_answer) or empty (null clears). */
      readonly interpretation: Interpretation;
    }
  | { readonly ok: false; readonly error: AnswerError };

/** Checks a key's shape and that it names a real answer slot of the instrument. */
export function resolveAnswerKey(instrument: Instrument, key: unknown): ResolveKeyResult {
  const parsed = parseAnswerKey(key);
  if (!parsed.ok) return parsed;
  const parts = parsed.key;
  const entry = indicatorById(instrument, parts.indicatorId);
  if (entry === undefined) {
    return error(
      "unknown_indicator",
      `indicator "${parts.indicatorId}" is not in ${instrument.id} v${instrument.version}`,
    );
  }
  const { indicator } = entry;
  if (indicator.level !== parts.level) {
    const expected =
      indicator.level === "unit" ? `"${indicator.id}"` : `"${indicator.id}@${indicator.level}:ID"`;
    return error(
      "level_mismatch",
      `indicator ${indicator.id} is answered per ${indicator.level}, but the key is for a ${parts.level}: use ${expected}`,
    );
  }
  const media = indicator.media;
  if (media === undefined) {
    if (parts.part !== null) {
      return error(
        "unexpected_media_part",
        `indicator ${indicator.id} has no media parts; drop "#${parts.part}"`,
      );
    }
  } else if (parts.part === null) {
    return error(
      "missing_media_part",
      `indicator ${indicator.id} is observed per medium: append ${media.map((m) => `#${m}`).join(" or ")}`,
    );
  } else if (!media.includes(parts.part)) {
    return error("unexpected_media_part", `indicator ${indicator.id} has no "#${parts.part}" part`);
  }
  return { ok: true, key: parts, entry };
}

export function validateAnswer(instrument: Instrument, key: unknown, value: unknown): ValidateAnswerResult {
  const resolved = resolveAnswerKey(instrument, key);
  if (!resolved.ok) return resolved;
  const interpretation = resolved.entry.interpret(value);
  if (interpretation.status === "invalid") {
    return error(
      "invalid_value",
      `invalid answer for ${resolved.entry.indicator.id}: ${interpretation.reason}`,
    );
  }
  return { ok: true, key: resolved.key, entry: resolved.entry, interpretation };
}

/**
 * A note may sit on "general", on any answer key of the instrument, or on an instance key without
 * its media part (a note about the item as a whole, e.g. `PR.01@product:X`).
 */
export function validateNoteKey(
  instrument: Instrument,
  key: unknown,
): { readonly ok: true } | { readonly ok: false; readonly error: AnswerError } {
  if (key === GENERAL_NOTE_KEY) return { ok: true };
  const resolved = resolveAnswerKey(instrument, key);
  if (resolved.ok || resolved.error.code === "missing_media_part") return { ok: true };
  return resolved;
}

function error(code: AnswerErrorCode, message: string): { readonly ok: false; readonly error: AnswerError } {
  return { ok: false, error: { code, message } };
}
