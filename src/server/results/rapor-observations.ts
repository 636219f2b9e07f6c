/**
 * What the rapor says was observed for a failed item (issue #20): per instance below full marks,
 * whose answer it is (the product or respondent by name), the answer given in words per media
 * part, the assessor's notes on that instance, and how many photos back it (with the first few
 * hashes, for thumbnails). Pure over the stored state and the instrument; owns nothing.
 */
import { partKeyOf } from "../../domain/assessment/instances";
import { respondentLabel } from "../../domain/assessment/respondent-words";
import type { LocalText } from "../../domain/common/validate";
import { indicatorById } from "../../domain/instrument/instrument-index";
import type { Indicator, Instrument, MediaPart } from "../../domain/instrument/types";
import type { Shortfall } from "../../domain/results/shortfalls";
import type { AnswerValue, AssessmentState } from "../../domain/sync/protocol";

/** Thumbnails are cheap (server-made, cached); more than this many per instance crowd the page. */
export const RAPOR_PHOTOS_PER_INSTANCE = 3;

export interface RaporObservation {
  /** Instance key (`IND@product:ID`, or the indicator id for a unit item). */
  key: string;
  subject: { kind: "product" | "official" | "user"; label: string } | null;
  /** The instance's value 0..1 (null: not applicable / no answer). */
  value: number | null;
  /** The answer per media part (part null: the item has no parts), in words. */
  answers: { part: MediaPart | null; text: LocalText }[];
  notes: string[];
  photoCount: number;
  photos: { sha256: string; mime: string }[];
}

const NA_TEXT: LocalText = { id: "Tidak dijawab", en: "Not answered" };

function joinText(parts: readonly LocalText[]): LocalText {
  return { id: parts.map((p) => p.id).join("; "), en: parts.map((p) => p.en ?? p.id).join("; ") };
}

/** The answer in the instrument's words (option label, or the ticked sub-items). */
export function answerText(
  instrument: Instrument,
  indicator: Indicator,
  value: AnswerValue | undefined,
): LocalText | null {
  if (value === undefined || value === null) return null;
  const scale = instrument.scales[indicator.answer];
  if (scale?.kind === "checklist" && Array.isArray(value)) {
    const ticked = (indicator.subitems ?? []).filter((s) => value.includes(s.id)).map((s) => s.label);
    return ticked.length === 0 ? { id: "Tidak ada yang dicentang", en: "Nothing ticked" } : joinText(ticked);
  }
  if (scale?.kind === "options") {
    const option = scale.options.find((o) => (o.code !== undefined ? o.code === value : o.value === value));
    if (option) return option.label;
  }
  const raw = Array.isArray(value) ? value.join("; ") : String(value);
  return { id: raw, en: raw };
}

const belongsTo = (key: string, base: string) => key === base || key.startsWith(`${base}#`);

function subjectOf(state: AssessmentState, key: string): RaporObservation["subject"] {
  const at = key.indexOf("@");
  if (at < 0) return null;
  const colon = key.indexOf(":", at);
  const level = key.slice(at + 1, colon);
  const id = key.slice(colon + 1);
  if (level === "product") {
    return { kind: "product", label: state.products.find((p) => p.id === id)?.name ?? id.slice(0, 8) };
  }
  const kind = level === "user" ? "user" : "official";
  return { kind, label: respondentLabel(state.respondents, id) };
}

export function shortfallObservations(
  instrument: Instrument,
  state: AssessmentState,
  shortfall: Shortfall,
): RaporObservation[] {
  const indicator = indicatorById(instrument, shortfall.indicatorId)?.indicator;
  if (indicator === undefined) return [];
  const parts: (MediaPart | null)[] = indicator.media?.length ? [...indicator.media] : [null];
  return shortfall.instances.map((instance) => {
    const evidence = state.evidence.filter(
      (e) => belongsTo(e.key, instance.key) && e.mime.startsWith("image/"),
    );
    return {
      key: instance.key,
      subject: subjectOf(state, instance.key),
      value: instance.value,
      answers: parts.map((part) => {
        const key = part === null ? instance.key : partKeyOf(instance.key, part);
        const value = Object.hasOwn(state.answers, key) ? state.answers[key] : undefined;
        return { part, text: answerText(instrument, indicator, value) ?? NA_TEXT };
      }),
      notes: shortfall.notes.filter((n) => belongsTo(n.key, instance.key)).map((n) => n.text.trim()),
      photoCount: evidence.length,
      photos: evidence.slice(0, RAPOR_PHOTOS_PER_INSTANCE).map((e) => ({ sha256: e.sha256, mime: e.mime })),
    };
  });
}
