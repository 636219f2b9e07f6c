import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bestAnswer,
  buildAssessment,
  type Chooser,
  loadDefaultInstrument,
} from "../../../tests/fixtures/domain/full-assessment";
import {
  type AnswerValue,
  type AssessmentContent,
  type AssessmentStatus,
  OPINI_2022,
  rollUpPemda,
  rollUpResults,
  scoreAssessment,
  scoreUnit,
  type UnitResult,
  type UnitResultStatus,
  ZONA_2021,
} from "../index";

const instrument = loadDefaultInstrument();

function unit(score: number | null, status: UnitResultStatus = "approved", n = 0): UnitResult {
  return { unitId: `u${n}`, name: `Unit ${n}`, score, dimensions: [], status };
}

// Published check (methodology.md §3.7): Maluku Tenggara 2023.
const MALUKU_TENGGARA = [49.85, 52.86, 55.09, 59.85, 62.06, 71.08, 74.82];

function pemda(units: UnitResult[]) {
  return { pemdaId: "8101", name: "Kabupaten Maluku Tenggara", units };
}

describe("rollUpPemda (unit scores injected)", () => {
  it("Maluku Tenggara 2023: seven approved units → 60.80, C, Kuning, final", () => {
    const result = rollUpPemda(pemda(MALUKU_TENGGARA.map((s, i) => unit(s, "approved", i))), OPINI_2022);
    expect(result.score).toBe(60.8);
    expect(result.band).toEqual({ category: "C", label: "Kualitas Sedang", zone: "Kuning" });
    expect(result.final).toBe(true);
    expect(result.units).toHaveLength(7);
  });

  it.each<AssessmentStatus>(["submitted", "returned", "draft"])(
    "one unit %s: provisional, and its score stays out of the mean",
    (status) => {
      const units = MALUKU_TENGGARA.map((s, i) => unit(s, i === 6 ? status : "approved", i));
      const result = rollUpPemda(pemda(units), OPINI_2022);
      expect(result.final).toBe(false);
      expect(result.score).toBe(58.47); // (425.61 − 74.82) / 6 = 58.465 → half-up
      expect(result.band?.category).toBe("C");
      expect(result.units[6]).toMatchObject({ score: 74.82, status });
    },
  );

  it("a sampled unit not started yet keeps the result provisional", () => {
    const units = [...MALUKU_TENGGARA.map((s, i) => unit(s, "approved", i)), unit(null, "not_started", 7)];
    const result = rollUpPemda(pemda(units), OPINI_2022);
    expect(result.score).toBe(60.8);
    expect(result.final).toBe(false);
  });

  it("no approved unit: score and band null, not final", () => {
    const result = rollUpPemda(
      pemda([unit(90, "submitted", 1), unit(80, "returned", 2), unit(null, "not_started", 3)]),
      OPINI_2022,
    );
    expect(result).toMatchObject({ score: null, band: null, final: false });
  });

  it("a pemda without sampled units is neither scored nor final", () => {
    expect(rollUpPemda(pemda([]), OPINI_2022)).toMatchObject({ score: null, band: null, final: false });
  });

  it("bands with the given scheme: Singkawang 2021 (68.34) is Kuning in zona-2021", () => {
    const result = rollUpPemda(pemda([unit(68.34)]), ZONA_2021);
    expect(result.band).toEqual({ category: "Kuning", label: "Kepatuhan Sedang", zone: "Kuning" });
  });

  it("bands the rounded mean: 87.995 rounds to 88.00 and is A, not B", () => {
    const result = rollUpPemda(pemda([unit(87.99, "approved", 1), unit(88, "approved", 2)]), OPINI_2022);
    expect(result.score).toBe(88);
    expect(result.band?.category).toBe("A");
  });

  it("the pemda score lies between its approved units' lowest and highest score", () => {
    const score = fc.integer({ min: 0, max: 10000 }).map((n) => n / 100);
    fc.assert(
      fc.property(fc.array(score, { minLength: 1, maxLength: 9 }), (scores) => {
        const result = rollUpPemda(pemda(scores.map((s, i) => unit(s, "approved", i))), OPINI_2022);
        expect(result.score).toBeGreaterThanOrEqual(Math.min(...scores));
        expect(result.score).toBeLessThanOrEqual(Math.max(...scores));
        expect(result.band).not.toBeNull();
      }),
      { seed: 20261123, numRuns: 300 },
    );
  });
});

function contentWith(overrides: Record<string, AnswerValue>): AssessmentContent {
  const choose: Chooser = (entry, key) => (key in overrides ? (overrides[key] ?? null) : bestAnswer(entry));
  return buildAssessment(instrument, { choose });
}

describe("rollUpResults (real assessments)", () => {
  const perfect = buildAssessment(instrument);
  const oneDelay = contentWith({ "OUT.01@user:u1": "experienced" }); // 99.03
  const officialsZero = contentWith({
    "IN.KP.01@official:o1": 0,
    "IN.KP.01@official:o2": 0,
    "IN.KP.01@official:o3": 0,
    "IN.KP.01@official:o4": 0,
  }); // 98.18

  const results = rollUpResults({
    scheme: OPINI_2022,
    instrument,
    pemda: [
      {
        pemdaId: "6171",
        name: "Kota Pontianak",
        units: [
          { unitId: "a", name: "Disdukcapil", assessment: { status: "approved", content: perfect } },
          { unitId: "b", name: "DPMPTSP", assessment: { status: "approved", content: oneDelay } },
          {
            unitId: "c",
            name: "Puskesmas Alianyang",
            assessment: { status: "returned", content: officialsZero },
          },
          { unitId: "d", name: "Puskesmas Gang Sehat" },
        ],
      },
      {
        pemdaId: "6172",
        name: "Kota Singkawang",
        units: [{ unitId: "e", name: "Dinsos", assessment: { status: "approved", content: officialsZero } }],
      },
    ],
  });

  it("produces the protocol's results shape", () => {
    const [pontianak, singkawang] = results.pemda;
    expect(pontianak).toEqual({
      pemdaId: "6171",
      name: "Kota Pontianak",
      score: 99.52, // (100 + 99.03) / 2 = 99.515 → half-up
      band: { category: "A", label: "Kualitas Tertinggi", zone: "Hijau" },
      final: false,
      units: [
        {
          unitId: "a",
          name: "Disdukcapil",
          score: 100,
          dimensions: [
            { id: "IN", points: 21.85 },
            { id: "PR", points: 32.37 },
            { id: "OUT", points: 24.24 },
            { id: "PGD", points: 21.54 },
          ],
          status: "approved",
        },
        expect.objectContaining({ unitId: "b", score: 99.03, status: "approved" }),
        expect.objectContaining({ unitId: "c", score: 98.18, status: "returned" }),
        { unitId: "d", name: "Puskesmas Gang Sehat", score: null, dimensions: [], status: "not_started" },
      ],
    });
    expect(singkawang).toMatchObject({ score: 98.18, final: true, band: { category: "A" } });
  });

  it("unit numbers are scoreAssessment's numbers", () => {
    for (const content of [perfect, oneDelay, officialsZero]) {
      const expected = scoreAssessment(instrument, content);
      const got = scoreUnit(instrument, { unitId: "x", name: "X", assessment: { status: "draft", content } });
      expect(got.score).toBe(expected.total);
      expect(got.dimensions).toEqual(expected.dimensions.map((d) => ({ id: d.id, points: d.points })));
    }
  });

  it("is plain JSON (what the endpoint sends and the exports read)", () => {
    expect(JSON.parse(JSON.stringify(results))).toEqual(results);
  });
});
