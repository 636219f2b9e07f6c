// "Yang belum lengkap": every problem checkCompleteness reports. An item is named by its question
// (and whose answer, which part) with what it lacks, each a button that opens the item's section
// and jumps to it; problems of the whole sheet (too few products) keep the domain's sentence.

import type { Problem, ProblemCode } from "../../../domain";
import { memo } from "../../components/memo";
import type { MessageKey } from "../../i18n/i18n";
import { useChecklist, useSheetSlice } from "./checklist-context";
import { nameOfKey } from "./item-label";
import { jumpToProblem } from "./jump";

const SHOWN_MAX = 60;

const WHAT: Partial<Record<ProblemCode, MessageKey>> = {
  missing_answer: "missingWhatAnswer",
  missing_photo: "missingWhatPhoto",
  missing_note: "missingWhatNote",
  invalid_answer: "missingWhatInvalid",
};

/** Problems are recomputed on every edit; the list re-renders only when they differ. */
export function sameProblems(a: readonly Problem[], b: readonly Problem[]): boolean {
  return a.length === b.length && a.every((p, i) => p.code === b[i]?.code && p.key === b[i]?.key);
}

export const MissingList = memo(
  function MissingList({ problems }: { problems: readonly Problem[] }) {
    const { t, local, instrument } = useChecklist();
    // Names and ordinals of the instances (what the labels need), not every answer.
    const people = useSheetSlice((s) => ({
      answers: {},
      products: s.products.map((p) => ({ id: p.id, name: p.name })),
      respondents: s.respondents.map((r) => ({ id: r.id, kind: r.kind, profile: { name: r.profile.name } })),
    }));
    const shown = problems.slice(0, SHOWN_MAX);
    return (
      <section class="sheet-section missing" id="section-missing" aria-labelledby="missing-title">
        <h2 id="missing-title" tabIndex={-1}>
          {t("missingTitle")} ({problems.length})
        </h2>
        {problems.length === 0 ? (
          <p class="notice notice--info">{t("missingNone")}</p>
        ) : (
          <ul class="missing__list" data-testid="missing-list">
            {shown.map((problem, i) => {
              const what = WHAT[problem.code];
              const name =
                problem.key !== null && what ? nameOfKey(instrument, people, problem.key, t, local) : null;
              return (
                <li key={`${problem.code}:${problem.key ?? i}`}>
                  <button
                    type="button"
                    class="link-button missing__item"
                    data-code={problem.code}
                    data-key={problem.key ?? undefined}
                    onClick={() => jumpToProblem(problem)}
                  >
                    {name && what ? (
                      <>
                        <span class="missing__question">{name.question}</span>
                        <span class="missing__detail">
                          {name.detail ? `${name.detail} — ` : ""}
                          {t(what)}
                        </span>
                      </>
                    ) : (
                      local(problem.message)
                    )}
                  </button>
                </li>
              );
            })}
            {problems.length > SHOWN_MAX && (
              <li>{t("missingMore", { count: String(problems.length - SHOWN_MAX) })}</li>
            )}
          </ul>
        )}
      </section>
    );
  },
  (before, after) => sameProblems(before.problems, after.problems),
);
