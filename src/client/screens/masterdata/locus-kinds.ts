// The kinds of locus (a fixed list of the methodology, domain/loci/locus-kinds.ts) in the UI language.
import { LOCUS_KINDS } from "../../../domain/loci/locus-kinds";
import { type MessageKey, useI18n } from "../../i18n/i18n";

export function useLocusKindOptions(): { value: string; label: string }[] {
  const { t } = useI18n();
  return LOCUS_KINDS.map((k) => ({ value: k, label: t(`mfLocusKind_${k}` as MessageKey) }));
}
