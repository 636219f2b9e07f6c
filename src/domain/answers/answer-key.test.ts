import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadDefaultInstrument } from "../../../tests/fixtures/domain/full-assessment";
import {
  type AnswerKeyParts,
  buildAnswerKey,
  instanceKey,
  parseAnswerKey,
  validateAnswer,
  validateNoteKey,
} from "../index";

const P = "7b0c5a1e-2f43-4c55-9a7e-0d1f2e3a4b5c";

describe("parseAnswerKey", () => {
  it.each<[string, AnswerKeyParts]>([
    ["IN.SP.01", { indicatorId: "IN.SP.01", level: "unit", instanceId: null, part: null }],
    [
      `PR.01@product:${P}#electronic`,
      { indicatorId: "PR.01", level: "product", instanceId: P, part: "electronic" },
    ],
    [
      `PR.01@product:${P}#physical`,
      { indicatorId: "PR.01", level: "product", instanceId: P, part: "physical" },
    ],
    ["IN.KP.01@official:o-1", { indicatorId: "IN.KP.01", level: "official", instanceId: "o-1", part: null }],
    ["OUT.01@user:u_9", { indicatorId: "OUT.01", level: "user", instanceId: "u_9", part: null }],
    ["X#physical", { indicatorId: "X", level: "unit", instanceId: null, part: "physical" }],
  ])("parses %s", (key, parts) => {
    expect(parseAnswerKey(key)).toEqual({ ok: true, key: parts });
    expect(buildAnswerKey(parts)).toBe(key);
  });

  it.each([
    ["", /empty/],
    ["PR.01@unit:x", /unknown instance level "unit"/],
    ["PR.01@product", /must be @product:ID/],
    ["PR.01@product:", /not a valid product id/],
    ["PR.01#audio", /unknown media part "#audio"/],
    ["PR.01#physical#electronic", /unknown media part/],
    ["PR 01", /not a valid indicator id/],
    ["@product:x", /not a valid indicator id/],
    ["PR.01@product:a@b", /not a valid product id/],
    ["x".repeat(301), /longer than 300/],
  ])("rejects %j", (key, message) => {
    const result = parseAnswerKey(key);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("invalid_key");
      expect(result.error.message).toMatch(message);
    }
  });

  it("rejects non-strings", () => {
    for (const v of [null, 1, {}, ["PR.01"]]) expect(parseAnswerKey(v).ok).toBe(false);
  });

  it("build refuses impossible parts", () => {
    expect(() => buildAnswerKey({ indicatorId: "A", level: "unit", instanceId: "x" })).toThrow(TypeError);
    expect(() => buildAnswerKey({ indicatorId: "A", level: "user" })).toThrow(TypeError);
    expect(() => buildAnswerKey({ indicatorId: "A#b" })).toThrow(TypeError);
    expect(buildAnswerKey({ indicatorId: "A" })).toBe("A");
  });

  it("instanceKey drops the media part", () => {
    const parsed = parseAnswerKey(`PR.01@product:${P}#electronic`);
    expect(parsed.ok && instanceKey(parsed.key)).toBe(`PR.01@product:${P}`);
  });

  const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,20}$/);
  const parts = fc.oneof(
    fc.record({
      indicatorId: id,
      level: fc.constant("unit" as const),
      instanceId: fc.constant(null),
      part: fc.constantFrom(null, "physical" as const, "electronic" as const),
    }),
    fc.record({
      indicatorId: id,
      level: fc.constantFrom("product" as const, "official" as const, "user" as const),
      instanceId: id,
      part: fc.constantFrom(null, "physical" as const, "electronic" as const),
    }),
  );

  it("parse(build(parts)) is the identity", () => {
    fc.assert(
      fc.property(parts, (p) => {
        expect(parseAnswerKey(buildAnswerKey(p))).toEqual({ ok: true, key: p });
      }),
      { seed: 5, numRuns: 500 },
    );
  });

  it("build(parse(key)) gives back every key it accepts, and it never throws", () => {
    const keyish = fc.oneof(
      fc.string(),
      parts.map((p) => buildAnswerKey(p)),
      fc.stringMatching(/^[A-Za-z.@:#0-9]{0,30}$/),
    );
    fc.assert(
      fc.property(keyish, (key) => {
        const parsed = parseAnswerKey(key);
        if (parsed.ok) expect(buildAnswerKey(parsed.key)).toBe(key);
      }),
      { seed: 6, numRuns: 1000 },
    );
  });
});

describe("validateAnswer", () => {
  const instrument = loadDefaultInstrument();

  it.each<[string, unknown]>([
    ["IN.SP.01", 0],
    ["IN.SP.01", 3],
    ["IN.SP.01", null],
    ["PR.08", "partial"],
    ["PR.08", "na"],
    ["OUT.01@user:u1", "no_answer"],
    ["IN.KP.01@official:o1", 2],
    ["PR.01@product:p1#electronic", 1],
    ["IN.SP.08", ["IN.SP.08.a", "IN.SP.08.c"]],
    ["IN.SP.08", []],
  ])("accepts %s = %j", (key, value) => {
    expect(validateAnswer(instrument, key, value).ok).toBe(true);
  });

  it.each<[string, unknown, string, RegExp]>([
    ["NOPE.01", 1, "unknown_indicator", /not in ori-kepatuhan-2023 v1/],
    ["IN.KP.01", 1, "level_mismatch", /answered per official.*use "IN.KP.01@official:ID"/],
    ["IN.SP.01@product:p1", 1, "level_mismatch", /answered per unit/],
    ["IN.SP.01#physical", 1, "unexpected_media_part", /no media parts/],
    ["PR.01@product:p1", 1, "missing_media_part", /#physical or #electronic/],
    ["IN.SP.01", 4, "invalid_value", /not an option/],
    ["IN.SP.01", 1.5, "invalid_value", /not an option/],
    ["IN.SP.01", "3", "invalid_value", /not an option/],
    ["PR.08", 3, "invalid_value", /not an option of yes_partial_no/],
    ["PR.08", "maybe", "invalid_value", /not an option/],
    ["OUT.01@user:u1", "na", "invalid_value", /not an option of maladmin_experience/],
    ["IN.SP.08", ["IN.SP.08.a", "IN.SP.08.a"], "invalid_value", /ticked twice/],
    ["IN.SP.08", ["IN.SP.09.a"], "invalid_value", /not a sub-item of IN.SP.08/],
    ["IN.SP.08", "IN.SP.08.a", "invalid_value", /array of sub-item ids/],
    ["PR.01@product:p1#audio", 1, "invalid_key", /unknown media part/],
  ])("rejects %s = %j with %s", (key, value, code, message) => {
    const result = validateAnswer(instrument, key, value);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message).toMatch(message);
    }
  });

  it("returns the normalised value", () => {
    const r = validateAnswer(instrument, "PR.08", "partial");
    expect(r.ok && r.interpretation).toEqual({ status: "scored", value: 0.5 });
    const c = validateAnswer(instrument, "IN.SP.08", ["IN.SP.08.a"]);
    expect(c.ok && c.interpretation.status === "scored" && c.interpretation.value).toBeCloseTo(1 / 7, 12);
    const na = validateAnswer(instrument, "PR.08", "na");
    expect(na.ok && na.interpretation).toEqual({ status: "excluded" });
  });

  it("validates note keys", () => {
    expect(validateNoteKey(instrument, "general").ok).toBe(true);
    expect(validateNoteKey(instrument, "PGD.02").ok).toBe(true);
    expect(validateNoteKey(instrument, "PR.01@product:p1").ok).toBe(true);
    expect(validateNoteKey(instrument, "PR.01@product:p1#physical").ok).toBe(true);
    expect(validateNoteKey(instrument, "umum").ok).toBe(false);
    expect(validateNoteKey(instrument, "PGD.02@user:u1").ok).toBe(false);
  });
});
