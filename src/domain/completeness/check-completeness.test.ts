import { describe, expect, it } from "vitest";
import {
  bestAnswer,
  buildAssessment,
  type Chooser,
  loadDefaultInstrument,
} from "../../../tests/fixtures/domain/full-assessment";
import { type AssessmentContent, checkCompleteness } from "../index";

const instrument = loadDefaultInstrument();
const full = buildAssessment(instrument);

function codes(content: AssessmentContent): [string, string | null][] {
  return checkCompleteness(instrument, content).problems.map((p) => [p.code, p.key]);
}

describe("checkCompleteness", () => {
  it("a full assessment (2 products, 4 officials, 5 users, photos, notes) is complete", () => {
    expect(checkCompleteness(instrument, full)).toEqual({ complete: true, problems: [] });
  });

  it("reports each missing answer by key, media parts separately", () => {
    const answers = { ...full.answers };
    delete answers["IN.SP.01"];
    delete answers["PR.01@p2#electronic"];
    delete answers["PR.02@product:p2#electronic"];
    answers["IN.KP.03@official:o4"] = null;
    const result = checkCompleteness(instrument, { ...full, answers });
    expect(result.complete).toBe(false);
    expect(result.problems.map((p) => [p.code, p.key])).toEqual([
      ["missing_answer", "IN.KP.03@official:o4"],
      ["missing_answer", "IN.SP.01"],
      ["missing_answer", "PR.02@product:p2#electronic"],
    ]);
    expect(result.problems[0]?.message).toEqual({
      id: "Indikator IN.KP.03 untuk Pejabat/Petugas 4 (Pejabat 4) belum dijawab.",
      en: "Indicator IN.KP.03 for official 4 (Pejabat 4) is not answered.",
    });
    expect(result.problems[2]?.message.id).toBe(
      'Indikator PR.02 (elektronik, laman resmi) untuk Produk Layanan "Produk 2" belum dijawab.',
    );
  });

  it("na and no_answer count as answered", () => {
    const content = { ...full, answers: { ...full.answers, "PR.08": "na", "OUT.01@user:u1": "no_answer" } };
    expect(codes(content)).toEqual([]);
  });

  it("requires levels.product.min products and the respondent quotas", () => {
    const content = buildAssessment(instrument, { products: 1, officials: 3, users: 2 });
    const result = checkCompleteness(instrument, content);
    expect(result.problems.map((p) => [p.code, p.level])).toEqual([
      ["too_few_products", "product"],
      ["too_few_respondents", "official"],
      ["too_few_respondents", "user"],
    ]);
    expect(result.problems.map((p) => p.message.id)).toEqual([
      "Produk Layanan baru 1 dari minimal 2.",
      "Responden Pejabat/Petugas baru 3 dari 4.",
      "Responden Pengguna Layanan baru 2 dari 5.",
    ]);
  });

  it("counts a duplicated product id once", () => {
    const [first] = full.products;
    if (first === undefined) throw new Error("fixture has no product");
    const content = { ...full, products: [first, { ...first }] };
    expect(codes(content)).toContainEqual(["too_few_products", null]);
  });

  it("asks for every answer of every instance beyond the quota too", () => {
    const content = {
      ...full,
      respondents: [...full.respondents, { id: "u6", kind: "user" as const, profile: {} }],
    };
    expect(codes(content)).toEqual(
      ["OUT.01", "OUT.02", "OUT.03", "OUT.04", "OUT.05"].map((i) => ["missing_answer", `${i}@user:u6`]),
    );
  });

  it("photo_required: a score above 0 needs a photo; 0 and na do not", () => {
    const noPhotos = buildAssessment(instrument, { photos: false });
    const missing = codes(noPhotos).filter(([c]) => c === "missing_photo");
    // unit: IN.SP.05, IN.SP.08, IN.SP.09, PR.06a, PR.06b, PR.07, PR.08, PR.09, PR.10, PGD.01 = 10;
    // product: PR.01–PR.05 × 2 products × 2 parts = 20
    expect(missing.length).toBe(30);
    const zeroes: Chooser = (entry, key) =>
      key === "IN.SP.05" ? 0 : key === "PR.08" ? "na" : bestAnswer(entry);
    const content = buildAssessment(instrument, { photos: false, choose: zeroes });
    const keys = codes(content)
      .filter(([c]) => c === "missing_photo")
      .map(([, k]) => k);
    expect(keys).not.toContain("IN.SP.05");
    expect(keys).not.toContain("PR.08");
    expect(keys).toContain("IN.SP.09");
  });

  it("a photo on the instance key covers both media parts; a PDF is not a photo", () => {
    const evidence = full.evidence.filter((e) => !e.key.startsWith("PR.01@product:p1"));
    const photo = {
      key: "PR.01@product:p1",
      sha256: "b".repeat(64),
      mime: "image/webp",
      bytes: 10,
      takenAt: "2026-08-01T00:00:00Z",
    };
    expect(codes({ ...full, evidence: [...evidence, photo] })).toEqual([]);
    const pdf = { ...photo, key: "PR.01@product:p1#physical", mime: "application/pdf" };
    expect(codes({ ...full, evidence: [...evidence, pdf] })).toEqual([
      ["missing_photo", "PR.01@product:p1#physical"],
      ["missing_photo", "PR.01@product:p1#electronic"],
    ]);
  });

  it("noteRequiredWhen: PGD.02 answered no needs a non-blank note", () => {
    const content = { ...full, answers: { ...full.answers, "PGD.02": "no" }, notes: { "PGD.02": "   " } };
    const result = checkCompleteness(instrument, content);
    expect(result.problems.map((p) => [p.code, p.key])).toEqual([["missing_note", "PGD.02"]]);
    expect(result.problems[0]?.message.id).toBe('Indikator PGD.02 dijawab "Tidak": Catatan wajib diisi.');
    expect(codes({ ...content, notes: { "PGD.02": "Nomor tidak aktif." } })).toEqual([]);
  });

  it("reports invalid stored answers and keys the instrument does not know", () => {
    const content = {
      ...full,
      answers: { ...full.answers, "IN.SP.01": 7, "XX.99": 1, "IN.SP.02@user:u1": 1 },
    };
    expect(codes(content)).toEqual([
      ["invalid_answer", "IN.SP.01"],
      ["invalid_answer", "XX.99"],
      ["invalid_answer", "IN.SP.02@user:u1"],
    ]);
  });

  it("flags content of another instrument version", () => {
    const result = checkCompleteness(instrument, { ...full, instrumentVersion: 2 });
    expect(result.problems[0]?.code).toBe("instrument_mismatch");
    expect(result.problems[0]?.message.id).toBe(
      "Lembar Penilaian ini memakai instrumen ori-kepatuhan-2023@2, bukan ori-kepatuhan-2023@1.",
    );
  });

  it("a fresh assessment lists the quotas and every unit item", () => {
    const empty: AssessmentContent = {
      ...full,
      answers: {},
      products: [],
      respondents: [],
      evidence: [],
      notes: {},
    };
    const result = checkCompleteness(instrument, empty);
    expect(result.problems.filter((p) => p.code === "missing_answer").length).toBe(25);
    expect(result.problems.filter((p) => p.code !== "missing_answer").map((p) => p.code)).toEqual([
      "too_few_products",
      "too_few_respondents",
      "too_few_respondents",
    ]);
  });
});
