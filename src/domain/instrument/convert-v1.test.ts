import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildAssessment,
  type Chooser,
  loadDefaultInstrument,
} from "../../../tests/fixtures/domain/full-assessment";
import {
  type AnswerValue,
  type AssessmentContent,
  computeDimensionScores,
  convertToV2,
  type IndicatorEntry,
  type Instrument,
  parseInstrument,
  serialiseInstrument,
} from "../index";

const v1 = loadDefaultInstrument();

function v2Of(instrument: Instrument): Instrument {
  const parsed = parseInstrument(JSON.parse(JSON.stringify(convertToV2(instrument))));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.instrument;
}
const v2 = v2Of(v1);

function choicesFor(entry: IndicatorEntry): AnswerValue[] {
  if (entry.scale.kind === "checklist") {
    const ids = (entry.indicator.subitems ?? []).map((s) => s.id);
    return [null, [], ids.slice(0, 1), ids.slice(0, 3), ids];
  }
  return [null, ...entry.scale.options.map((o) => o.code ?? o.value)];
}

const scenario = fc.record({
  products: fc.integer({ min: 0, max: 4 }),
  officials: fc.integer({ min: 0, max: 5 }),
  users: fc.integer({ min: 0, max: 6 }),
  picks: fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
});

type Scenario = { products: number; officials: number; users: number; picks: number[] };

function build(instrument: Instrument, s: Scenario): AssessmentContent {
  let i = 0;
  const choose: Chooser = (entry) => {
    const choices = choicesFor(entry);
    const pick = s.picks[i++ % s.picks.length] ?? 0;
    return choices[(pick + i) % choices.length] ?? null;
  };
  return buildAssessment(instrument, { ...s, choose });
}

describe("convertToV2", () => {
  it("gives a valid format-2 file with the same indicators, answer levels and dimension shares", () => {
    expect(v2.format).toBe(2);
    expect(v2.roles?.map((r) => [r.id, r.kind, r.quota, r.scope])).toEqual([
      ["official", "official", 4, "unit"],
      ["user", "user", 5, "unit"],
    ]);
    expect(v2.dimensions.map((d) => [d.id, d.weight])).toEqual(v1.dimensions.map((d) => [d.id, d.weight]));
    const levels = (i: Instrument) =>
      i.dimensions.flatMap((d) =>
        d.variables.flatMap((v) => v.indicators.map((x) => [x.id, x.level, x.media])),
      );
    expect(levels(v2)).toEqual(levels(v1));
  });

  it("scores every random assessment exactly as the format-1 instrument (to the last bit)", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const content = build(v1, s);
        const a = computeDimensionScores(v1, content);
        const b = computeDimensionScores(v2, content);
        expect(b.exactTotal).toBe(a.exactTotal);
        expect(b.total).toBe(a.total);
        expect(b.dimensions.map((d) => [d.id, d.value, d.points])).toEqual(
          a.dimensions.map((d) => [d.id, d.value, d.points]),
        );
      }),
      { seed: 2025, numRuns: 300 },
    );
  });

  it("round-trips through serialise → parse", () => {
    const again = parseInstrument(JSON.parse(JSON.stringify(serialiseInstrument(v2))));
    expect(again).toEqual({ ok: true, instrument: v2 });
    expect(serialiseInstrument(v2)).toEqual(convertToV2(v1));
  });

  it("refuses to convert a format-2 instrument", () => {
    expect(() => convertToV2(v2)).toThrow(/already format 2/);
  });
});
