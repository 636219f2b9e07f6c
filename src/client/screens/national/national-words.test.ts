import { beforeAll, describe, expect, it } from "vitest";
import type { NationalLocus } from "../../api/national-api";
import { preloadStaffTexts, translate } from "../../i18n/i18n";
import { categoryWords, rankText } from "./national-words";

const locus = (name: string, rank: number | null): NationalLocus => ({
  pemdaId: name,
  code: name,
  name,
  kind: "kota",
  category: "kota",
  officeId: "kalbar",
  officeName: "Kalimantan Barat",
  periodId: "p",
  score: null,
  band: null,
  final: true,
  rank,
  categoryCount: 4,
});

// Staff screens' words load with the staff UI (i18n.ts): load them as the staff UI does.
beforeAll(() => preloadStaffTexts());

describe("national words", () => {
  it("writes a shared rank as a tie and leaves a single rank plain", () => {
    const loci = [locus("a", 1), locus("b", 2), locus("c", 2), locus("d", 4), locus("e", null)];
    expect(loci.map((l) => rankText(l, loci))).toEqual(["1", "2=", "2=", "4", "—"]);
  });

  it("names the ranking categories in the UI language, and keeps an unknown kind as stored", () => {
    const t = (key: Parameters<typeof translate>[1]) => translate("id", key);
    expect(categoryWords(t, "kota")).toBe("Kota");
    expect(categoryWords(t, "lapas_rutan_bapas")).toBe("Lapas/Rutan/Bapas");
    expect(categoryWords(t, "dinas")).toBe("dinas");
  });
});
