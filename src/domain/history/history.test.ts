import { describe, expect, it } from "vitest";
import { BUILTIN_SCHEMES } from "../banding/builtin";
import { parseHistoryRow } from "./history-row";
import { predicateFor } from "./predicate";
import { bestAndWorst, dimensionChanges, markTrend } from "./trend";

const scheme = (id: string) => BUILTIN_SCHEMES[id];

describe("published figures read with their own scheme", () => {
  it("Singkawang 68.34 in 2021 (zona-2021) is Kuning", () => {
    const p = predicateFor(68.34, scheme("zona-2021")!);
    expect(p).toMatchObject({ category: "Kuning", zone: "Kuning", label: "Kepatuhan Sedang" });
    expect(p?.words).toBe("Zona Kuning – Kepatuhan Sedang");
  });
  it("Singkawang 75.78 in 2022 (opini-2022) is C / Kualitas Sedang, still zona kuning", () => {
    const p = predicateFor(75.78, scheme("opini-2022")!);
    expect(p).toMatchObject({ category: "C", label: "Kualitas Sedang", zone: "Kuning" });
    expect(p?.words).toBe("C – Kualitas Sedang (Zona Kuning)");
  });
  it("Pontianak 98.78 in 2021 is Hijau", () => {
    expect(predicateFor(98.78, scheme("zona-2021")!)?.zone).toBe("Hijau");
  });
  it("Gorontalo 76.82 in 2025 (opini-2025) is C / Kualitas Sedang, with no zone", () => {
    const p = predicateFor(76.82, scheme("opini-2025")!);
    expect(p).toMatchObject({ category: "C", label: "Kualitas Sedang", zone: null });
    expect(p?.words).toBe("C – Kualitas Sedang");
    // The 2025 band edges as published: 88.49 Tertinggi, 87.85 below it; 57.61 Sedang, 53.38 Rendah.
    expect(predicateFor(88.49, scheme("opini-2025")!)?.label).toBe("Kualitas Tertinggi");
    expect(predicateFor(87.85, scheme("opini-2025")!)?.label).toBe("Kualitas Tinggi");
    expect(predicateFor(57.61, scheme("opini-2025")!)?.label).toBe("Kualitas Sedang");
    expect(predicateFor(53.38, scheme("opini-2025")!)?.label).toBe("Kualitas Rendah");
  });
});

describe("parseHistoryRow", () => {
  it("reads a published row, derives the predicate and keeps the published rank", () => {
    const r = parseHistoryRow(
      {
        tahun: "2021",
        kode_lokus: "61.71",
        nama: "Kota Pontianak",
        nilai: "98,78",
        skema: "zona-2021",
        kategori_terbit: "Zona Hijau",
        peringkat: "2",
      },
      scheme,
    );
    expect(r).toMatchObject({
      ok: true,
      row: {
        year: 2021,
        locusCode: "61.71",
        score: 98.78,
        schemeId: "zona-2021",
        publishedCategory: "Zona Hijau",
        publishedRank: 2,
      },
      predicate: { category: "Hijau" },
      warnings: [],
    });
  });
  it("reports (does not overwrite) a published category that disagrees", () => {
    const r = parseHistoryRow(
      {
        tahun: 2022,
        kode_lokus: "61.72",
        nama: "Kota Singkawang",
        nilai: 75.78,
        skema: "opini-2022",
        kategori_terbit: "B",
      },
      scheme,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.row.publishedCategory).toBe("B");
    expect(r.predicate.category).toBe("C");
    expect(r.warnings).toEqual([{ column: "kategori_terbit", message: expect.stringMatching(/berbeda/) }]);
  });
  it("accepts a category written as the opini label", () => {
    const r = parseHistoryRow(
      {
        tahun: 2022,
        kode_lokus: "x",
        nama: "X",
        nilai: 75.78,
        skema: "opini-2022",
        kategori_terbit: "kualitas sedang",
      },
      scheme,
    );
    expect(r.ok && r.warnings).toEqual([]);
  });
  it("names every bad column: unknown scheme, score out of range, year, rank", () => {
    const r = parseHistoryRow(
      { tahun: "21", kode_lokus: "", nama: "X", nilai: "101", skema: "opini-2099", peringkat: "0" },
      scheme,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.column).sort()).toEqual([
      "kode_lokus",
      "nilai",
      "peringkat",
      "skema",
      "tahun",
    ]);
    expect(r.errors.find((e) => e.column === "skema")?.message).toMatch(/opini-2099.*tidak dikenal/);
  });
});

describe("trend", () => {
  it("never compares scores across methods", () => {
    const marked = markTrend([
      { year: 2022, score: 75.78, schemeId: "opini-2022", instrumentId: null },
      { year: 2021, score: 68.34, schemeId: "zona-2021", instrumentId: null },
      { year: 2023, score: 80.5, schemeId: "opini-2022", instrumentId: "ori-kepatuhan" },
    ]);
    expect(marked.map((m) => [m.point.year, m.methodChanged, m.delta])).toEqual([
      [2021, false, null],
      [2022, true, null],
      [2023, false, 4.72],
    ]);
  });
  it("compares a unit's dimensions only under one instrument", () => {
    const a = {
      instrumentId: "i",
      dimensions: [
        { id: "IN", points: 10 },
        { id: "PR", points: 20 },
      ],
    };
    const b = {
      instrumentId: "i",
      dimensions: [
        { id: "IN", points: 12.5 },
        { id: "PR", points: 18 },
      ],
    };
    expect(dimensionChanges(a, b)).toEqual([
      { id: "IN", before: 10, after: 12.5, change: 2.5 },
      { id: "PR", before: 20, after: 18, change: -2 },
    ]);
    expect(dimensionChanges(a, { ...b, instrumentId: "j" })).toBeNull();
  });
  it("finds the best and worst unit", () => {
    expect(
      bestAndWorst([
        { name: "A", score: 60 },
        { name: "B", score: null },
        { name: "C", score: 90 },
      ]),
    ).toEqual({ best: { name: "C", score: 90 }, worst: { name: "A", score: 60 } });
  });
});
