// The answer slots an assessment currently asks the assessor to fill, per indicator: one per
// instance the indicator is answered for (the unit, each product, each respondent of the
// indicator's role) and per media part. Role-aware for format 2 (an interview item of the
// complaints-official role is asked of complaint officials only), identical to format 1 otherwise.
// Secondary-data indicators have no slot on an assessment: the office values them once per locus.
// Invariant: these are exactly the keys completeness checks and scoring reads (same instancesOf,
// instanceIdsFor and key spelling), so "answered / to answer" on the device agrees with "Ajukan".
import { answerAt, baseKeyOf, type InstanceSets, instanceIdsFor, instancesOf } from "../assessment/instances";
import type { AssessmentContent } from "../assessment/types";
import { type IndicatorEntry, indexInstrument } from "../instrument/instrument-index";
import type { Instrument, MediaPart } from "../instrument/types";

export interface AnswerSlot {
  /** null for a unit item. */
  readonly instanceId: string | null;
  readonly part: MediaPart | null;
  /** The protocol answer key. */
  readonly key: string;
  /** The instance key the slot's note and photos may sit on. */
  readonly baseKey: string;
}

export function isSecondary(entry: IndicatorEntry): boolean {
  return entry.indicator.source?.kind === "secondary";
}

/** Slots of one indicator given the assessment's instances (instancesOf(content, instrument)). */
export function slotsOfIndicator(entry: IndicatorEntry, instances: InstanceSets): AnswerSlot[] {
  if (isSecondary(entry)) return [];
  const out: AnswerSlot[] = [];
  for (const instanceId of instanceIdsFor(entry.indicator, instances)) {
    const baseKey = baseKeyOf(entry.indicator, instanceId);
    const media = entry.indicator.media;
    if (media === undefined || media.length === 0)
      out.push({ instanceId, part: null, key: baseKey, baseKey });
    else for (const part of media) out.push({ instanceId, part, key: `${baseKey}#${part}`, baseKey });
  }
  return out;
}

export interface SlotProgress {
  readonly done: number;
  readonly total: number;
}

/** Answered (na / no_answer count as answered, as in completeness) over existing slots. */
export function progressOfEntries(
  instrument: Instrument,
  content: AssessmentContent,
  entries: readonly IndicatorEntry[],
): SlotProgress {
  const instances = instancesOf(content, instrument);
  let done = 0;
  let total = 0;
  for (const entry of entries) {
    for (const slot of slotsOfIndicator(entry, instances)) {
      total++;
      if (entry.interpret(answerAt(content, slot.key)).status !== "empty") done++;
    }
  }
  return { done, total };
}

/** The first slot without an answer, in instrument order (for a "next unanswered" jump). */
export function firstUnanswered(
  instrument: Instrument,
  content: AssessmentContent,
  entries: readonly IndicatorEntry[] = indexInstrument(instrument).ordered,
): { entry: IndicatorEntry; slot: AnswerSlot } | null {
  const instances = instancesOf(content, instrument);
  for (const entry of entries) {
    for (const slot of slotsOfIndicator(entry, instances)) {
      if (entry.interpret(answerAt(content, slot.key)).status === "empty") return { entry, slot };
    }
  }
  return null;
}
