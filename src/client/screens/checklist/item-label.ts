// Naming an answer key the way the assessor sees it on the sheet: the question's text, then whose
// answer it is ("Pejabat/Petugas 2 (Budi)", the product's name) and the part (Fisik/Elektronik),
// rather than the key's code ("Indikator IN.SP.01").
import { type Instrument, indicatorById, type LocalText, parseAnswerKey } from "../../../domain";
import type { Translate } from "../../i18n/i18n";
import { instancesOf, type StateLike } from "./model";

export interface ItemName {
  question: string;
  /** "Pejabat/Petugas 2 (Budi) · Fisik (di lokasi)"; "" for a unit item without parts. */
  detail: string;
  /** Instrument order (for sorting); MAX for an unknown key. */
  position: number;
}

export function nameOfKey(
  instrument: Instrument,
  state: StateLike,
  key: string,
  t: Translate,
  local: (text: LocalText) => string,
): ItemName {
  const parsed = parseAnswerKey(key);
  const entry = parsed.ok ? indicatorById(instrument, parsed.key.indicatorId) : undefined;
  if (!parsed.ok || !entry) return { question: key, detail: "", position: Number.MAX_SAFE_INTEGER };
  const { level, instanceId, part } = parsed.key;
  const parts: string[] = [];
  if (level !== "unit") {
    const instance = instancesOf(level, state).find((i) => i.id === instanceId);
    if (level === "product") parts.push(instance?.name || t("navProducts"));
    else {
      const base = t(level === "official" ? "officialLabel" : "userLabel", {
        n: String(instance?.ordinal ?? "?"),
      });
      parts.push(instance?.name ? `${base} (${instance.name})` : base);
    }
  }
  if (part) parts.push(t(part === "physical" ? "partPhysical" : "partElectronic"));
  return { question: local(entry.indicator.question), detail: parts.join(" · "), position: entry.position };
}
