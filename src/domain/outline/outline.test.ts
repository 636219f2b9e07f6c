import { describe, expect, it } from "vitest";
import { loadDefaultInstrument } from "../../../tests/fixtures/domain/full-assessment";
import {
  answerChoices,
  buildV2Assessment,
  loadMaladministrasi2025,
} from "../../../tests/fixtures/domain/full-assessment-v2";
import {
  type AssessmentContent,
  checkCompleteness,
  expectedRespondents,
  firstUnanswered,
  flattenOutline,
  indexInstrument,
  instrumentOutline,
  progressOfEntries,
  roleTallies,
  scoreAssessment,
} from "../index";

const v2 = loadMaladministrasi2025();
const v1 = loadDefaultInstrument();
const complete = (): AssessmentContent =>
  buildV2Assessment(v2, { choose: (e) => answerChoices(e)[0] ?? null });

describe("instrument outline", () => {
  it("follows the 2025 tree: 70 % dimensions (four of 17.5) and 30 % trust, leaves in instrument order", () => {
    const outline = instrumentOutline(v2);
    expect(outline.map((n) => [n.id, n.share])).toEqual([
      ["DIM", 70],
      ["KP", 30],
    ]);
    const dims = outline[0]?.children ?? [];
    expect(dims.map((d) => [d.id, d.share, d.depth])).toEqual([
      ["IN", 17.5, 1],
      ["PR", 17.5, 1],
      ["OUT", 17.5, 1],
      ["PG", 17.5, 1],
    ]);
    expect(dims.find((d) => d.id === "OUT")?.secondary).toBe(true);
    expect(dims.find((d) => d.id === "IN")?.provenance).toBe("inferred");
    const leaves = flattenOutline(outline).flatMap((n) => n.entries);
    expect(leaves.map((e) => e.indicator.id)).toEqual(indexInstrument(v2).ordered.map((e) => e.indicator.id));
  });

  it("gives format 1 as Dimensi → Variabel with the same invariant", () => {
    const outline = instrumentOutline(v1);
    expect(outline.map((n) => n.id)).toEqual(v1.dimensions.map((d) => d.id));
    const leaves = flattenOutline(outline).flatMap((n) => n.entries);
    expect(leaves.length).toBe(indexInstrument(v1).ordered.length);
    const first = outline[0];
    expect(first?.children.reduce((n, c) => n + c.share, 0)).toBeCloseTo(first?.share ?? -1, 9);
  });
});

describe("answer slots and progress (role-aware)", () => {
  it("asks an interview item of its role's respondents only, and no secondary item at all", () => {
    const content = complete();
    const all = indexInstrument(v2).ordered;
    const complaints = all.filter((e) => e.indicator.id.startsWith("PG.KM"));
    // 2 complaint officials × 2 items, not 6 officials × 2.
    expect(progressOfEntries(v2, content, complaints)).toEqual({ done: 4, total: 4 });
    const secondary = all.filter((e) => e.indicator.source?.kind === "secondary");
    expect(progressOfEntries(v2, content, secondary)).toEqual({ done: 0, total: 0 });
    expect(firstUnanswered(v2, content)).toBeNull();
    const { "PG.KM.02@official:petugas_pengaduan-2": _gone, ...rest } = content.answers;
    const next = firstUnanswered(v2, { ...content, answers: rest });
    expect(next?.slot.key).toBe("PG.KM.02@official:petugas_pengaduan-2");
  });
});

describe("role quotas and phone interviews", () => {
  it("counts a per-locus user quota over the locus's assessments the device holds", () => {
    const here = buildV2Assessment(v2, { perRole: { pengguna: 4 }, choose: () => null });
    const other = buildV2Assessment(v2, { perRole: { pengguna: 9 }, choose: () => null });
    const users = roleTallies(v2, here, [other]).find((t) => t.role.id === "pengguna");
    expect(users).toMatchObject({
      here: 4,
      neededHere: 1,
      locus: { have: 13, stillNeeded: 17, assessments: 2 },
    });
    const officials = roleTallies(v2, here).find((t) => t.role.id === "petugas_pengaduan");
    expect(officials).toMatchObject({ here: 2, neededHere: 2 });
    expect(officials?.locus).toBeUndefined();
  });

  it("lets one checklist hold a per-locus role's whole quota (the push cap), format 1 unchanged", () => {
    expect(expectedRespondents(v2, "user")).toBe(30);
    expect(expectedRespondents(v2, "official")).toBe(6);
    expect(expectedRespondents(v1, "user")).toBe(5);
  });

  it("a complete 2025 checklist is complete though the office has not valued the secondary data yet", () => {
    const result = scoreAssessment(v2, complete());
    expect(result.problems).toEqual([]);
    expect(result.complete).toBe(true);
    expect(result.composite?.map((g) => g.id)).toEqual(["DIM", "KP"]);
  });

  it("needs each per-unit role's quota and the unit's share of the locus quota", () => {
    const content = buildV2Assessment(v2, {
      perRole: { petugas_pengaduan: 1, pengguna: 0 },
      choose: () => 0,
    });
    const quota = checkCompleteness(v2, content).problems.filter((p) => p.code === "too_few_respondents");
    expect(quota.map((p) => [p.roleId, p.message.id])).toEqual([
      ["petugas_pengaduan", "Responden Petugas pengelola pengaduan baru 1 dari 2."],
      ["pengguna", "Responden Pengguna layanan baru 0 dari 1."],
    ]);
  });

  it("a phone interview needs its call time, and only roles that allow phone may use it", () => {
    const content = complete();
    const respondents = content.respondents.map((r) =>
      r.profile.role === "pengguna"
        ? { ...r, profile: { role: "pengguna", mode: "phone" } }
        : r.id === "pejabat-1"
          ? { ...r, profile: { role: "pejabat", mode: "phone", callAt: "2025-08-12T09:00" } }
          : r,
    );
    const problems = checkCompleteness(v2, { ...content, respondents }).problems;
    expect(problems.map((p) => [p.code, p.respondentId])).toEqual([
      ["mode_not_allowed", "pejabat-1"],
      ["missing_call_time", "pengguna-1"],
    ]);
    const timed = respondents.map((r) =>
      r.profile.role === "pengguna" ? { ...r, profile: { ...r.profile, callAt: "2025-08-12T09:00" } } : r,
    );
    expect(checkCompleteness(v2, { ...content, respondents: timed }).problems.map((p) => p.code)).toEqual([
      "mode_not_allowed",
    ]);
  });

  it("labels a missing interview answer by role, numbered within the role", () => {
    const content = complete();
    const { "PG.KM.01@official:petugas_pengaduan-2": _gone, ...answers } = content.answers;
    const [problem] = checkCompleteness(v2, { ...content, answers }).problems;
    expect(problem?.message.id).toBe("Indikator PG.KM.01 untuk Petugas pengelola pengaduan 2 belum dijawab.");
  });
});
