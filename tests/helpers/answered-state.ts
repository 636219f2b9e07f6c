// A fully answered assessment state for an instrument, with answers drawn from `seed` (same seed,
// same answers, same score): for tests and benches that need many scored assessments seeded with
// SQL rather than pushed (bench/review.ts and bench/national.ts seed with it too).
import type { Instrument } from "../../src/domain/instrument/types";
import type { AnswerValue, AssessmentState, AssessmentStatus } from "../../src/domain/sync/protocol";

const AT = "2026-08-01T02:03:04Z";

export function answeredState(
  inst: Instrument,
  seed: number,
  ids: Pick<AssessmentState, "id" | "assignmentId" | "unitId" | "pemdaId" | "periodId">,
  by: string,
  status: AssessmentStatus,
): AssessmentState {
  const need = (l: "product" | "official" | "user") =>
    Math.max(inst.levels[l]?.min ?? 0, inst.levels[l]?.quota ?? 0);
  const subjects = { product: [] as string[], official: [] as string[], user: [] as string[] };
  for (const l of ["product", "official", "user"] as const)
    subjects[l] = Array.from(
      { length: need(l) },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    );
  const answers: Record<string, AnswerValue> = {};
  const author = { by, clientId: by, at: AT };
  let n = seed;
  for (const d of inst.dimensions)
    for (const v of d.variables)
      for (const ind of v.indicators) {
        const scale = inst.scales[ind.answer];
        const subs = ind.level === "unit" ? [""] : subjects[ind.level].map((s) => `@${ind.level}:${s}`);
        for (const s of subs)
          for (const part of ind.media ?? [null]) {
            n = (n * 1103515245 + 12345) % 2147483648;
            let value: AnswerValue;
            if (scale?.kind === "checklist")
              value = (ind.subitems ?? []).filter((_, i) => (n >> i) % 4 !== 0).map((x) => x.id);
            else {
              const opts = (scale?.options ?? []).filter((o) => o.value !== null);
              const o = opts[n % Math.max(opts.length, 1)];
              value = o?.code ?? o?.value ?? null;
            }
            answers[`${ind.id}${s}${part === null ? "" : `#${part}`}`] = value;
          }
      }
  return {
    ...ids,
    instrumentId: inst.id,
    instrumentVersion: inst.version,
    status,
    visit: { date: "2026-08-01", startedAt: AT, endedAt: AT, mode: "scheduled", team: [by] },
    answers,
    notes: { general: "Kunjungan lancar" },
    products: subjects.product.map((id, i) => ({ id, name: `Produk ${i + 1}` })),
    respondents: [
      ...subjects.official.map((id) => ({ id, kind: "official" as const, profile: { name: "Pejabat" } })),
      ...subjects.user.map((id) => ({ id, kind: "user" as const, profile: { name: "Pengguna" } })),
    ],
    evidence: [],
    conflicts: [],
    reviewComments: [],
    authors: { answers: Object.fromEntries(Object.keys(answers).map((k) => [k, author])), notes: {} },
    createdBy: by,
    createdAt: AT,
    submittedAt: AT,
    revision: Object.keys(answers).length + 2,
    updatedAt: AT,
  };
}
