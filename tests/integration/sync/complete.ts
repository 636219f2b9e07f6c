// Builds the mutations of a complete checklist for the default instrument: the products and
// respondents the levels require, a top answer for every instance (each media part), and a photo on
// every photo_required item — so submit has nothing to complain about.
import { parseInstrument } from "../../../src/domain/instrument/parse-instrument";
import type { AnswerValue, Mutation } from "../../../src/domain/sync/protocol";
import { m, uuid } from "./api";
import { instrumentJson } from "./world";

function instrument() {
  const r = parseInstrument(instrumentJson);
  if (!r.ok) throw new Error("default instrument does not parse");
  return r.instrument;
}

export function completeChecklist(
  assessmentId: string,
  firstId: number,
  photo: { sha256: string; bytes: number },
): Mutation[] {
  const inst = instrument();
  const out: Mutation[] = [];
  let id = firstId;
  const need = (level: "product" | "official" | "user") => {
    const spec = inst.levels[level];
    return Math.max(spec?.min ?? 0, spec?.quota ?? 0);
  };
  const products = Array.from({ length: need("product") }, () => uuid());
  const officials = Array.from({ length: need("official") }, () => uuid());
  const users = Array.from({ length: need("user") }, () => uuid());
  products.forEach((p, i) => {
    out.push(m(id++, "assessment.putProduct", { assessmentId, product: { id: p, name: `Produk ${i + 1}` } }));
  });
  for (const r of officials)
    out.push(
      m(id++, "assessment.putRespondent", {
        assessmentId,
        respondent: { id: r, kind: "official", profile: { name: "Pejabat" } },
      }),
    );
  for (const r of users)
    out.push(
      m(id++, "assessment.putRespondent", {
        assessmentId,
        respondent: { id: r, kind: "user", profile: { name: "Pengguna" } },
      }),
    );
  for (const d of inst.dimensions) {
    for (const v of d.variables) {
      for (const ind of v.indicators) {
        const scale = inst.scales[ind.answer];
        let value: AnswerValue;
        if (scale?.kind === "checklist") value = (ind.subitems ?? []).map((s) => s.id);
        else {
          const best = [...(scale?.options ?? [])]
            .filter((o) => o.value !== null)
            .sort((a, b) => (b.value ?? 0) - (a.value ?? 0))[0];
          value = best?.code ?? best?.value ?? null;
        }
        const subjects =
          ind.level === "unit"
            ? [""]
            : (ind.level === "product" ? products : ind.level === "official" ? officials : users).map(
                (s) => `@${ind.level}:${s}`,
              );
        for (const subject of subjects) {
          for (const part of ind.media ?? [null]) {
            const key = `${ind.id}${subject}${part === null ? "" : `#${part}`}`;
            out.push(m(id++, "assessment.setAnswer", { assessmentId, key, value, previous: null }));
            if (ind.evidence === "photo_required") {
              out.push(
                m(id++, "assessment.attachEvidence", {
                  assessmentId,
                  key,
                  evidence: {
                    sha256: photo.sha256,
                    mime: "image/jpeg",
                    bytes: photo.bytes,
                    takenAt: "2026-08-01T02:00:00Z",
                  },
                }),
              );
            }
          }
        }
      }
    }
  }
  return out;
}
