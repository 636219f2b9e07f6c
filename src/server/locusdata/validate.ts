/**
 * Validation of locus inputs (secondary values and oversight products) against a period's
 * instrument, shared by the API, the spreadsheet import and the CLI so all three refuse the same
 * things with the same codes. Pure: no database, no I/O.
 */
import {
  FOLLOW_UP_STATES,
  type FollowUpState,
  OVERSIGHT_KINDS,
  type OversightKind,
} from "../../domain/banding/qualifier";
import { indexInstrument } from "../../domain/instrument/instrument-index";
import type { Instrument, Scale } from "../../domain/instrument/types";

/** A secondary-data indicator of the instrument, as screens and exports list it. */
export interface SecondaryIndicator {
  id: string;
  question: { id: string; en?: string };
  providers: string[];
  /** The indicator's scale: options with their value and code (coded scales are answered by code). */
  options: { value: number | null; code?: string; label: { id: string; en?: string } }[];
}

export function secondaryIndicators(instrument: Instrument | undefined): SecondaryIndicator[] {
  if (instrument === undefined) return [];
  const out: SecondaryIndicator[] = [];
  for (const entry of indexInstrument(instrument).ordered) {
    const source = entry.indicator.source;
    if (source?.kind !== "secondary") continue;
    out.push({
      id: entry.indicator.id,
      question: entry.indicator.question,
      providers: [...source.providers],
      options: optionsOf(entry.scale).map((o) => ({
        value: o.value,
        ...(o.code === undefined ? {} : { code: o.code }),
        label: o.label,
      })),
    });
  }
  return out;
}

function optionsOf(scale: Scale) {
  return scale.kind === "options" ? scale.options : [];
}

export type ValueCheck =
  | { ok: true; value: number | string }
  | { ok: false; code: "unknown_reference" | "invalid_value"; message: string };

/**
 * The stored form of a secondary value: an answer on the indicator's scale. A coded scale takes its
 * code (a number equal to an option's value is accepted and stored as that option's code, as a
 * spreadsheet user types "2"); an uncoded scale takes an option's value.
 */
export function checkSecondaryValue(instrument: Instrument, indicatorId: string, raw: unknown): ValueCheck {
  const entry = indexInstrument(instrument).byId.get(indicatorId);
  if (entry === undefined || entry.indicator.source?.kind !== "secondary") {
    return {
      ok: false,
      code: "unknown_reference",
      message: `${indicatorId} is not a secondary-data indicator of ${instrument.id}@${instrument.version}.`,
    };
  }
  const options = optionsOf(entry.scale);
  const coded = options.some((o) => o.code !== undefined);
  let value: unknown = raw;
  if (typeof raw === "string" && raw.trim() !== "") {
    const text = raw.trim();
    const byCode = options.find((o) => o.code !== undefined && o.code.toLowerCase() === text.toLowerCase());
    if (byCode?.code !== undefined) value = byCode.code;
    else if (/^-?[0-9]+([.,][0-9]+)?$/.test(text)) value = Number(text.replace(",", "."));
  }
  if (typeof value === "number" && coded) {
    const byValue = options.find((o) => o.value === value && o.code !== undefined);
    if (byValue?.code !== undefined) value = byValue.code;
  }
  const meaning = entry.interpret(value);
  if (
    (meaning.status === "scored" || meaning.status === "excluded") &&
    (typeof value === "number" || typeof value === "string")
  ) {
    return { ok: true, value };
  }
  const allowed = options.map((o) => o.code ?? String(o.value)).join(", ");
  return {
    ok: false,
    code: "invalid_value",
    message: `${JSON.stringify(raw)} is not an answer of ${indicatorId} (allowed: ${allowed}).`,
  };
}

export function isOversightKind(v: string): v is OversightKind {
  return (OVERSIGHT_KINDS as readonly string[]).includes(v);
}

export function isFollowUpState(v: string): v is FollowUpState {
  return (FOLLOW_UP_STATES as readonly string[]).includes(v);
}

/** Indonesian words an office writes in a spreadsheet, mapped to the stored codes. */
const KIND_WORDS: Record<string, OversightKind> = {
  tindakankorektif: "tindakan_korektif",
  korektif: "tindakan_korektif",
  correctiveaction: "tindakan_korektif",
  saran: "saran",
  suggestion: "saran",
  rekomendasi: "rekomendasi",
  recommendation: "rekomendasi",
};
const STATE_WORDS: Record<string, FollowUpState> = {
  full: "full",
  penuh: "full",
  tuntas: "full",
  selesai: "full",
  partial: "partial",
  sebagian: "partial",
  none: "none",
  tidak: "none",
  belum: "none",
  tidakditindaklanjuti: "none",
};

const squash = (s: string) => s.toLowerCase().replace(/[\s_\-.]+/g, "");

export function oversightKindOf(text: string): OversightKind | undefined {
  return KIND_WORDS[squash(text)];
}
export function followUpStateOf(text: string): FollowUpState | undefined {
  return STATE_WORDS[squash(text)];
}

/** ISO date YYYY-MM-DD that exists in the calendar. */
export function isIsoDate(text: string): boolean {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}
