// "Yang belum lengkap": every problem checkCompleteness reports, each a button that jumps to its item.
import type { Problem } from "../../../domain";
import { useChecklist } from "./checklist-context";
import { jumpTo, targetOf } from "./jump";

const SHOWN_MAX = 60;

export function MissingList({ problems }: { problems: readonly Problem[] }) {
  const { t, local } = useChecklist();
  const shown = problems.slice(0, SHOWN_MAX);
  return (
    <section class="sheet-section missing" id="section-missing" aria-labelledby="missing-title">
      <h2 id="missing-title">
        {t("missingTitle")} ({problems.length})
      </h2>
      {problems.length === 0 ? (
        <p class="notice notice--info">{t("missingNone")}</p>
      ) : (
        <ul class="missing__list" data-testid="missing-list">
          {shown.map((problem, i) => (
            <li key={`${problem.code}:${problem.key ?? i}`}>
              <button
                type="button"
                class="link-button"
                data-code={problem.code}
                onClick={() => jumpTo(targetOf(problem))}
              >
                {local(problem.message)}
              </button>
            </li>
          ))}
          {problems.length > SHOWN_MAX && (
            <li>{t("missingMore", { count: String(problems.length - SHOWN_MAX) })}</li>
          )}
        </ul>
      )}
    </section>
  );
}
