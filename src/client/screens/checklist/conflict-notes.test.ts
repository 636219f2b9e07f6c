import { describe, expect, it } from "vitest";
import { loadDefaultInstrument } from "../../../../tests/fixtures/domain/full-assessment";
import { indicatorById } from "../../../domain";
import { describeValue } from "./conflict-notes";

const instrument = loadDefaultInstrument();
const entry = (id: string) => {
  const found = indicatorById(instrument, id);
  if (!found) throw new Error(id);
  return found;
};
const words = { empty: "(kosong)", none: "Tidak ada satu pun", local: (t: { id: string }) => t.id };

describe("a conflicting value in words", () => {
  it("names the option of a 0–3 scale with its number, and a coded option by its label", () => {
    const scaled = entry("IN.SP.01");
    expect(describeValue(scaled, 2, words)).toMatch(/^2 — \S/);
    const coded = entry("PR.08");
    expect(coded.scale.kind).toBe("options");
    const firstCode =
      coded.scale.kind === "options" ? coded.scale.options.find((o) => o.code)?.code : undefined;
    expect(firstCode).toBeDefined();
    const text = describeValue(coded, firstCode ?? "", words);
    expect(text).not.toBe(firstCode);
    expect(text.length).toBeGreaterThan(0);
  });

  it("lists ticked sub-items by label, says none for an empty list and empty for null", () => {
    const checklist = entry("IN.SP.08");
    const first = checklist.indicator.subitems?.[0];
    if (!first) throw new Error("IN.SP.08 has sub-items");
    expect(describeValue(checklist, [first.id], words)).toBe(first.label.id);
    expect(describeValue(checklist, [], words)).toBe("Tidak ada satu pun");
    expect(describeValue(checklist, null, words)).toBe("(kosong)");
  });

  it("shows a note's text as it is", () => {
    expect(describeValue(null, "Papan informasi sudah dipasang.", words)).toBe(
      "Papan informasi sudah dipasang.",
    );
  });
});
