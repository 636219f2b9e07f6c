import { describe, expect, it } from "vitest";
import { findBadText, textProblem } from "./clean-text";

describe("the text rule", () => {
  it("accepts ordinary and non-Latin text, emoji included", () => {
    expect(textProblem("Puskesmas Pontianak Timur")).toBeNull();
    expect(textProblem("\u0635\u0644\u0627\u0629 👩‍👩‍👧‍👦 😀")).toBeNull();
  });

  it("refuses NUL and unpaired surrogates, high or low", () => {
    expect(textProblem("a\u0000b")).toBe("nul");
    expect(textProblem("broken \ud83d")).toBe("lone_surrogate");
    expect(textProblem("\ude00 tail")).toBe("lone_surrogate");
  });

  it("names the path of the first bad field, keys included", () => {
    const body = { clientId: "x", mutations: [{ args: { text: "ok" } }, { args: { text: "bad \ud83d" } }] };
    expect(findBadText(body)).toEqual({
      path: "mutations.1.args.text",
      reason: "lone_surrogate",
      inKey: false,
    });
    expect(findBadText({ profile: { "k\u0000": 1 } })).toEqual({
      path: "profile.<key>",
      reason: "nul",
      inKey: true,
    });
    expect(findBadText({ a: [1, null, true, { b: "fine" }] })).toBeNull();
  });

  it("walks very deep values without overflowing the stack", () => {
    let deep: unknown = "\u0000";
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findBadText(deep)?.reason).toBe("nul");
  });
});
