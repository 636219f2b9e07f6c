import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ApplyContext, applyMutation } from "./apply";
import type { AssessmentState, Mutation } from "./protocol";
import { rebase, rebaseOne } from "./rebase";
import { createMutation, ctxFor, ids, mut } from "./test-fixtures";

const A = ids.assessment;
const UNIT_KEYS = ["IN.SP.01", "IN.SP.02", "PGD.01"];
const PRODUCTS = [ids.product1, "6f1c2b1e-9999-4a2b-8c3d-0000000000ff"];

/** Edits without ids: ids are assigned per client when a sequence is built. */
type Edit = (id: number) => Mutation;

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...UNIT_KEYS),
      fc.option(fc.integer({ min: 0, max: 4 })),
      fc.option(fc.integer({ min: 0, max: 3 })),
    )
    .map(
      ([key, value, previous]) =>
        (id: number) =>
          mut(id, "assessment.setAnswer", { assessmentId: A, key, value, previous }),
    ),
  fc.tuple(fc.string({ maxLength: 5 }), fc.option(fc.string({ maxLength: 5 }))).map(
    ([text, previous]) =>
      (id: number) =>
        mut(id, "assessment.setNote", { assessmentId: A, key: "general", text, previous }),
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
  fc.tuple(fc.constantFrom(...PRODUCTS), fc.integer({ min: 0, max: 3 })).map(
    ([pid, value]) =>
      (id: number) =>
        mut(id, "assessment.setAnswer", {
          assessmentId: A,
          key: `PR.01@product:${pid}#physical`,
          value,
          previous: null,
        }),
  ),
);

function fold(
  state: AssessmentState | undefined,
  ms: readonly { m: Mutation; ctx: ApplyContext }[],
): AssessmentState | undefined {
  let s = state;
  for (const { m, ctx } of ms) {
    const r = applyMutation(s, m, ctx);
    if (r.ok) s = r.state;
  }
  return s;
}

describe("rebase", () => {
  it("re-applies only mutations after lastMutationId, in id order", () => {
    const create = createMutation(1);
    const s1 = fold(undefined, [{ m: create, ctx: ctxFor("A") }]);
    const edit = mut(2, "assessment.setAnswer", {
      assessmentId: A,
      key: "IN.SP.01",
      value: 2,
      previous: null,
    });
    const { state } = rebaseOne(s1, [edit, create], ctxFor("A"), 1);
    expect(state?.answers["IN.SP.01"]).toBe(2);
    expect(state?.revision).toBe(2);
  });

  it("reports pending mutations it cannot apply instead of dropping them silently", () => {
    const r = rebase({}, [mut(3, "assessment.submit", { assessmentId: A })], ctxFor("A"));
    expect(r.rejected).toEqual([expect.objectContaining({ mutationId: 3, code: "assessment_not_found" })]);
  });

  it("property: pulled state after an acknowledged prefix + rebase of the rest == the server's final state", () => {
    fc.assert(
      fc.property(
        fc.array(editArb, { maxLength: 25 }),
        fc.array(editArb, { maxLength: 15 }),
        fc.array(fc.boolean(), { maxLength: 40 }),
        fc.nat(),
        (editsA, editsB, interleave, cut) => {
          // Device A: create + its edits, ids 1..n. Device B: its own edits, ids 1..m.
          const a = [createMutation(1), ...editsA.map((e, i) => e(i + 2))];
          const b = editsB.map((e, i) => e(i + 1));
          const k = cut % (a.length + 1); // A's acknowledged prefix
          // The server saw A's first k mutations interleaved with all of B's, then A's rest.
          const order: { m: Mutation; ctx: ApplyContext }[] = [];
          let ia = 0;
          let ib = 0;
          for (const pickA of interleave) {
            if (pickA && ia < k) order.push({ m: a[ia++] as Mutation, ctx: ctxFor("A") });
            else if (ib < b.length) order.push({ m: b[ib++] as Mutation, ctx: ctxFor("B") });
          }
          while (ia < k) order.push({ m: a[ia++] as Mutation, ctx: ctxFor("A") });
          while (ib < b.length) order.push({ m: b[ib++] as Mutation, ctx: ctxFor("B") });
          const pulled = fold(undefined, order);
          const final = fold(
            pulled,
            a.slice(k).map((m) => ({ m, ctx: ctxFor("A") })),
          );
          // The device keeps all of its log and tells rebase what the server acknowledged.
          const rebased = rebaseOne(pulled, a, ctxFor("A"), k).state;
          expect(rebased).toEqual(final);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("property: rebase never mutates the pulled state", () => {
    fc.assert(
      fc.property(fc.array(editArb, { maxLength: 20 }), (edits) => {
        const base = fold(undefined, [{ m: createMutation(1), ctx: ctxFor("A") }]) as AssessmentState;
        const snapshot = JSON.stringify(base);
        rebase(
          { [A]: base },
          edits.map((e, i) => e(i + 2)),
          ctxFor("B"),
        );
        expect(JSON.stringify(base)).toBe(snapshot);
      }),
    );
  });
});
