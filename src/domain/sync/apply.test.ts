import { describe, expect, it } from "vitest";
import { applyMutation } from "./apply";
import type { AssessmentState } from "./protocol";
import { assignment, createMutation, ctxFor, ids, instrument, mut } from "./test-fixtures";

const A = ids.assessment;

function created(): AssessmentState {
  const r = applyMutation(undefined, createMutation(), ctxFor("A"));
  if (!r.ok) throw new Error(r.message);
  return r.state;
}

function must(r: ReturnType<typeof applyMutation>): AssessmentState {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.state;
}

describe("applyMutation", () => {
  it("creates a draft from the assignment with revision 1", () => {
    const s = created();
    expect(s).toMatchObject({
      id: A,
      status: "draft",
      periodId: assignment.periodId,
      pemdaId: "6101",
      revision: 1,
    });
    expect(s.visit.team).toEqual(assignment.team);
  });

  it.each([
    ["exists", created(), createMutation(), "assessment_exists"],
    [
      "unknown assessment",
      undefined,
      mut(2, "assessment.submit", { assessmentId: A }),
      "assessment_not_found",
    ],
  ] as const)("rejects: %s", (_, state, m, code) => {
    const r = applyMutation(state, m, ctxFor());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe(code);
  });

  it("rejects create with the wrong unit, assignment or instrument", () => {
    const base = createMutation();
    if (base.name !== "assessment.create") throw new Error("fixture");
    const wrongUnit = { ...base, args: { ...base.args, unitId: ids.product1 } };
    const wrongInstrument = { ...base, args: { ...base.args, instrumentVersion: 99 } };
    expect(applyMutation(undefined, wrongUnit, ctxFor())).toMatchObject({
      ok: false,
      code: "assignment_mismatch",
    });
    expect(applyMutation(undefined, wrongInstrument, ctxFor())).toMatchObject({
      ok: false,
      code: "instrument_mismatch",
    });
    const noAssignment = { ...ctxFor(), assignment: undefined };
    expect(applyMutation(undefined, base, noAssignment)).toMatchObject({
      ok: false,
      code: "unknown_assignment",
    });
  });

  it("validates answer keys and values against the instrument", () => {
    const s = created();
    const cases: [string, unknown, string | null][] = [
      ["IN.SP.01", 2, null],
      ["IN.SP.01", 4, "invalid_answer"],
      ["PR.08", "yes", null],
      ["PR.08", 3, "invalid_answer"],
      ["NOPE.01", 1, "invalid_key"],
      [`PR.01@product:${ids.product1}#physical`, 1, "unknown_product"],
      ["IN.SP.08", ["IN.SP.08.a", "IN.SP.08.c"], null],
      ["IN.SP.08", ["IN.SP.08.zz"], "invalid_answer"],
      ["constructor", 1, "invalid_key"],
      ["__proto__", 1, "invalid_key"],
    ];
    for (const [key, value, code] of cases) {
      const r = applyMutation(
        s,
        mut(2, "assessment.setAnswer", { assessmentId: A, key, value: value as never, previous: null }),
        ctxFor(),
      );
      if (code === null) expect(r.ok, key).toBe(true);
      else expect(r, key).toMatchObject({ ok: false, code });
    }
  });

  it("each applied mutation raises revision by one and never mutates its input", () => {
    const s = created();
    const frozen = JSON.stringify(s);
    const s2 = must(
      applyMutation(
        s,
        mut(2, "assessment.setAnswer", { assessmentId: A, key: "IN.SP.01", value: 3, previous: null }),
        ctxFor(),
      ),
    );
    expect(JSON.stringify(s)).toBe(frozen);
    expect(s2.revision).toBe(2);
    expect(s2.answers["IN.SP.01"]).toBe(3);
    const s3 = must(
      applyMutation(
        s2,
        mut(3, "assessment.setAnswer", { assessmentId: A, key: "IN.SP.01", value: null, previous: 3 }),
        ctxFor(),
      ),
    );
    expect(s3.answers).not.toHaveProperty("IN.SP.01");
    expect(s3.revision).toBe(3);
  });

  it("products and respondents: answers about a removed subject go with it", () => {
    let s = created();
    s = must(
      applyMutation(
        s,
        mut(2, "assessment.putProduct", { assessmentId: A, product: { id: ids.product1, name: "KTP-el" } }),
        ctxFor(),
      ),
    );
    const key = `PR.01@product:${ids.product1}#physical`;
    s = must(
      applyMutation(
        s,
        mut(3, "assessment.setAnswer", { assessmentId: A, key, value: 2, previous: null }),
        ctxFor(),
      ),
    );
    s = must(
      applyMutation(
        s,
        mut(4, "assessment.setNote", { assessmentId: A, key, text: "papan ada", previous: null }),
        ctxFor(),
      ),
    );
    expect(s.answers[key]).toBe(2);
    s = must(
      applyMutation(
        s,
        mut(5, "assessment.removeProduct", { assessmentId: A, productId: ids.product1 }),
        ctxFor(),
      ),
    );
    expect(s.answers).toEqual({});
    expect(s.notes).toEqual({});
    const r = { id: ids.official1, kind: "official" as const, profile: { jabatan: "Kepala" } };
    s = must(
      applyMutation(s, mut(6, "assessment.putRespondent", { assessmentId: A, respondent: r }), ctxFor()),
    );
    const kind = applyMutation(
      s,
      mut(7, "assessment.putRespondent", { assessmentId: A, respondent: { ...r, kind: "user" } }),
      ctxFor(),
    );
    expect(kind.ok).toBe(false);
    expect(
      must(
        applyMutation(
          s,
          mut(7, "assessment.setAnswer", {
            assessmentId: A,
            key: `IN.KP.01@official:${ids.official1}`,
            value: 1,
            previous: null,
          }),
          ctxFor(),
        ),
      ).answers,
    ).toHaveProperty(`IN.KP.01@official:${ids.official1}`);
  });

  it("evidence attach / detach", () => {
    let s = created();
    const evidence = {
      sha256: "a".repeat(64),
      mime: "image/jpeg" as const,
      bytes: 10,
      takenAt: "2026-08-01T02:03:04Z",
    };
    s = must(
      applyMutation(
        s,
        mut(2, "assessment.attachEvidence", { assessmentId: A, key: "IN.SP.05", evidence }),
        ctxFor(),
      ),
    );
    s = must(
      applyMutation(
        s,
        mut(3, "assessment.attachEvidence", { assessmentId: A, key: "IN.SP.05", evidence }),
        ctxFor(),
      ),
    );
    expect(s.evidence).toHaveLength(1);
    expect(
      applyMutation(
        s,
        mut(4, "assessment.attachEvidence", { assessmentId: A, key: "XX", evidence }),
        ctxFor(),
      ).ok,
    ).toBe(false);
    s = must(
      applyMutation(
        s,
        mut(4, "assessment.detachEvidence", { assessmentId: A, sha256: evidence.sha256 }),
        ctxFor(),
      ),
    );
    expect(s.evidence).toEqual([]);
    expect(
      applyMutation(
        s,
        mut(5, "assessment.detachEvidence", { assessmentId: A, sha256: evidence.sha256 }),
        ctxFor(),
      ),
    ).toMatchObject({ ok: false, code: "evidence_not_attached" });
  });

  it("submitted assessments are not editable; returned ones are", () => {
    const s: AssessmentState = { ...created(), status: "submitted" };
    const m = mut(2, "assessment.setAnswer", { assessmentId: A, key: "IN.SP.01", value: 1, previous: null });
    expect(applyMutation(s, m, ctxFor())).toMatchObject({ ok: false, code: "not_editable" });
    expect(applyMutation({ ...s, status: "approved" }, m, ctxFor()).ok).toBe(false);
    expect(applyMutation({ ...s, status: "returned" }, m, ctxFor()).ok).toBe(true);
  });

  it("submit of an empty checklist is rejected as incomplete with problems", () => {
    const r = applyMutation(created(), mut(2, "assessment.submit", { assessmentId: A }), ctxFor());
    expect(r).toMatchObject({ ok: false, code: "incomplete" });
    if (!r.ok) expect(Array.isArray(r.details?.problems) && r.details.problems.length > 0).toBe(true);
  });

  it("setVisit keeps the mode and de-duplicates the team", () => {
    const s = must(
      applyMutation(
        created(),
        mut(2, "assessment.setVisit", {
          assessmentId: A,
          visit: {
            date: "2026-08-02",
            startedAt: "2026-08-02T01:00:00Z",
            endedAt: null,
            location: { lat: -0.03, lon: 109.3, accuracyM: 8 },
            team: [ids.userA, ids.userA],
          },
        }),
        ctxFor(),
      ),
    );
    expect(s.visit).toMatchObject({ mode: "scheduled", team: [ids.userA], location: { lat: -0.03 } });
  });
});

describe("conflicts", () => {
  const set = (id: number, value: number | null, previous: number | null) =>
    mut(id, "assessment.setAnswer", { assessmentId: A, key: "IN.SP.01", value, previous });

  it("stale previous over another client's value opens a conflict with both values; previous == current resolves it", () => {
    let s = must(applyMutation(created(), set(2, 1, null), ctxFor("A")));
    s = must(applyMutation(s, set(1, 3, null), ctxFor("B")));
    expect(s.answers["IN.SP.01"]).toBe(3);
    expect(s.conflicts).toHaveLength(1);
    expect(s.conflicts[0]?.values.map((v) => [v.value, v.clientId])).toEqual([
      [1, ids.clientA],
      [3, ids.clientB],
    ]);
    s = must(applyMutation(s, set(3, 2, 3), ctxFor("A")));
    expect(s.conflicts).toEqual([]);
    expect(s.answers["IN.SP.01"]).toBe(2);
  });

  it("no conflict for the same client, for equal values, or over nothing", () => {
    let s = must(applyMutation(created(), set(2, 1, null), ctxFor("A")));
    s = must(applyMutation(s, set(3, 2, null), ctxFor("A")));
    expect(s.conflicts).toEqual([]);
    s = must(applyMutation(s, set(1, 2, null), ctxFor("B")));
    expect(s.conflicts).toEqual([]);
  });

  it("note conflicts work the same way", () => {
    const note = (id: number, text: string, previous: string | null) =>
      mut(id, "assessment.setNote", { assessmentId: A, key: "general", text, previous });
    let s = must(applyMutation(created(), note(2, "satu", null), ctxFor("A")));
    s = must(applyMutation(s, note(1, "dua", null), ctxFor("B")));
    expect(s.conflicts).toMatchObject([{ kind: "note", key: "general" }]);
    s = must(applyMutation(s, note(2, "tiga", "dua"), ctxFor("B")));
    expect(s.conflicts).toEqual([]);
  });
});

it("uses the real default instrument", () => {
  expect(instrument.id).toBe("ori-kepatuhan-2023");
});
