import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyMutation } from "./apply";
import { applyDelta, buildDelta, changedDeltaKeys } from "./delta";
import type { AssessmentState, Mutation } from "./protocol";
import { createMutation, ctxFor, ids, mut } from "./test-fixtures";

const A = ids.assessment;
const UNIT_KEYS = ["IN.SP.01", "IN.SP.02", "PGD.01"];
const PRODUCTS = [ids.product1, "6f1c2b1e-9999-4a2b-8c3d-0000000000ff"];
type Edit = { who: "A" | "B"; m: (id: number) => Mutation };

const editArb: fc.Arbitrary<Edit> = fc.record({
  who: fc.constantFrom<"A" | "B">("A", "B"),
  m: fc.oneof(
    fc
      .tuple(
        fc.constantFrom(...UNIT_KEYS),
        fc.option(fc.integer({ min: 0, max: 3 })),
        fc.option(fc.integer({ min: 0, max: 3 })),
      )
      .map(
        ([key, value, previous]) =>
          (id: number) =>
            mut(id, "assessment.setAnswer", { assessmentId: A, key, value, previous }),
      ),
    fc
      .tuple(
        fc.constantFrom("general", "IN.SP.01"),
        fc.string({ maxLength: 3 }),
        fc.option(fc.string({ maxLength: 3 })),
      )
      .map(
        ([key, text, previous]) =>
          (id: number) =>
            mut(id, "assessment.setNote", { assessmentId: A, key, text, previous }),
      ),
    fc
      .constantFrom(...PRODUCTS)
      .map(
        (pid) => (id: number) =>
          mut(id, "assessment.putProduct", { assessmentId: A, product: { id: pid, name: "Produk" } }),
      ),
    fc
      .constantFrom(...PRODUCTS)
      .map((pid) => (id: number) => mut(id, "assessment.removeProduct", { assessmentId: A, productId: pid })),
    fc.tuple(fc.constantFrom(...PRODUCTS), fc.option(fc.integer({ min: 0, max: 3 }))).map(
      ([pid, value]) =>
        (id: number) =>
          mut(id, "assessment.setAnswer", {
            assessmentId: A,
            key: `PR.01@product:${pid}#physical`,
            value,
            previous: null,
          }),
    ),
    fc.constantFrom("a", "b").map(
      (c) => (id: number) =>
        mut(id, "assessment.attachEvidence", {
          assessmentId: A,
          key: "IN.SP.01",
          evidence: { sha256: c.repeat(64), mime: "image/jpeg", bytes: 10, takenAt: "2026-08-01T02:03:04Z" },
        }),
    ),
    fc
      .constantFrom("a", "b")
      .map(
        (c) => (id: number) =>
          mut(id, "assessment.detachEvidence", { assessmentId: A, sha256: c.repeat(64) }),
      ),
  ),
});

/** Every state the server would store, and the delta keys of each step. */
function history(edits: readonly Edit[]): { states: AssessmentState[]; keys: string[][] } {
  const first = applyMutation(undefined, createMutation(1), ctxFor("A"));
  if (!first.ok) throw new Error("create failed");
  const states = [first.state];
  const keys: string[][] = [[]];
  edits.forEach((e, i) => {
    const before = states[states.length - 1] as AssessmentState;
    const r = applyMutation(
      before,
      e.m(i + 2),
      ctxFor(e.who, `2026-08-01T03:00:${String(i % 60).padStart(2, "0")}.000Z`),
    );
    if (!r.ok) return;
    states.push(r.state);
    keys.push(changedDeltaKeys(before, r.state));
  });
  return { states, keys };
}

describe("assessment deltas", () => {
  it("applying the delta of the keys changed since revision r to r gives the current state exactly", () => {
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 25 }), fc.nat(), (edits, pick) => {
        const { states, keys } = history(edits);
        const i = pick % states.length;
        const held = states[i] as AssessmentState;
        const current = states[states.length - 1] as AssessmentState;
        const changed = new Set(keys.slice(i + 1).flat());
        // Through JSON, as on the wire and in IndexedDB.
        const delta = JSON.parse(JSON.stringify(buildDelta(current, held.revision, changed)));
        const applied = applyDelta(JSON.parse(JSON.stringify(held)), delta);
        expect(applied).toEqual(JSON.parse(JSON.stringify(current)));
      }),
      { numRuns: 300 },
    );
  });

  it("is small: one answer changed sends that answer and its author, not the checklist", () => {
    const { states } = history(
      UNIT_KEYS.map((key, i) => ({
        who: "A" as const,
        m: (id: number) =>
          mut(id, "assessment.setAnswer", { assessmentId: A, key, value: i, previous: null }),
      })),
    );
    const before = states[states.length - 1] as AssessmentState;
    const r = applyMutation(
      before,
      mut(99, "assessment.setAnswer", { assessmentId: A, key: "IN.SP.02", value: 3, previous: 1 }),
      ctxFor("B"),
    );
    if (!r.ok) throw new Error(r.message);
    const delta = buildDelta(r.state, before.revision, changedDeltaKeys(before, r.state));
    expect(delta.answers).toEqual({ "IN.SP.02": 3 });
    expect(Object.keys(delta.authorsAnswers ?? {})).toEqual(["IN.SP.02"]);
    expect(Object.keys(delta.set).sort()).toEqual(["revision", "updatedAt"]);
    expect(JSON.stringify(delta).length).toBeLessThan(JSON.stringify(r.state).length / 3);
  });

  it("refuses a delta for another revision than the one held", () => {
    const { states } = history([]);
    const s = states[0] as AssessmentState;
    expect(applyDelta(s, buildDelta({ ...s, revision: 3 }, 2, []))).toBeNull();
    expect(applyDelta(s, buildDelta({ ...s, revision: 2 }, 1, []))?.revision).toBe(2);
  });
});
