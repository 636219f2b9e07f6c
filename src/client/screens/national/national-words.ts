// Words the national screens share: locus categories, a round's state, ranks with ties, errors.
import type { NationalLocus, Round } from "../../api/national-api";
import type { MessageKey, Translate } from "../../i18n/i18n";

const CATEGORY_KEYS: Record<string, MessageKey> = {
  provinsi: "natKindProvinsi",
  kabupaten: "natKindKabupaten",
  kota: "natKindKota",
  kementerian: "natKindKementerian",
  lembaga: "natKindLembaga",
  polres: "natKindPolres",
  kantor_pertanahan: "natKindKantorPertanahan",
  kantor_imigrasi: "natKindKantorImigrasi",
  lapas_rutan_bapas: "natKindLapas",
};

/** A locus kind or ranking category in words (an unknown kind is shown as stored). */
export function categoryWords(t: Translate, category: string): string {
  const key = CATEGORY_KEYS[category];
  return key === undefined ? category : t(key);
}

export function roundState(t: Translate, round: Round): string {
  if (round.publishedAt !== null) return t("natStatePublished");
  if (round.final) return t("natStateFinal");
  return round.periodCount === 0 ? t("natStateEmpty") : t("natStateRunning");
}

/**
 * Ranks as published: equal scores share a rank ("2="), so a reader sees the tie without comparing
 * scores. `loci` are the rows of one category.
 */
export function rankText(locus: NationalLocus, loci: readonly NationalLocus[]): string {
  if (locus.rank === null) return "—";
  const shared = loci.some((l) => l !== locus && l.rank === locus.rank);
  return shared ? `${locus.rank}=` : String(locus.rank);
}

/** Server error codes of the national endpoints in words. */
export function nationalErrorWords(t: Translate, code: string): string {
  const keys: Partial<Record<string, MessageKey>> = {
    network: "natErrNetwork",
    forbidden: "natErrForbidden",
    not_found: "natErrNotFound",
    already_exists: "natErrYearTaken",
    invalid_reference: "natErrReference",
    invalid_body: "natErrInvalid",
    round_not_final: "natErrNotFinal",
    round_published: "natErrPublished",
    period_in_round: "natErrPeriodInRound",
    round_mismatch: "natErrMismatch",
    payload_too_large: "natErrTooLarge",
  };
  const key = keys[code];
  return key === undefined ? t("natErrOther", { code }) : t(key);
}
