// Perencanaan: the periods this supervisor (or admin) plans; each opens its period plan.
import { useEffect, useState } from "preact/hooks";
import { fetchPlanPeriods, type PlanPeriod } from "../../api/planning-api";
import { useDocumentTitle } from "../../app/use-document-title";
import { Link } from "../../components/link";
import { useI18n } from "../../i18n/i18n";
import { planningErrorWords } from "./planning-words";
import "../../styles/planning.css";

export function PlanningPeriodsScreen() {
  const { t } = useI18n();
  useDocumentTitle(t("planningTitle"));
  const [periods, setPeriods] = useState<PlanPeriod[] | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetchPlanPeriods().then(setPeriods, (e: unknown) => setError(planningErrorWords(e, t)));
  }, []);
  return (
    <div class="screen planning">
      <h1 tabIndex={-1}>{t("planningTitle")}</h1>
      <p class="lead">{t("planningIntro")}</p>
      {error && (
        <p role="alert" class="notice notice--error">
          {t("planningLoadFailed", { reason: error })}
        </p>
      )}
      {periods === undefined && !error && <p role="status">{t("planningLoading")}</p>}
      {periods?.length === 0 && <p>{t("planningNoPeriods")}</p>}
      {periods && periods.length > 0 && (
        <ul class="link-list" data-testid="planning-periods">
          {periods.map((p) => (
            <li key={p.id}>
              <Link href={`/perencanaan/${p.id}`}>
                {t("planningPeriodItem", {
                  name: p.name,
                  year: String(p.year),
                  status: t(p.status === "open" ? "planningPeriodOpen" : "planningPeriodClosed"),
                })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
