import { describe, expect, it } from "vitest";
import {
  BUILTIN_SCHEMES,
  bandFor,
  OPINI_2025,
  parseBandingScheme,
  pemdaScore,
  qualifierGranted,
  rollUpPemda,
  type UnitResult,
} from "../index";

const unit = (unitId: string, score: number): UnitResult => ({
  unitId,
  name: unitId,
  score,
  dimensions: [],
  status: "approved",
});

// Pemprov Gorontalo 2025 (methodology §7): units 68.79, 77.55, 84.11 → 76.82, "Kualitas Sedang Tanpa
// Maladministrasi".
const gorontalo = {
  pemdaId: "gorontalo",
  name: "Pemprov Gorontalo",
  units: [unit("a", 68.79), unit("b", 77.55), unit("c", 84.11)],
};

describe("opini-2025", () => {
  it("is resolvable by id like the other built-ins", () => {
    expect(BUILTIN_SCHEMES["opini-2025"]).toBe(OPINI_2025);
    expect(OPINI_2025.provenance).toMatch(/^inferred/);
    expect(OPINI_2025.bands.every((b) => b.provenance === "inferred" && b.zone === undefined)).toBe(true);
  });

  it.each([
    [88.49, "A", "Kualitas Tertinggi"],
    [87.85, "B", "Kualitas Tinggi"],
    [57.61, "C", "Kualitas Sedang"],
    [53.38, "D", "Kualitas Rendah"],
    [76.82, "C", "Kualitas Sedang"],
  ])("published 2025 score %d → %s %s", (score, category, label) => {
    const band = bandFor(score, OPINI_2025);
    expect(band?.category).toBe(category);
    expect(band?.label.id).toBe(label);
  });

  it("Gorontalo 2025: 68.79, 77.55, 84.11 → 76.82 Kualitas Sedang Tanpa Maladministrasi when every follow-up is complete", () => {
    expect(pemdaScore([68.79, 77.55, 84.11])).toBe(76.82);
    const result = rollUpPemda(
      { ...gorontalo, followUps: [{ state: "full" }, { state: "full" }] },
      OPINI_2025,
    );
    expect(result.score).toBe(76.82);
    expect(result.final).toBe(true);
    expect(result.band).toEqual({
      category: "C",
      label: "Kualitas Sedang",
      zone: null,
      qualifier: "Tanpa Maladministrasi",
      qualifierDecided: true,
      predicate: "Kualitas Sedang Tanpa Maladministrasi",
    });
  });

  it("without the qualifier when a follow-up is partial, and undecided while none is recorded", () => {
    const partial = rollUpPemda(
      { ...gorontalo, followUps: [{ state: "full" }, { state: "partial" }] },
      OPINI_2025,
    );
    expect(partial.band).toMatchObject({
      qualifier: null,
      qualifierDecided: true,
      predicate: "Kualitas Sedang",
    });
    const unrecorded = rollUpPemda(gorontalo, OPINI_2025);
    expect(unrecorded.band).toMatchObject({
      qualifier: null,
      qualifierDecided: false,
      predicate: "Kualitas Sedang",
    });
    expect(partial.score).toBe(76.82);
  });

  it("the qualifier rules", () => {
    expect(qualifierGranted("all_full", null)).toBeNull();
    expect(qualifierGranted("all_full", [])).toBe(true);
    expect(qualifierGranted("all_full", [{ state: "partial" }])).toBe(false);
    expect(qualifierGranted("none_ignored", [{ state: "partial" }])).toBe(true);
    expect(qualifierGranted("none_ignored", [{ state: "none" }, { state: "full" }])).toBe(false);
  });

  it("parses schemes without zones, with unit labels and a qualifier; refuses half-zoned ones", () => {
    expect(parseBandingScheme(JSON.parse(JSON.stringify(OPINI_2025)))).toEqual({
      ok: true,
      scheme: OPINI_2025,
    });
    const half = JSON.parse(JSON.stringify(OPINI_2025));
    half.bands[0].zone = { label: { id: "Hijau" }, colour: "hijau" };
    expect(parseBandingScheme(half)).toMatchObject({ ok: false, errors: [{ path: "$.bands" }] });
    const badRule = {
      ...JSON.parse(JSON.stringify(OPINI_2025)),
      qualifier: { label: { id: "X" }, rule: "most" },
    };
    expect(parseBandingScheme(badRule)).toMatchObject({ ok: false, errors: [{ path: "$.qualifier.rule" }] });
  });
});
