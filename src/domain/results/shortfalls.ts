// What a unit lacks, for the printable rapor per pemda (product.md step 7): every indicator whose
// value (methodology §3.2: the mean over its instances) is below full marks, with the assessor's
// notes on its answers. Uses the scoring's own instance rule, so a shortfall's value is exactly the
// value the score was computed from.
// Indicators without a value (not answered, or every answer na / no_answer) are not shortfalls:
// "not applicable" is not a defect, and unanswered items are completeness problems, not results.
import { baseKeyOf, instanceIdsFor, instancesOf, partKeyOf } from "../assessment/instances";
import type { AssessmentContent } from "../assessment/types";
import type { LocalText } from "../common/validate";
import { indexInstrument } from "../instrument/instrument-index";
import type { Instrument, LevelId } from "../instrument/types";
import { instanceValue } from "../scoring/dimension-scores";
import { mean } from "../scoring/round";

export interface ShortfallNote {
  readonly key: string;
  readonly text: string;
}

export interface ShortfallInstance {
  /** Instance key (`IND@product:ID`, or the indicator id for a unit item). */
  readonly key: string;
  /** Normalised 0..1; null when this instance has no value (na, or not answered). */
  readonly value: number | null;
}

export interface Shortfall {
  readonly indicatorId: string;
  readonly dimensionId: string;
  readonly variableId: string;
  readonly level: LevelId;
  readonly question: LocalText;
  /** The indicator value, 0..1, unrounded (format it for display). */
  readonly value: number;
  /** The instances below full marks, in instance order (which product, official or user). */
  readonly instances: readonly ShortfallInstance[];
  /** Non-blank notes on the indicator's answer keys (instance keys and media-part keys). */
  readonly notes: readonly ShortfallNote[];
}

// Indicator values are means of k/3, k/n… and a full-marks mean of ones is exactly 1.0 in binary
// floating point; the tolerance only guards against a future scale whose maximum is not exact.
const FULL_MARKS = 1 - 1e-9;

function noteAt(content: AssessmentContent, key: string): string | null {
  if (!Object.hasOwn(content.notes, key)) return null;
  const text = content.notes[key];
  return typeof text === "string" && text.trim() !== "" ? text : null;
}

/** The unit's shortfalls in instrument order. */
export function unitShortfalls(instrument: Instrument, content: AssessmentContent): Shortfall[] {
  const sets = instancesOf(content);
  const out: Shortfall[] = [];
  for (const entry of indexInstrument(instrument).ordered) {
    const { indicator } = entry;
    const values: number[] = [];
    const low: ShortfallInstance[] = [];
    const notes: ShortfallNote[] = [];
    for (const id of instanceIdsFor(indicator, sets)) {
      const key = baseKeyOf(indicator, id);
      const v = instanceValue(entry, content, key);
      if (v !== null) values.push(v);
      if (v === null || v < FULL_MARKS) low.push({ key, value: v });
      const keys = [key, ...(indicator.media ?? []).map((part) => partKeyOf(key, part))];
      for (const k of keys) {
        const text = noteAt(content, k);
        if (text !== null) notes.push({ key: k, text });
      }
    }
    const value = mean(values);
    if (value === null || value >= FULL_MARKS) continue;
    out.push({
      indicatorId: indicator.id,
      dimensionId: entry.dimension.id,
      variableId: entry.variable.id,
      level: indicator.level,
      question: indicator.question,
      value,
      instances: low,
      notes,
    });
  }
  return out;
}
