// How the desk says an item, a value and an action in words (issue #20): history keys
// (`answer:IN.SP.01@product:…`) become "IN.SP.01 · Produk: KTP-el", values become the option's
// label with its score value beside it, actions become verbs, numbers take the UI language's format.
import { profileFacts, respondentLabel } from "../../../domain/assessment/respondent-words";
import type { Indicator, Instrument } from "../../../domain/instrument/types";
import type { AssessmentDetail } from "../../api/review-api";
import type { Language, Translate } from "../../i18n/i18n";
import { answerText, STATUS_KEYS } from "./words";

const locale = (language: Language) => (language === "en" ? "en-GB" : "id-ID");

/** A plain number in the UI language's format (id: "2,5"; en: "2.5"). */
export function formatNumber(n: number, language: Language): string {
  return n.toLocaleString(locale(language), { maximumFractionDigits: 2 });
}

export function findIndicator(instrument: Instrument, id: string): Indicator | undefined {
  for (const d of instrument.dimensions)
    for (const v of d.variables) for (const i of v.indicators) if (i.id === id) return i;
  return undefined;
}

/** The score value of an answer (the option's value, or ticks counted), shown beside its words. */
export function answerScoreValue(
  instrument: Instrument,
  indicator: Indicator,
  value: unknown,
): number | null {
  if (value === undefined || value === null) return null;
  const scale = instrument.scales[indicator.answer];
  if (scale?.kind === "checklist") return null;
  if (scale?.kind === "options") {
    const option = scale.options.find((o) => (o.code !== undefined ? o.code === value : o.value === value));
    return option?.value ?? null;
  }
  return null;
}

/** An answer key's subject: "Produk: KTP-el", "Pejabat/Petugas 2: Budi", or null for the unit. */
export function subjectOfKey(detail: AssessmentDetail, key: string, language: Language): string | null {
  const at = /@(product|official|user):([^#]+)/.exec(key);
  if (!at) return null;
  const [, level, id = ""] = at;
  if (level === "product") return detail.products.find((p) => p.id === id)?.name ?? id.slice(0, 8);
  return respondentLabel(detail.respondents, id, language);
}

export function itemLabel(detail: AssessmentDetail, key: string, language: Language): string {
  const id = key.split(/[@#]/, 1)[0] ?? key;
  const subject = subjectOfKey(detail, key, language);
  const part = key.includes("#")
    ? ` (${key.slice(key.indexOf("#") + 1) === "physical" ? (language === "en" ? "physical" : "fisik") : "elektronik"})`
    : "";
  return subject === null ? `${id}${part}` : `${id} · ${subject}${part}`;
}

/** A history or change value in words, for the kind of key it belongs to. */
export function valueWords(
  instrument: Instrument,
  historyKey: string,
  value: unknown,
  language: Language,
  t: Translate,
): string {
  if (value === null || value === undefined || value === "") return "—";
  const [kind = "", ...rest] = historyKey.split(":");
  const key = rest.join(":");
  if (kind === "answer") {
    const indicator = findIndicator(instrument, key.split(/[@#]/, 1)[0] ?? "");
    if (indicator) {
      const words = answerText(instrument, indicator, value, language, t);
      const score = answerScoreValue(instrument, indicator, value);
      return score === null ? words : `${words} (${formatNumber(score, language)})`;
    }
  }
  if (kind === "status" && typeof value === "string" && value in STATUS_KEYS)
    return t(STATUS_KEYS[value as keyof typeof STATUS_KEYS]);
  if (kind === "evidence") return language === "en" ? "photo" : "foto";
  if (typeof value === "object" && value !== null && "profile" in value) {
    const profile = (value as { profile: Record<string, string | number | boolean | null> }).profile;
    return profileFacts(profile, language)
      .map((f) => `${f.label}: ${f.value}`)
      .join(", ");
  }
  if (typeof value === "object" && value !== null && "name" in value)
    return String((value as { name: unknown }).name);
  if (typeof value === "number") return formatNumber(value, language);
  return typeof value === "string" ? value : JSON.stringify(value);
}

const ACTIONS: Record<string, { id: string; en: string }> = {
  "assessment.create": { id: "Kunjungan dimulai", en: "Visit started" },
  "assessment.setAnswer": { id: "Jawaban diisi", en: "Answer set" },
  "assessment.setNote": { id: "Catatan ditulis", en: "Note written" },
  "assessment.putProduct": { id: "Produk dicatat", en: "Product recorded" },
  "assessment.removeProduct": { id: "Produk dihapus", en: "Product removed" },
  "assessment.putRespondent": { id: "Responden dicatat", en: "Respondent recorded" },
  "assessment.removeRespondent": { id: "Responden dihapus", en: "Respondent removed" },
  "assessment.attachEvidence": { id: "Foto dilampirkan", en: "Photo attached" },
  "assessment.detachEvidence": { id: "Foto dilepas", en: "Photo removed" },
  "assessment.setVisit": { id: "Data kunjungan diubah", en: "Visit changed" },
  "assessment.submit": { id: "Diajukan", en: "Submitted" },
  "review.approve": { id: "Disetujui", en: "Approved" },
  "review.return": { id: "Dikembalikan", en: "Returned" },
  "review.undo_approval": { id: "Persetujuan dibatalkan", en: "Approval undone" },
};

export function actionWords(action: string, language: Language): string {
  const words = ACTIONS[action];
  return words ? words[language === "en" ? "en" : "id"] : action;
}

/** The item a history key is about, in words ("" for the whole checklist). */
export function historyItem(detail: AssessmentDetail, historyKey: string, language: Language): string {
  const [kind = "", ...rest] = historyKey.split(":");
  const key = rest.join(":");
  if (kind === "answer" || kind === "note") return itemLabel(detail, key, language);
  if (kind === "evidence") return itemLabel(detail, key.slice(0, key.lastIndexOf(":")), language);
  if (kind === "product")
    return detail.products.find((p) => p.id === key)?.name ?? (language === "en" ? "product" : "produk");
  if (kind === "respondent") return respondentLabel(detail.respondents, key, language);
  return "";
}
