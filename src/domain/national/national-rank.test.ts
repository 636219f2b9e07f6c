import { describe, expect, it } from "vitest";
import { OPINI_2022, ZONA_2021 } from "../banding/builtin";
import { bandDistribution, rankWithinCategories } from "./national-rank";

describe("rankWithinCategories", () => {
  it("ranks within each category, ties share a rank and the next one skips", () => {
    const ranks = rankWithinCategories([
      { id: "pontianak", category: "kota", score: 98.78 },
      { id: "singkawang", category: "kota", score: 75.78 },
      { id: "surabaya", category: "kota", score: 99.1 },
      { id: "twin", category: "kota", score: 75.78 },
      { id: "last", category: "kota", score: 60 },
      { id: "sambas", category: "kabupaten", score: 70 },
      { id: "unscored", category: "kabupaten", score: null },
    ]);
    expect(ranks.get("surabaya")).toEqual({ rank: 1, categoryCount: 5 });
    expect(ranks.get("pontianak")).toEqual({ rank: 2, categoryCount: 5 });
    expect(ranks.get("singkawang")).toEqual({ rank: 3, categoryCount: 5 });
    expect(ranks.get("twin")).toEqual({ rank: 3, categoryCount: 5 });
    expect(ranks.get("last")).toEqual({ rank: 5, categoryCount: 5 });
    // A kabupaten is not outranked by cities; an unscored locus counts but is not ranked.
    expect(ranks.get("sambas")).toEqual({ rank: 1, categoryCount: 2 });
    expect(ranks.get("unscored")).toEqual({ rank: null, categoryCount: 2 });
  });
});

describe("bandDistribution", () => {
  it("counts loci per band in the scheme's order, empty bands included, unscored last", () => {
    expect(bandDistribution([88, 87.99, 75.78, 75.78, 10, null], OPINI_2022)).toEqual([
      { category: "A", count: 1 },
      { category: "B", count: 1 },
      { category: "C", count: 2 },
      { category: "D", count: 0 },
      { category: "E", count: 1 },
      { category: null, count: 1 },
    ]);
    expect(bandDistribution([98.78, 68.34], ZONA_2021)).toEqual([
      { category: "Hijau", count: 1 },
      { category: "Kuning", count: 1 },
      { category: "Merah", count: 0 },
    ]);
  });
});
