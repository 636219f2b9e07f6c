import { describe, expect, it } from "vitest";
import { loadDefaultInstrument } from "../../../../tests/fixtures/domain/full-assessment";
import { indicatorById } from "../../../domain";
import { anchorId, baseKeyOf, instancesOf, latestComments, progressOf, slotsOf } from "./model";

const instrument = loadDefaultInstrument();
const entry = (id: string) => {
  const found = indicatorById(instrument, id);
  if (!found) throw new Error(id);
  return found;
};

const state = {
  answers: { "PR.01@product:p1#physical": 3, "PR.01@product:p2#electronic": 0, "PR.08": "na" } as Record<
    string,
    unknown
  >,
  products: [
    { id: "p1", name: "KTP-el" },
    { id: "p2", name: "KK" },
  ],
  respondents: [
    { id: "o1", kind: "official", profile: { name: "Budi" } },
    { id: "u1", kind: "user", profile: {} },
  ],
};

describe("checklist model", () => {
  it("lists the instances of each level with names and ordinals", () => {
    expect(instancesOf("unit", state)).toEqual([{ id: null, ordinal: 1, name: "" }]);
    expect(instancesOf("product", state).map((i) => i.name)).toEqual(["KTP-el", "KK"]);
    expect(instancesOf("official", state)).toEqual([{ id: "o1", ordinal: 1, name: "Budi" }]);
    expect(instancesOf("user", state)).toEqual([{ id: "u1", ordinal: 1, name: "" }]);
  });

  it("spells slot keys as the protocol does, one per media part", () => {
    expect(baseKeyOf(entry("PR.01"), "p1")).toBe("PR.01@product:p1");
    expect(slotsOf(entry("PR.01"), "p1").map((s) => s.key)).toEqual([
      "PR.01@product:p1#physical",
      "PR.01@product:p1#electronic",
    ]);
    expect(slotsOf(entry("IN.SP.01"), null)).toEqual([{ part: null, key: "IN.SP.01" }]);
  });

  it("counts progress per slot, with na as answered", () => {
    expect(progressOf([entry("PR.01")], state)).toEqual({ done: 2, total: 4 });
    expect(progressOf([entry("PR.08"), entry("PR.09")], state)).toEqual({ done: 1, total: 2 });
  });

  it("makes distinct, selector-safe anchor ids", () => {
    const a = anchorId("PR.01@product:p1#physical");
    expect(a).toMatch(/^item-[A-Za-z0-9_-]+$/);
    expect(anchorId("IN.SP.01")).not.toBe(anchorId("IN_SP_01"));
  });

  it("keeps only the latest review's comments", () => {
    const comments = latestComments([
      { key: "general", text: "old", revision: 3 },
      { key: "general", text: "Lengkapi foto", revision: 9 },
      { key: "PR.08", text: "Cek ulang", revision: 9 },
      { key: "PR.09", text: " ", revision: 9 },
    ]);
    expect(Object.fromEntries(comments)).toEqual({ general: ["Lengkapi foto"], "PR.08": ["Cek ulang"] });
  });
});
