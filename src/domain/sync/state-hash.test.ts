import { describe, expect, it } from "vitest";
import { canonicalJson, stateHash } from "./state-hash";

describe("stateHash", () => {
  it("ignores key order at every depth, as a state read back from jsonb has its keys reordered", () => {
    const a = {
      id: "x",
      answers: { "IN.SP.01": 3, "IN.SP.02": 1 },
      authors: { answers: { k: { by: "u", at: "t" } } },
    };
    const b = {
      authors: { answers: { k: { at: "t", by: "u" } } },
      answers: { "IN.SP.02": 1, "IN.SP.01": 3 },
      id: "x",
    };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(stateHash(a)).toBe(stateHash(b));
  });

  it("keeps array order and drops undefined members like JSON does", () => {
    expect(stateHash({ evidence: [1, 2] })).not.toBe(stateHash({ evidence: [2, 1] }));
    expect(stateHash({ a: 1, b: undefined })).toBe(stateHash({ a: 1 }));
    expect(canonicalJson({ s: 'a"b', n: null, t: true })).toBe(
      JSON.stringify({ n: null, s: 'a"b', t: true }),
    );
  });

  it("changes when any value changes, however small", () => {
    const base = { answers: { "IN.SP.01": 3 }, revision: 7, updatedAt: "2026-08-01T00:00:00.000Z" };
    const seen = new Set([stateHash(base)]);
    seen.add(stateHash({ ...base, revision: 8 }));
    seen.add(stateHash({ ...base, answers: { "IN.SP.01": 2 } }));
    seen.add(stateHash({ ...base, answers: { "IN.SP.01": "3" } }));
    seen.add(stateHash({ ...base, updatedAt: "2026-08-01T00:00:00.001Z" }));
    expect(seen.size).toBe(5);
    expect(stateHash(base)).toMatch(/^[0-9a-f]{28}$/);
  });
});
