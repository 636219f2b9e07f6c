import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultInstrumentJson } from "../../../tests/fixtures/domain/full-assessment";
import { at, DELETE, edited } from "../../../tests/fixtures/domain/json-edit";
import { LEVEL_IDS, parseInstrument, serialiseInstrument } from "../index";

const base = defaultInstrumentJson();
const text = fc.record(
  {
    id: fc.string({ minLength: 1 }).filter((s) => s.trim() !== ""),
    en: fc.option(
      fc.string({ minLength: 1 }).filter((s) => s.trim() !== ""),
      { nil: undefined },
    ),
  },
  { requiredKeys: ["id"] },
);
const scaleName = fc.constantFrom("scale_0_3", "yes_partial_no", "maladmin_experience", "checklist");

const indicatorShape = fc.record({
  level: fc.constantFrom(...LEVEL_IDS),
  question: text,
  answer: scaleName,
  evidence: fc.option(fc.constantFrom("none", "optional", "document", "photo_required"), { nil: undefined }),
  weight: fc.double({ min: 0.1, max: 10, noNaN: true }),
  media: fc.option(fc.constantFrom(["physical"], ["electronic"], ["physical", "electronic"]), {
    nil: undefined,
  }),
  subitemCount: fc.integer({ min: 1, max: 4 }),
  note: fc.boolean(),
  provenance: fc.option(fc.constantFrom("sourced", "inferred"), { nil: undefined }),
});

/** A valid instrument of 1–4 dimensions whose weights are integers summing to 100. */
const instrumentJson = fc
  .array(fc.array(fc.array(indicatorShape, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }), {
    minLength: 1,
    maxLength: 4,
  })
  .chain((dims) =>
    fc.tuple(
      fc.constant(dims),
      fc.array(fc.integer({ min: 1, max: 40 }), { minLength: dims.length, maxLength: dims.length }),
    ),
  )
  .map(([dims, rawWeights]) => {
    const total = rawWeights.reduce((a, b) => a + b, 0);
    const weights = rawWeights.map((w) => Math.floor((w / total) * 100));
    weights[0] = (weights[0] ?? 0) + 100 - weights.reduce((a, b) => a + b, 0);
    return {
      id: "random",
      version: 3,
      title: { id: "Instrumen acak" },
      levels: at(base, "$.levels"),
      scales: at(base, "$.scales"),
      dimensions: dims.map((vars, d) => ({
        id: `D${d}`,
        name: { id: `Dimensi ${d}` },
        weight: weights[d],
        variables: vars.map((inds, v) => ({
          id: `D${d}.V${v}`,
          name: { id: `Variabel ${v}` },
          weight: 1 + v,
          indicators: inds.map((ind, i) => {
            const id = `D${d}.V${v}.I${i}`;
            const out: Record<string, unknown> = {
              id,
              level: ind.level,
              question: ind.question,
              answer: ind.answer,
              weight: ind.weight,
            };
            if (ind.evidence !== undefined) out.evidence = ind.evidence;
            if (ind.media !== undefined) out.media = ind.media;
            if (ind.provenance !== undefined) out.provenance = ind.provenance;
            if (ind.answer === "checklist") {
              out.subitems = Array.from({ length: ind.subitemCount }, (_, s) => ({
                id: `${id}.s${s}`,
                label: { id: `butir ${s}` },
              }));
            }
            if (ind.note && ind.answer === "yes_partial_no") out.noteRequiredWhen = ["no", "partial"];
            if (ind.note && ind.answer === "scale_0_3") out.noteRequiredWhen = 0;
            return out;
          }),
        })),
      })),
    };
  });

describe("instrument round trip", () => {
  it("parse → serialise → parse is the identity", () => {
    fc.assert(
      fc.property(instrumentJson, (json) => {
        const first = parseInstrument(json);
        if (!first.ok) throw new Error(JSON.stringify(first.errors));
        const again = parseInstrument(JSON.parse(JSON.stringify(serialiseInstrument(first.instrument))));
        expect(again).toEqual(first);
      }),
      { seed: 2026, numRuns: 200 },
    );
  });

  it("fills a missing evidence rule with none", () => {
    const json = edited(base, "$.dimensions[0].variables[0].indicators[0].evidence", DELETE);
    const parsed = parseInstrument(json);
    expect(parsed.ok && parsed.instrument.dimensions[0]?.variables[0]?.indicators[0]?.evidence).toBe("none");
  });

  it("keeps a custom checklist scale's kind", () => {
    const json = edited(
      edited(base, "$.scales.ceklis", { kind: "checklist" }),
      "$.dimensions[0].variables[1].indicators[7].answer",
      "ceklis",
    );
    const parsed = parseInstrument(json);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const out = serialiseInstrument(parsed.instrument);
    expect(at(out, "$.scales.ceklis")).toEqual({ kind: "checklist" });
    expect(parseInstrument(out)).toEqual(parsed);
  });
});
