import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildAssessment,
  type Chooser,
  loadDefaultInstrument,
  slotKeys,
} from "../../../tests/fixtures/domain/full-assessment";
import type { AnswerValue, AssessmentContent, IndicatorEntry } from "../index";
import { scoreAssessment } from "../index";

const instrument = loadDefaultInstrument();

/** Every answer a slot can hold, including "not answered". */
function choicesFor(entry: IndicatorEntry): AnswerValue[] {
  if (entry.scale.kind === "checklist") {
    const ids = (entry.indicator.subitems ?? []).map((s) => s.id);
    return [null, [], ids.slice(0, 1), ids.slice(0, 3), ids.slice(1, 5), ids];
  }
  return [null, ...entry.scale.options.map((o) => o.code ?? o.value)];
}

const scenario = fc.record({
  products: fc.integer({ min: 0, max: 4 }),
  officials: fc.integer({ min: 0, max: 5 }),
  users: fc.integer({ min: 0, max: 6 }),
  picks: fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
});

function build(s: {
  products: number;
  officials: number;
  users: number;
  picks: number[];
}): AssessmentContent {
  let i = 0;
  const choose: Chooser = (entry) => {
    const choices = choicesFor(entry);
    const pick = s.picks[i++ % s.picks.length] ?? 0;
    return choices[(pick + i) % choices.length] ?? null;
  };
  return buildAssessment(instrument, { ...s, choose });
}

const RUNS = { seed: 20260801, numRuns: 200 };

describe("scoring properties", () => {
  it("the unit score is always within [0, 100] and no dimension exceeds its weight", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const result = scoreAssessment(instrument, build(s));
        expect(result.total).toBeGreaterThanOrEqual(0);
        expect(result.total).toBeLessThanOrEqual(100);
        for (const d of result.dimensions) {
          expect(d.exactPoints).toBeGreaterThanOrEqual(0);
          expect(d.exactPoints).toBeLessThanOrEqual(d.weight);
          expect(d.points).toBeLessThanOrEqual(d.weight);
        }
      }),
      RUNS,
    );
  });

  it("raising any single answer never lowers the score", () => {
    fc.assert(
      fc.property(scenario, fc.nat(), (s, which) => {
        const content = build(s);
        const slots = slotKeys(instrument, content);
        // Find a slot holding a scored value that can still go up.
        for (let k = 0; k < slots.length; k++) {
          const slot = slots[(which + k) % slots.length];
          if (slot === undefined) continue;
          const current = content.answers[slot.key];
          const before = slot.entry.interpret(current);
          if (before.status !== "scored") continue;
          const higher = choicesFor(slot.entry).find((c) => {
            const m = slot.entry.interpret(c);
            return m.status === "scored" && m.value > before.value;
          });
          if (higher === undefined) continue;
          const raised = { ...content, answers: { ...content.answers, [slot.key]: higher } };
          const a = scoreAssessment(instrument, content);
          const b = scoreAssessment(instrument, raised);
          expect(b.total).toBeGreaterThanOrEqual(a.total);
          expect(b.exactTotal).toBeGreaterThan(a.exactTotal);
          return;
        }
      }),
      RUNS,
    );
  });

  it("the order of products and respondents does not change the score", () => {
    fc.assert(
      fc.property(scenario, fc.nat(), (s, rotate) => {
        const content = build(s);
        const rot = <T>(xs: readonly T[]): T[] =>
          xs.map((_, i) => xs[(i + rotate) % xs.length] as T).reverse();
        const shuffled = {
          ...content,
          products: rot(content.products),
          respondents: rot(content.respondents),
        };
        const a = scoreAssessment(instrument, content);
        const b = scoreAssessment(instrument, shuffled);
        expect(b.exactTotal).toBe(a.exactTotal);
        expect(b.total).toBe(a.total);
        expect(b.dimensions).toEqual(a.dimensions);
      }),
      RUNS,
    );
  });
});
