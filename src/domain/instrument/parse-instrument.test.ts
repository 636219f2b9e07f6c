import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultInstrumentJson } from "../../../tests/fixtures/domain/full-assessment";
import { at, DELETE, edited } from "../../../tests/fixtures/domain/json-edit";
import {
  indicatorById,
  instrumentKey,
  orderedIndicators,
  parseInstrument,
  requiredCount,
  serialiseInstrument,
} from "../index";

const raw = (): unknown => defaultInstrumentJson();

describe("the default instrument", () => {
  const parsed = parseInstrument(raw());

  it("loads unchanged", () => {
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { instrument } = parsed;
    expect(instrumentKey(instrument.id, instrument.version)).toBe("ori-kepatuhan-2023@1");
    expect(instrument.dimensions.map((d) => [d.id, d.weight])).toEqual([
      ["IN", 21.85],
      ["PR", 32.37],
      ["OUT", 24.24],
      ["PGD", 21.54],
    ]);
    const counts: Record<string, number> = {};
    for (const e of orderedIndicators(instrument))
      counts[e.indicator.level] = (counts[e.indicator.level] ?? 0) + 1;
    expect(counts).toEqual({ official: 6, unit: 25, product: 5, user: 5 });
    expect(requiredCount(instrument, "product")).toBe(2);
    expect(requiredCount(instrument, "official")).toBe(4);
    expect(requiredCount(instrument, "user")).toBe(5);
  });

  it("indexes indicators by id with their dimension and variable", () => {
    if (!parsed.ok) throw new Error("no parse");
    const entry = indicatorById(parsed.instrument, "PGD.02");
    expect(entry?.dimension.id).toBe("PGD");
    expect(entry?.variable.id).toBe("PGD.PP");
    expect(entry?.indicator.noteRequiredWhen).toEqual(["no"]);
    expect(indicatorById(parsed.instrument, "constructor")).toBeUndefined();
    expect(orderedIndicators(parsed.instrument)[0]?.indicator.id).toBe("IN.KP.01");
    expect(orderedIndicators(parsed.instrument).at(-1)?.indicator.id).toBe("PGD.08");
  });

  it("is frozen, so the cached index can never go stale", () => {
    if (!parsed.ok) throw new Error("no parse");
    expect(Object.isFrozen(parsed.instrument)).toBe(true);
    expect(Object.isFrozen(parsed.instrument.dimensions[0]?.variables[0]?.indicators[0])).toBe(true);
  });

  it("serialises back to the very file", () => {
    if (!parsed.ok) throw new Error("no parse");
    expect(JSON.parse(JSON.stringify(serialiseInstrument(parsed.instrument)))).toEqual(raw());
  });
});

type BadFile = [name: string, edit: string, value: unknown, path: string, message: RegExp];

const I = "$.dimensions[0].variables[0].indicators[0]";
const PR01 = "$.dimensions[1].variables[0].indicators[0]";
const PGD02 = "$.dimensions[3].variables[0].indicators[1]";
const SP08 = "$.dimensions[0].variables[1].indicators[7]";

const BAD_FILES: BadFile[] = [
  [
    "dimension weights not summing to 100",
    "$.dimensions[0].weight",
    20,
    "$.dimensions",
    /sum to 100, but they sum to 98\.15/,
  ],
  ["a zero weight", `${PR01}.weight`, 0, `${PR01}.weight`, /greater than 0/],
  [
    "a negative variable weight",
    "$.dimensions[0].variables[1].weight",
    -50,
    "$.dimensions[0].variables[1].weight",
    /greater than 0/,
  ],
  [
    "duplicate indicator id",
    "$.dimensions[1].variables[0].indicators[3].id",
    "IN.KP.01",
    "$.dimensions[1].variables[0].indicators[3].id",
    /duplicate id "IN.KP.01" \(already used at \$\.dimensions\[0\]\.variables\[0\]\.indicators\[0\]\.id\)/,
  ],
  ["duplicate dimension id", "$.dimensions[3].id", "IN", "$.dimensions[3].id", /duplicate id "IN"/],
  [
    "duplicate sub-item id",
    "$.dimensions[0].variables[1].indicators[8].subitems[1].id",
    "IN.SP.08.a",
    "$.dimensions[0].variables[1].indicators[8].subitems[1].id",
    /duplicate id/,
  ],
  [
    "unknown answer type",
    `${PR01}.answer`,
    "scale_0_5",
    `${PR01}.answer`,
    /unknown answer type "scale_0_5" \(the instrument's scales are: scale_0_3, yes_partial_no/,
  ],
  [
    "unknown level",
    "$.dimensions[2].variables[0].indicators[0].level",
    "citizen",
    "$.dimensions[2].variables[0].indicators[0].level",
    /unknown level the string "citizen"/,
  ],
  [
    "a missing level",
    "$.dimensions[2].variables[0].indicators[0].level",
    DELETE,
    "$.dimensions[2].variables[0].indicators[0].level",
    /level is missing \(one of: unit, product, official, user\)/,
  ],
  [
    "level not defined",
    "$.levels.user",
    DELETE,
    "$.dimensions[2].variables[0].indicators[0].level",
    /not defined in \$\.levels/,
  ],
  ["missing Indonesian label", "$.dimensions[0].name", { en: "Input" }, "$.dimensions[0].name.id", /missing/],
  ["missing question", `${I}.question`, DELETE, `${I}.question`, /missing/],
  [
    "sub-items on a non-checklist",
    `${I}.subitems`,
    [{ id: "x", label: { id: "x" } }],
    `${I}.subitems`,
    /only allowed on checklist/,
  ],
  ["a checklist without sub-items", `${SP08}.subitems`, DELETE, `${SP08}.subitems`, /needs subitems/],
  ["empty dimensions", "$.dimensions", [], "$.dimensions", /at least one dimension/],
  ["empty variables", "$.dimensions[0].variables", [], "$.dimensions[0].variables", /must not be empty/],
  [
    "empty indicators",
    "$.dimensions[3].variables[0].indicators",
    [],
    "$.dimensions[3].variables[0].indicators",
    /must not be empty/,
  ],
  ["bad media value", `${PR01}.media`, ["physical", "tv"], `${PR01}.media[1]`, /physical or electronic/],
  ["duplicate media", `${PR01}.media`, ["physical", "physical"], `${PR01}.media[1]`, /listed twice/],
  [
    "bad evidence value",
    `${I}.evidence`,
    "video",
    `${I}.evidence`,
    /none, optional, document, photo_required/,
  ],
  [
    "noteRequiredWhen naming an unknown code",
    `${PGD02}.noteRequiredWhen`,
    "tidak",
    `${PGD02}.noteRequiredWhen`,
    /not in the scale/,
  ],
  [
    "noteRequiredWhen on a checklist",
    `${SP08}.noteRequiredWhen`,
    "yes",
    `${SP08}.noteRequiredWhen`,
    /not supported on checklist/,
  ],
  ["version as a string", "$.version", "1", "$.version", /whole number/],
  [
    "weights as strings",
    "$.dimensions[0].weight",
    "21.85",
    "$.dimensions[0].weight",
    /finite number, not the string/,
  ],
  [
    "an unknown (misspelt) field",
    `${PGD02}.noteRequiredWhn`,
    "no",
    `${PGD02}.noteRequiredWhn`,
    /unknown field/,
  ],
  [
    "an option value above max",
    "$.scales.scale_0_3.options[3].value",
    4,
    "$.scales.scale_0_3.options[3].value",
    /between 0 and the scale max 3/,
  ],
  [
    "a coded option without code",
    "$.scales.yes_partial_no.options[1].code",
    DELETE,
    "$.scales.yes_partial_no.options[1].code",
    /needs a code/,
  ],
  ["an id unusable in answer keys", `${I}.id`, "IN KP#01", `${I}.id`, /not a valid id/],
  ["dimensions not an array", "$.dimensions", { IN: {} }, "$.dimensions", /must be an array, not an object/],
  [
    "a negative product minimum",
    "$.levels.product.min",
    -2,
    "$.levels.product.min",
    /whole number from 0 to 1000/,
  ],
  ["a title without Indonesian text", "$.title.id", "  ", "$.title.id", /must not be empty/],
];

describe("bad instrument files", () => {
  it.each(BAD_FILES)("rejects %s with a clear error", (_name, edit, value, path, message) => {
    const result = parseInstrument(edited(raw(), edit, value));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it.each([null, undefined, [], "instrument", 42, true, { id: {} }, { dimensions: [[[[null]]]] }])(
    "rejects %j without throwing",
    (input) => {
      const result = parseInstrument(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
    },
  );

  it("survives a cyclic object and a throwing getter", () => {
    const cyclic = raw();
    const question = at(cyclic, "$.dimensions[0].variables[0].indicators[0].question");
    if (typeof question === "object" && question !== null) Object.assign(question, { self: cyclic });
    const result0 = parseInstrument(cyclic);
    expect(result0.ok).toBe(false);
    if (!result0.ok)
      expect(result0.errors[0]?.path).toBe("$.dimensions[0].variables[0].indicators[0].question.self");
    const hostile = Object.defineProperty({}, "id", {
      enumerable: true,
      get: () => {
        throw new Error("boom");
      },
    });
    const result = parseInstrument(hostile);
    expect(result.ok).toBe(false);
  });

  it("caps the error list on huge garbage", () => {
    const result = parseInstrument(
      edited(
        raw(),
        "$.dimensions",
        Array.from({ length: 5000 }, () => 7),
      ),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.length).toBe(101);
      expect(result.errors.at(-1)?.message).toMatch(/more errors/);
    }
  });

  it("never throws on arbitrary values", () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 6 }), (value) => {
        expect(parseInstrument(value).ok).toBe(false);
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it("never throws when any node of the default file is replaced by garbage", () => {
    const paths: (string | number)[][] = [];
    const walk = (node: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(node)) for (const [i, v] of node.entries()) walk(v, [...path, i]);
      else if (node !== null && typeof node === "object")
        for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
    };
    walk(raw(), []);
    fc.assert(
      fc.property(
        fc.constantFrom(...paths.filter((p) => p.length > 0)),
        fc.anything({ maxDepth: 3 }),
        (path, garbage) => {
          const result = parseInstrument(edited(raw(), path, garbage));
          if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
        },
      ),
      { seed: 11, numRuns: 1000 },
    );
    // 1,000 parses of the whole default file: about a second alone, several on a loaded 2-core box.
  }, 30_000);
});
