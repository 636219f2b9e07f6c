// Words and number formats the supervisor screens share: statuses, errors, scores, dates, answers.

import type { LocalText } from "../../../domain/common/validate";
import type { Indicator, Instrument } from "../../../domain/instrument/types";
import type { UnitStatus } from "../../api/review-api";
import type { Language, MessageKey, Translate } from "../../i18n/i18n";

export const STATUS_KEYS: Record<UnitStatus, MessageKey> = {
  not_started: "reviewStatusNotStarted",
  draft: "reviewStatusDraft",
  submitted: "reviewStatusSubmitted",
  returned: "reviewStatusReturned",
  approved: "reviewStatusApproved",
};

export const UNIT_STATUSES: UnitStatus[] = ["not_started", "draft", "submitted", "returned", "approved"];

export function errorKey(code: string): MessageKey {
  if (code === "network") return "reviewErrorNetwork";
  if (code === "not_found") return "reviewErrorNotFound";
  if (code === "forbidden") return "reviewErrorForbidden";
  return "reviewErrorOther";
}

export function localText(text: LocalText, language: Language): string {
  return language === "en" && text.en ? text.en : text.id;
}

const locale = (language: Language) => (language === "en" ? "en-GB" : "id-ID");

/** A score as reported (2 decimals), in the UI language's number format. */
export function formatScore(score: number | null, language: Language): string {
  if (score === null) return "—";
  return score.toLocaleString(locale(language), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function formatDateTime(iso: string | null | undefined, language: Language): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(locale(language), { dateStyle: "medium", timeStyle: "short" });
}

export function formatDate(iso: string | null | undefined, language: Language): string {
  if (!iso) return "—";
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(locale(language), { dateStyle: "medium" });
}

/** A zone's CSS modifier (Hijau / Kuning / Merah; other scheme zones are neutral). */
export function zoneClass(zone: string | undefined): string {
  const z = (zone ?? "").toLowerCase();
  if (z.includes("hijau") || z.includes("green")) return "zone--green";
  if (z.includes("kuning") || z.includes("yellow")) return "zone--yellow";
  if (z.includes("merah") || z.includes("red")) return "zone--red";
  return "zone--none";
}

/** An answer value in words: the option's label, or the ticked sub-items of a checklist. */
export function answerText(
  instrument: Instrument,
  indicator: Indicator,
  value: unknown,
  language: Language,
  t: Translate,
): string {
  if (value === undefined || value === null) return t("reviewNoAnswer");
  const scale = instrument.scales[indicator.answer];
  if (scale?.kind === "checklist" && Array.isArray(value)) {
    const items = indicator.subitems ?? [];
    const ticked = items.filter((s) => value.includes(s.id)).map((s) => localText(s.label, language));
    return t("reviewChecklistValue", {
      ticked: String(value.length),
      total: String(items.length),
      items: ticked.join(", ") || "—",
    });
  }
  if (scale?.kind === "options") {
    const option = scale.options.find((o) => (o.code !== undefined ? o.code === value : o.value === value));
    if (option) return localText(option.label, language);
  }
  return typeof value === "string" || typeof value === "number" ? String(value) : JSON.stringify(value);
}
