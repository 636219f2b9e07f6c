// The 2025 method's composite in the live score (format 2): the top-level groups of the tree — the
// 70 % of the four dimensions and the 30 % of public trust — with their points, from the same
// domain result the total comes from (never recomputed here). Says when secondary data is not yet
// valued by the office (it counts 0 until then, on the server too) and that the qualifier ("Tanpa
// Maladministrasi") is the office's to decide from follow-ups, so the assessor is not misled.
import type { BandingScheme, ScoreResult } from "../../../domain";
import { useChecklist } from "./checklist-context";
import { formatScore } from "./score-panel";

export function CompositeRows({ score, scheme }: { score: ScoreResult; scheme?: BandingScheme }) {
  const { t, local, language } = useChecklist();
  const composite = score.composite;
  if (composite === undefined) return null;
  const secondaryPending = score.dimensions.some((d) => d.secondary === true && d.value === null);
  return (
    <div class="score-panel__composite" data-testid="score-composite">
      <p class="score-panel__subtitle">{t("m25Composite")}</p>
      <dl>
        {composite.map((group) => (
          <div
            key={group.id}
            class="score-panel__row"
            data-group={group.id}
            data-points={String(group.points)}
          >
            <dt>{local(group.name)}</dt>
            <dd>
              {t("m25CompositeRow", {
                points: formatScore(group.points, language),
                weight: formatScore(group.weight, language),
              })}
            </dd>
          </div>
        ))}
      </dl>
      {secondaryPending && (
        <p class="hint" data-testid="secondary-pending">
          {t("m25SecondaryPending")}
        </p>
      )}
      {scheme?.qualifier && (
        <p class="hint" data-testid="qualifier-pending">
          {t("m25QualifierPending", { qualifier: local(scheme.qualifier.label) })}
        </p>
      )}
    </div>
  );
}
