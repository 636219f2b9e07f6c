// One period's plan: choose a pemda, draw its unit sample by kind with a seed (shown; the same seed
// redraws the same sample), edit the sample by hand, and assign each sampled unit a team, a visit
// date and suggested products. Online only; every change is one request and the plan is re-read.
import { useEffect, useState } from "preact/hooks";
import { fetchPeriodPlan, type PeriodPlan } from "../../api/planning-api";
import { useDocumentTitle } from "../../app/use-document-title";
import { Link } from "../../components/link";
import { useI18n } from "../../i18n/i18n";
import { AssignmentCard } from "./assignment-card";
import { planningErrorWords } from "./planning-words";
import { SamplePanel } from "./sample-panel";
import "../../styles/planning.css";

export function PeriodPlanScreen({ periodId }: { periodId: string }) {
  const { t } = useI18n();
  const [plan, setPlan] = useState<PeriodPlan | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [pemdaId, setPemdaId] = useState<string>("");
  const [version, setVersion] = useState(0);
  useDocumentTitle(plan ? `${t("planningTitle")} — ${plan.period.name}` : t("planningTitle"));

  useEffect(() => {
    let live = true;
    fetchPeriodPlan(periodId).then(
      (p) => {
        if (!live) return;
        setPlan(p);
        setError(null);
        setPemdaId((current) => current || (p.pemda.find((x) => x.units.length > 0) ?? p.pemda[0])?.id || "");
      },
      (e: unknown) => live && setError(planningErrorWords(e, t)),
    );
    return () => {
      live = false;
    };
  }, [periodId, version]);
  const refresh = () => setVersion((n) => n + 1);

  const pemda = plan?.pemda.find((p) => p.id === pemdaId);
  const closed = plan?.period.status === "closed";
  const sampled = pemda?.sample?.unitIds.flatMap((id) => pemda.units.find((u) => u.id === id) ?? []) ?? [];

  return (
    <div class="screen planning" data-testid="period-plan">
      <p>
        <Link href="/perencanaan">{t("planningBack")}</Link>
      </p>
      <h1 tabIndex={-1}>{plan ? plan.period.name : t("planningTitle")}</h1>
      <p>
        <Link href={`/perencanaan/${encodeURIComponent(periodId)}/data-lokus`}>{t("ldLink")}</Link>
      </p>
      {error && (
        <p role="alert" class="notice notice--error">
          {t("planningLoadFailed", { reason: error })}
        </p>
      )}
      {!plan && !error && <p role="status">{t("planningLoading")}</p>}
      {closed && <p class="notice notice--info">{t("planningClosedNotice")}</p>}
      {plan && (
        <>
          <label class="field">
            <span class="field__label">{t("planningPemdaLabel")}</span>
            <select
              class="input"
              data-testid="pemda-select"
              value={pemdaId}
              onChange={(e) => setPemdaId((e.currentTarget as HTMLSelectElement).value)}
            >
              {plan.pemda.map((p) => (
                <option key={p.id} value={p.id}>
                  {t("planningPemdaOption", { name: p.name, count: String(p.units.length) })}
                </option>
              ))}
            </select>
          </label>
          {pemda && (
            <SamplePanel
              key={pemda.id}
              periodId={plan.period.id}
              pemda={pemda}
              disabled={closed}
              onChanged={refresh}
            />
          )}
          {sampled.length > 0 && (
            <section class="planning__assignments" aria-labelledby="planning-assignments-title">
              <h2 id="planning-assignments-title">{t("planningAssignmentsTitle")}</h2>
              <ul class="planning__cards">
                {sampled.map((unit) => {
                  const assignment = plan.assignments.find((a) => a.unitId === unit.id);
                  // Remounted whenever the server's assignment changes, so the form never holds a
                  // team member someone just removed (saving would silently add them back).
                  return (
                    <AssignmentCard
                      key={`${unit.id}:${JSON.stringify(assignment ?? null)}`}
                      periodId={plan.period.id}
                      unit={unit}
                      assessors={plan.assessors}
                      assignment={assignment}
                      disabled={closed}
                      onChanged={refresh}
                    />
                  );
                })}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}
