// Progress overview of a period (issue #6 §1): per pemda the units sampled / visited / submitted /
// approved / returned with progress bars, and the unit list, filtered by pemda, status and assessor.
// Numbers are the server's counts (GET /progress).
import { useState } from "preact/hooks";
import {
  evidenceArchiveUrl,
  fetchProgress,
  type Period,
  type Progress,
  type ProgressPemda,
} from "../../api/review-api";
import { useDocumentTitle } from "../../app/use-document-title";
import { Link } from "../../components/link";
import { useI18n } from "../../i18n/i18n";
import { WithPeriod } from "./period-choice";
import { RemoteView } from "./remote-view";
import { useRemote } from "./use-remote";
import { formatDate, STATUS_KEYS, UNIT_STATUSES } from "./words";
import "../../styles/review.css";

export function ProgressScreen() {
  const { t } = useI18n();
  useDocumentTitle(t("reviewProgressTitle"));
  return (
    <div class="screen review-screen" data-testid="progress-screen">
      <h1 tabIndex={-1}>{t("reviewProgressTitle")}</h1>
      <p class="lead">{t("reviewProgressIntro")}</p>
      <WithPeriod>{(period) => <PeriodProgress period={period} />}</WithPeriod>
    </div>
  );
}

function PeriodProgress({ period }: { period: Period }) {
  const [remote, reload] = useRemote(() => fetchProgress(period.id), [period.id]);
  return (
    <RemoteView remote={remote} reload={reload}>
      {(progress) => <ProgressBody progress={progress} />}
    </RemoteView>
  );
}

export interface UnitFilter {
  pemdaId: string;
  status: string;
  assessorId: string;
}

/** The pemda, status and assessor filters; "" means all. */
export function UnitFilters({
  progress,
  filter,
  onChange,
  statuses = true,
}: {
  progress: Progress;
  filter: UnitFilter;
  onChange: (f: UnitFilter) => void;
  statuses?: boolean;
}) {
  const { t } = useI18n();
  const assessors = new Map<string, string>();
  for (const p of progress.pemda)
    for (const u of p.units) for (const m of u.team) assessors.set(m.id, m.name);
  return (
    <div class="review-filters">
      <div class="field">
        <label for="filter-pemda">{t("reviewFilterPemda")}</label>
        <select
          id="filter-pemda"
          value={filter.pemdaId}
          onChange={(e) => onChange({ ...filter, pemdaId: e.currentTarget.value })}
        >
          <option value="">{t("reviewFilterAll")}</option>
          {progress.pemda.map((p) => (
            <option key={p.pemdaId} value={p.pemdaId}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      {statuses && (
        <div class="field">
          <label for="filter-status">{t("reviewFilterStatus")}</label>
          <select
            id="filter-status"
            value={filter.status}
            onChange={(e) => onChange({ ...filter, status: e.currentTarget.value })}
          >
            <option value="">{t("reviewFilterAll")}</option>
            {UNIT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(STATUS_KEYS[s])}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="field">
        <label for="filter-assessor">{t("reviewFilterAssessor")}</label>
        <select
          id="filter-assessor"
          value={filter.assessorId}
          onChange={(e) => onChange({ ...filter, assessorId: e.currentTarget.value })}
        >
          <option value="">{t("reviewFilterAll")}</option>
          {[...assessors]
            .sort((a, b) => a[1].localeCompare(b[1]))
            .map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
        </select>
      </div>
    </div>
  );
}

export function filterUnits(pemda: ProgressPemda, filter: UnitFilter) {
  return pemda.units.filter(
    (u) =>
      (filter.status === "" || u.status === filter.status) &&
      (filter.assessorId === "" || u.team.some((m) => m.id === filter.assessorId)),
  );
}

function Bar({ done, total, label }: { done: number; total: number; label: string }) {
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <div class="review-bar">
      <div
        class="review-bar__track"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-label={label}
      >
        <div class="review-bar__fill" style={{ width: `${percent}%` }} />
      </div>
      <span class="review-bar__text">{label}</span>
    </div>
  );
}

function ProgressBody({ progress }: { progress: Progress }) {
  const { t, language } = useI18n();
  const [filter, setFilter] = useState<UnitFilter>({ pemdaId: "", status: "", assessorId: "" });
  const pemda = progress.pemda.filter((p) => filter.pemdaId === "" || p.pemdaId === filter.pemdaId);
  const counts = [
    ["sampled", "reviewCountSampled"],
    ["visited", "reviewCountVisited"],
    ["submitted", "reviewCountSubmitted"],
    ["approved", "reviewCountApproved"],
    ["returned", "reviewCountReturned"],
  ] as const;
  return (
    <>
      <UnitFilters progress={progress} filter={filter} onChange={setFilter} />
      {pemda.map((p) => {
        const units = filterUnits(p, filter);
        return (
          <section class="card review-pemda" key={p.pemdaId} data-testid="progress-pemda" data-pemda={p.name}>
            <h2 class="card__title">{p.name}</h2>
            <a
              class="button"
              href={evidenceArchiveUrl(progress.periodId, p.pemdaId)}
              download
              data-testid="progress-evidence-zip"
              aria-label={`${t("deskEvidenceDownload")}: ${p.name}`}
            >
              {t("deskEvidenceDownload")}
            </a>
            <dl class="review-counts">
              {counts.map(([field, key]) => (
                <div key={field} data-count={field}>
                  <dt>{t(key)}</dt>
                  <dd>{p[field]}</dd>
                </div>
              ))}
            </dl>
            <Bar
              done={p.submitted + p.approved}
              total={p.sampled}
              label={t("reviewBarSubmitted", {
                done: String(p.submitted + p.approved),
                total: String(p.sampled),
              })}
            />
            <Bar
              done={p.approved}
              total={p.sampled}
              label={t("reviewBarApproved", { done: String(p.approved), total: String(p.sampled) })}
            />
            {units.length === 0 ? (
              <p class="review-muted">{t("reviewNoUnits")}</p>
            ) : (
              <ul class="review-units" aria-label={t("reviewUnitsOf", { name: p.name })}>
                {units.map((u) => (
                  <li
                    key={u.assignmentId ?? u.unitId}
                    class="review-unit"
                    data-testid="progress-unit"
                    data-status={u.status}
                  >
                    <div class="review-unit__head">
                      <span class="review-unit__name">{u.name}</span>
                      <span class={`review-status review-status--${u.status}`}>
                        {t(STATUS_KEYS[u.status])}
                      </span>
                    </div>
                    <p class="review-muted">
                      {t("reviewTeam")}: {u.team.map((m) => m.name).join(", ") || "—"} · {t("reviewPlanned")}:{" "}
                      {formatDate(u.plannedDate, language)}
                      {u.conflicts > 0 && (
                        <strong class="review-conflict-flag">
                          {" "}
                          · {t("reviewConflictCount", { count: String(u.conflicts) })}
                        </strong>
                      )}
                    </p>
                    {u.assessmentId !== null && (
                      <Link href={`/tinjauan/${u.assessmentId}`} class="review-unit__open">
                        {t("reviewOpen")} <span class="visually-hidden">{u.name}</span>
                      </Link>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}
