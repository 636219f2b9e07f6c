import { beforeAll, describe, expect, it } from "vitest";
import instrumentJson from "../../../../assets/instrument/ori-kepatuhan-2023.json";
import { parseInstrument } from "../../../domain/instrument/parse-instrument";
import type { Indicator, Instrument } from "../../../domain/instrument/types";
import { preloadStaffTexts, translate } from "../../i18n/i18n";
import { answerText, errorKey, formatScore, zoneClass } from "./words";

const parsed = parseInstrument(instrumentJson);
if (!parsed.ok) throw new Error("default instrument does not parse");
const instrument: Instrument = parsed.instrument;
const indicators: Indicator[] = instrument.dimensions.flatMap((d) =>
  d.variables.flatMap((v) => v.indicators),
);
const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string>) => translate("id", key, vars);

// Staff screens' words load with the staff UI (i18n.ts): load them as the staff UI does.
beforeAll(() => preloadStaffTexts());

describe("review words", () => {
  it("formats scores with two decimals in the UI language, and says nothing for null", () => {
    expect(formatScore(60.8, "id")).toBe("60,80");
    expect(formatScore(60.8, "en")).toBe("60.80");
    expect(formatScore(null, "id")).toBe("—");
  });

  it("maps zones to classes by name, whatever the scheme's capitalisation", () => {
    expect(zoneClass("Hijau")).toBe("zone--green");
    expect(zoneClass("kuning")).toBe("zone--yellow");
    expect(zoneClass("Merah")).toBe("zone--red");
    expect(zoneClass("Ungu")).toBe("zone--none");
    expect(zoneClass(undefined)).toBe("zone--none");
  });

  it("says answers with the instrument's own option labels", () => {
    const coded = indicators.find((i) => instrument.scales[i.answer]?.kind === "options");
    if (!coded) throw new Error("no option indicator");
    const scale = instrument.scales[coded.answer];
    if (scale?.kind !== "options") throw new Error("scale");
    const option = scale.options[0];
    if (!option) throw new Error("option");
    expect(answerText(instrument, coded, option.code ?? option.value, "id", t)).toBe(option.label.id);
    expect(answerText(instrument, coded, null, "id", t)).toBe("Belum dijawab");
    const list = indicators.find((i) => instrument.scales[i.answer]?.kind === "checklist");
    const first = list?.subitems?.[0];
    if (!list || !first) throw new Error("no checklist indicator");
    expect(answerText(instrument, list, [first.id], "id", t)).toContain(first.label.id);
    expect(answerText(instrument, list, [first.id], "id", t)).toContain(`1 dari ${list.subitems?.length}`);
  });

  it("names the network, not-found and forbidden errors, and keeps the code otherwise", () => {
    expect(errorKey("network")).toBe("reviewErrorNetwork");
    expect(errorKey("not_found")).toBe("reviewErrorNotFound");
    expect(errorKey("forbidden")).toBe("reviewErrorForbidden");
    expect(errorKey("server_error")).toBe("reviewErrorOther");
  });
});
