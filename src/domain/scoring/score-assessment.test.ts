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
  type Instrument,
  OPINI_2022,
  parseInstrument,
  scoreAssessment,
  ZONA_2021,
} from "../index";

const instrument = loadDefaultInstrument();

/** Best answers everywhere except where `overrides` says otherwise. */
function assessmentWith(overrides: Record<string, AnswerValue>, products = 2): AssessmentContent {
  const choose: Chooser = (entry, key) => (key in overrides ? (overrides[key] ?? null) : bestAnswer(entry));
  return buildAssessment(instrument, { products, choose });
}

function points(content: AssessmentContent): Record<string, number> {
  return Object.fromEntries(scoreAssessment(instrument, content).dimensions.map((d) => [d.id, d.points]));
}

describe("scoreAssessment on the default instrument", () => {
  it("all best answers → 100, complete, band A", () => {
    const result = scoreAssessment(instrument, buildAssessment(instrument, { products: 4 }), OPINI_2022);
    expect(result.total).toBe(100);
    expect(result.complete).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.band?.category).toBe("A");
    expect(result.dimensions.map((d) => [d.id, d.weight, d.value, d.points])).toEqual([
      ["IN", 21.85, 1, 21.85],
      ["PR", 32.37, 1, 32.37],
      ["OUT", 24.24, 1, 24.24],
      ["PGD", 21.54, 1, 21.54],
    ]);
  });

  it("all worst answers → 0, band E / Merah", () => {
    const worst: Chooser = (entry) => {
      if (entry.scale.kind === "checklist") return [];
      const option = entry.scale.options.find((o) => o.value === 0);
      return option?.code ?? option?.value ?? null;
    };
    const result = scoreAssessment(instrument, buildAssessment(instrument, { choose: worst }), ZONA_2021);
    expect(result.total).toBe(0);
    expect(result.band?.category).toBe("Merah");
  });

  it("one user who experienced delay: OUT.01 = 4/5 → OUT 23.27, total 99.03", () => {
    const content = assessmentWith({ "OUT.01@user:u1": "experienced" });
    expect(points(content).OUT).toBe(23.27); // 24.24 × (0.8 + 4) / 5 = 23.2704
    expect(scoreAssessment(instrument, content).total).toBe(99.03);
  });

  it("officials all 0 on IN.KP.01: IN = (50 × 5/6 + 50) / 100 → 20.03, total 98.18", () => {
    const content = assessmentWith({
      "IN.KP.01@official:o1": 0,
      "IN.KP.01@official:o2": 0,
      "IN.KP.01@official:o3": 0,
      "IN.KP.01@official:o4": 0,
    });
    expect(points(content).IN).toBe(20.03); // 21.85 × 11/12 = 20.029166…
    expect(scoreAssessment(instrument, content).total).toBe(98.18);
  });

  it("media parts are averaged per instance, then over products", () => {
    // p1: physical 3, electronic 0 → 0.5; p2: 1 → PR.01 = 0.75; PR = (11 + 0.75) / 12
    const content = assessmentWith({ "PR.01@product:p1#electronic": 0 });
    expect(scoreAssessment(instrument, content).dimensions[1]?.exactPoints).toBeCloseTo(
      32.37 * (11.75 / 12),
      10,
    );
    expect(scoreAssessment(instrument, content).total).toBe(99.33); // 99.325625
  });

  it("a media part not answered yet is left out of the instance mean", () => {
    const content = assessmentWith({
      "PR.01@product:p1#electronic": null,
      "PR.01@product:p2#electronic": null,
    });
    const result = scoreAssessment(instrument, content);
    expect(result.total).toBe(100);
    expect(result.complete).toBe(false);
  });

  it("checklist value is ticked / all sub-items: 3 of 7 on IN.SP.08 → 99.38", () => {
    const content = assessmentWith({ "IN.SP.08": ["IN.SP.08.a", "IN.SP.08.b", "IN.SP.08.g"] });
    // IN.SP = (9 + 3/7) / 10; IN = (1 + IN.SP) / 2 → 21.85 × 0.971428… = 21.225714…
    expect(points(content).IN).toBe(21.23);
    expect(scoreAssessment(instrument, content).total).toBe(99.38); // 100 − 21.85 × (1 − 0.971428…)
  });

  it("na is excluded, not zero; partial counts half", () => {
    expect(scoreAssessment(instrument, assessmentWith({ "PR.08": "na" })).total).toBe(100);
    expect(scoreAssessment(instrument, assessmentWith({ "PR.08": "no" })).total).toBe(97.3); // 32.37 × 11/12
    expect(scoreAssessment(instrument, assessmentWith({ "PR.08": "partial" })).total).toBe(98.65); // 98.65125
  });

  it("no_answer is excluded from the user mean", () => {
    const content = assessmentWith({ "OUT.01@user:u1": "no_answer", "OUT.01@user:u2": "experienced" });
    expect(points(content).OUT).toBe(23.03); // OUT.01 = 3/4 → 24.24 × 4.75/5 = 23.028
  });

  it("a dimension whose answers are all excluded gives 0 points and is incomplete", () => {
    const overrides: Record<string, AnswerValue> = {};
    for (const ind of ["OUT.01", "OUT.02", "OUT.03", "OUT.04", "OUT.05"]) {
      for (const u of ["u1", "u2", "u3", "u4", "u5"]) overrides[`${ind}@user:${u}`] = "no_answer";
    }
    const result = scoreAssessment(instrument, assessmentWith(overrides));
    expect(result.dimensions[2]).toMatchObject({ id: "OUT", value: null, points: 0 });
    expect(result.total).toBe(75.76);
    expect(result.complete).toBe(false);
    expect(result.problems.map((p) => [p.code, p.dimensionId])).toEqual([["dimension_without_value", "OUT"]]);
  });

  it("ignores answers of products and respondents that no longer exist", () => {
    const content = assessmentWith({});
    const stale = {
      ...content,
      answers: { ...content.answers, "PR.01@product:gone#physical": 0, "OUT.01@user:gone": "experienced" },
    };
    expect(scoreAssessment(instrument, stale).total).toBe(100);
    const removed = { ...content, products: content.products.slice(1) };
    expect(scoreAssessment(instrument, removed).total).toBe(100);
  });

  it("an empty assessment scores 0", () => {
    const content: AssessmentContent = {
      instrumentId: instrument.id,
      instrumentVersion: 1,
      answers: {},
      notes: {},
      products: [],
      respondents: [],
      evidence: [],
    };
    const result = scoreAssessment(instrument, content);
    expect(result.total).toBe(0);
    expect(result.dimensions.every((d) => d.value === null)).toBe(true);
  });
});

describe("rounding once, at the end (methodology §3.6)", () => {
  /** One unit indicator per dimension on a 0..1 scale, so each dimension's points equal its weight. */
  function fiveDimensionInstrument(weights: number[]): Instrument {
    const parsed = parseInstrument({
      id: "rounding",
      version: 1,
      title: { id: "Uji pembulatan" },
      levels: { unit: { label: { id: "Unit" } } },
      scales: {
        on_off: {
          max: 1,
          options: [
            { value: 0, label: { id: "Tidak" } },
            { value: 1, label: { id: "Ya" } },
          ],
        },
      },
      dimensions: weights.map((weight, i) => ({
        id: `D${i}`,
        name: { id: `Dimensi ${i}` },
        weight,
        variables: [
          {
            id: `V${i}`,
            name: { id: "V" },
            weight: 1,
            indicators: [{ id: `I${i}`, level: "unit", question: { id: "?" }, answer: "on_off", weight: 1 }],
          },
        ],
      })),
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return parsed.instrument;
  }

  it("points 5.834 + 16.421 + 22.141 + 8.459 (= 52.855) give 52.86, not the 52.85 of the rounded points", () => {
    // The fifth dimension (value 0) only makes the weights sum to 100.
    const inst = fiveDimensionInstrument([5.834, 16.421, 22.141, 8.459, 47.145]);
    const content: AssessmentContent = {
      instrumentId: "rounding",
      instrumentVersion: 1,
      answers: { I0: 1, I1: 1, I2: 1, I3: 1, I4: 0 },
      notes: {},
      products: [],
      respondents: [],
      evidence: [],
    };
    const result = scoreAssessment(inst, content);
    expect(result.dimensions.map((d) => d.points)).toEqual([5.83, 16.42, 22.14, 8.46, 0]);
    expect(result.exactTotal).toBeCloseTo(52.855, 10);
    expect(result.total).toBe(52.86);
    const sumOfRoundedPoints = result.dimensions.reduce((s, d) => s + d.points, 0);
    expect(Number(sumOfRoundedPoints.toFixed(2))).toBe(52.85);
    expect(result.complete).toBe(true);
  });
});
