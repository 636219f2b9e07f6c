import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyMutation } from "../../domain/sync/apply";
import type { AssessmentState, Mutation } from "../../domain/sync/protocol";
import { createMutation, ctxFor, ids, mut } from "../../domain/sync/test-fixtures";
import { decodeCursor, encodeCursor } from "./cursor";
import { diffStates } from "./history-diff";

const A = ids.assessment;
const base = (() => {
  const r = applyMutation(undefined, createMutation(), ctxFor("A"));
  if (!r.ok) throw new Error(r.message);
  return r.state;
})();

describe("diffStates", () => {
  it("creation, answers, notes, products and conflicts each get an entry with old and new", () => {
    const steps: Mutation[] = [
      mut(2, "assessment.setAnswer", { assessmentId: A, key: "IN.SP.01", value: 1, previous: null }),
      mut(3, "assessment.putProduct", { assessmentId: A, product: { id: ids.product1, name: "KTP" } }),
    ];
    let s: AssessmentState = base;
    for (const m of steps) {
      const r = applyMutation(s, m, ctxFor("A"));
      if (!r.ok) throw new Error(r.message);
      s = r.state;
    }
    const r = applyMutation(
      s,
      mut(1, "assessment.setAnswer", { assessmentId: A, key: "IN.SP.01", value: 3, previous: null }),
      ctxFor("B"),
    );
    if (!r.ok) throw new Error(r.message);
    const entries = diffStates(s, r.state);
    expect(entries.map((e) => e.key)).toEqual(["answer:IN.SP.01", "conflict:answer:IN.SP.01"]);
    expect(entries[0]).toMatchObject({ old: 1, new: 3 });
    expect(diffStates(undefined, base).map((e) => e.key)).toEqual(["assessment", "status", "visit"]);
  });

  it("property: every answer value that changes or disappears is the old value of an entry", () => {
    const keys = ["IN.SP.01", "IN.SP.02", "PGD.01"];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...keys), fc.option(fc.integer({ min: 0, max: 3 }))), {
          maxLength: 20,
        }),
        (edits) => {
          let s = base;
          edits.forEach(([key, value], i) => {
            const r = applyMutation(
              s,
              mut(i + 2, "assessment.setAnswer", { assessmentId: A, key, value, previous: null }),
              ctxFor("A"),
            );
            if (!r.ok) throw new Error(r.message);
            const entries = diffStates(s, r.state);
            const before = s.answers[key] ?? null;
            if (before !== (r.state.answers[key] ?? null)) {
              expect(entries).toContainEqual({
                key: `answer:${key}`,
                old: before,
                new: r.state.answers[key] ?? null,
              });
            }
            s = r.state;
          });
        },
      ),
    );
  });

  it("an unchanged value whose keys come back reordered (jsonb) is no change", () => {
    const ref = {
      sha256: "a".repeat(64),
      mime: "image/jpeg" as const,
      bytes: 9,
      takenAt: "2026-08-01T00:00:00Z",
      key: "IN.SP.05",
    };
    const fromJsonb = {
      key: ref.key,
      mime: ref.mime,
      bytes: ref.bytes,
      sha256: ref.sha256,
      takenAt: ref.takenAt,
    };
    expect(diffStates({ ...base, evidence: [fromJsonb] }, { ...base, evidence: [ref] })).toEqual([]);
  });
});

describe("cursor", () => {
  it("round-trips a snapshot and refuses anything else", () => {
    const c = encodeCursor("100:105:101,103");
    expect(decodeCursor(c)).toEqual({ snapshot: "100:105:101,103", xmin: 100n, xmax: 105n });
    for (const bad of [
      undefined,
      "",
      "%%",
      encodeCursor("x"),
      encodeCursor("9:1:"),
      "djE6NzY0",
      "a".repeat(70_000),
    ]) {
      expect(decodeCursor(bad)).toBeNull();
    }
  });
});
