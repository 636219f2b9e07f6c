// The review queue (issue #6 §2): submitted checklists of the period, oldest submission first,
// filtered by pemda and assessor. Read from GET /progress (units carry status, team and dates).
import { useState } from "preact/hooks";
import { fetchProgress, type Period, type Progress } from "../../api/review-api";
import { useDocumentTitle } from "../../app/use-document-title";
import { Link } from "../../components/link";
import { useI18n } from "../../i18n/i18n";
import { WithPeriod } from "./period-choice";
import { filterUnits, type UnitFilter, UnitFilters } from "./progress-screen";
import { RemoteView } from "./remote-view";
import { useRemote } from "./use-remote";
import { formatDateTime } from "./words";
import "../../styles/review.css";

export function QueueScreen() {
  const { t } = useI18n();
  useDocumentTitle(t("reviewQueueTitle"));
  return (
    <div class="screen review-screen" data-testid="queue-screen">
      <h1 tabIndex={-1}>{t("reviewQueueTitle")}</h1>
      <p class="lead">{t("reviewQueueIntro")}</p>
      <WithPeriod>{(period) => <PeriodQueue period={period} />}</WithPeriod>
    </div>
  );
}

function PeriodQueue({ period }: { period: Period }) {
  const [remote, reload] = useRemote(() => fetchProgress(period.id), [period.id]);
  return (
    <RemoteView remote={remote} reload={reload}>
      {(progress) => <QueueBody progress={progress} />}
    </RemoteView>
  );
}

function QueueBody({ progress }: { progress: Progress }) {
  const { t, language } = useI18n();
  const [filter, setFilter] = useState<UnitFilter>({ pemdaId: "", status: "submitted", assessorId: "" });
  const rows = progress.pemda
    .filter((p) => filter.pemdaId === "" || p.pemdaId === filter.pemdaId)
    .flatMap((p) => filterUnits(p, filter).map((u) => ({ pemda: p.name, unit: u })))
    .sort((a, b) => (a.unit.submittedAt ?? "").localeCompare(b.unit.submittedAt ?? ""));
  return (
    <>
      <UnitFilters progress={progress} filter={filter} onChange={setFilter} statuses={false} />
      {rows.length === 0 ? (
        <p class="notice notice--info">{t("reviewQueueEmpty")}</p>
      ) : (
        <ul class="review-units review-queue">
          {rows.map(({ pemda, unit }) => (
            <li
              key={unit.assignmentId}
              class="review-unit card"
              data-testid="queue-item"
              data-unit={unit.name}
            >
              <div class="review-unit__head">
                <span class="review-unit__name">
                  {unit.name} <span class="review-muted">· {pemda}</span>
                </span>
                {unit.conflicts > 0 && (
                  <strong class="review-conflict-flag">
                    {t("reviewConflictCount", { count: String(unit.conflicts) })}
                  </strong>
                )}
              </div>
              <p class="review-muted">
                {t("reviewTeam")}: {unit.team.map((m) => m.name).join(", ") || "—"} · {t("reviewSubmittedAt")}
                : {formatDateTime(unit.submittedAt, language)}
              </p>
              {unit.assessmentId !== null && (
                <Link href={`/tinjauan/${unit.assessmentId}`} class="button button--primary">
                  {t("reviewOpen")} <span class="visually-hidden">{unit.name}</span>
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
