/**
 * The Indonesian words of the people's exports (issue #20): status words, level (subject) names,
 * media parts, and an answer value in words. Server-only vocabulary; owns nothing persistent.
 */
import type { Indicator, Instrument, LevelId, MediaPart } from "../../domain/instrument/types";
import type { AnswerValue } from "../../domain/sync/protocol";

export const STATUS_WORDS: Readonly<Record<string, string>> = {
  not_started: "Belum dinilai",
  draft: "Draf",
  submitted: "Diajukan",
  returned: "Dikembalikan",
  approved: "Disetujui",
};

export const LEVEL_WORDS: Readonly<Record<LevelId, string>> = {
  unit: "Unit layanan",
  product: "Produk layanan",
  official: "Pejabat/Petugas",
  user: "Pengguna layanan",
};

export const PART_WORDS: Readonly<Record<MediaPart, string>> = {
  physical: "Fisik",
  electronic: "Elektronik",
};

export const statusWord = (status: string | null | undefined) => STATUS_WORDS[status ?? "not_started"] ?? "";

/** The answer as its option's label, or the ticked sub-items' labels of a checklist item. */
export function answerWords(
  instrument: Instrument,
  indicator: Indicator,
  value: AnswerValue | undefined,
): string {
  if (value === undefined || value === null) return "";
  const scale = instrument.scales[indicator.answer];
  if (scale?.kind === "checklist" && Array.isArray(value)) {
    const labels = (indicator.subitems ?? []).filter((s) => value.includes(s.id)).map((s) => s.label.id);
    return labels.join("; ");
  }
  if (scale?.kind === "options") {
    const option = scale.options.find((o) => (o.code !== undefined ? o.code === value : o.value === value));
    if (option) return option.label.id;
  }
  return Array.isArray(value) ? value.join("; ") : String(value);
}

/** The answer's number for analysis: the option value (null for na / no answer), or ticks counted. */
export function answerNumber(
  instrument: Instrument,
  indicator: Indicator,
  value: AnswerValue | undefined,
): number | null {
  if (value === undefined || value === null) return null;
  const scale = instrument.scales[indicator.answer];
  if (scale?.kind === "checklist" && Array.isArray(value)) return value.length;
  if (scale?.kind === "options") {
    const option = scale.options.find((o) => (o.code !== undefined ? o.code === value : o.value === value));
    return option?.value ?? null;
  }
  return typeof value === "number" ? value : null;
}
