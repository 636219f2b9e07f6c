import { describe, expect, it } from "vitest";
import {
  bestAnswer,
  buildAssessment,
  type Chooser,
  loadDefaultInstrument,
} from "../../../tests/fixtures/domain/full-assessment";
import { type AnswerValue, type AssessmentContent, unitShortfalls } from "../index";

const instrument = loadDefaultInstrument();

function contentWith(overrides: Record<string, AnswerValue>, notes: Record<string, string> = {}) {
  const choose: Chooser = (entry, key) => (key in overrides ? (overrides[key] ?? null) : bestAnswer(entry));
  const content = buildAssessment(instrument, { choose });
  return { ...content, notes: { ...content.notes, ...notes } } satisfies AssessmentContent;
}

describe("unitShortfalls", () => {
  it("a perfect unit lacks nothing", () => {
    expect(unitShortfalls(instrument, buildAssessment(instrument))).toEqual([]);
  });

  it("lists indicators below full marks in instrument order, with values, instances and notes", () => {
    const content = contentWith(
      { "OUT.01@user:u2": "experienced", "PGD.02": "no", "PR.01@product:p1#electronic": 0 },
      {
        "OUT.01@user:u2": "Menunggu tiga minggu.",
        "PGD.02": "Nomor tidak aktif saat diuji.",
        "PR.01@product:p1": "Situs web tidak memuat persyaratan.",
        "PR.02@product:p1": "   ",
        general: "Catatan umum",
      },
    );
    const found = unitShortfalls(instrument, content);
    expect(found.map((s) => s.indicatorId)).toEqual(["PR.01", "OUT.01", "PGD.02"]);
    const [pr01, out01, pgd02] = found;
    expect(pr01).toMatchObject({
      dimensionId: "PR",
      variableId: "PR.SP",
      level: "product",
      value: 0.75, // p1: mean(1, 0) = 0.5; p2: 1
      instances: [{ key: "PR.01@product:p1", value: 0.5 }],
      notes: [{ key: "PR.01@product:p1", text: "Situs web tidak memuat persyaratan." }],
    });
    expect(pr01?.question.id).toMatch(/^Informasi persyaratan/);
    expect(out01).toMatchObject({
      value: 0.8,
      instances: [{ key: "OUT.01@user:u2", value: 0 }],
      notes: [{ key: "OUT.01@user:u2", text: "Menunggu tiga minggu." }],
    });
    expect(pgd02).toMatchObject({ level: "unit", value: 0, notes: [{ key: "PGD.02" }] });
  });

  it("partial credit and checklists count; na and unanswered items are not shortfalls", () => {
    const content = contentWith({
      "PR.08": "partial",
      "PR.09": "na",
      "PR.10": null,
      "IN.SP.08": ["IN.SP.08.a", "IN.SP.08.b", "IN.SP.08.g"],
    });
    const found = unitShortfalls(instrument, content);
    expect(found.map((s) => [s.indicatorId, s.value])).toEqual([
      ["IN.SP.08", 3 / 7],
      ["PR.08", 0.5],
    ]);
  });

  it("lists an unanswered instance of an indicator that is short elsewhere, with a null value", () => {
    const found = unitShortfalls(
      instrument,
      contentWith({ "OUT.02@user:u1": "experienced", "OUT.02@user:u3": "no_answer" }),
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      indicatorId: "OUT.02",
      value: 0.75,
      instances: [
        { key: "OUT.02@user:u1", value: 0 },
        { key: "OUT.02@user:u3", value: null },
      ],
    });
  });
});
