// Progress overview of a period (issue #6 §1): per pemda the units sampled / visited / submitted /
// approved / returned with progress bars, and a sortable unit table per pemda, filtered by pemda,
// status, assessor and unit name (the filters and order kept in the link, issue #20).
// Numbers are the server's counts (GET /progress).
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
import { FilterSelect, FilterText, SortableTable } from "./sortable-table";
import { filterRows, type SortState } from "./table-view";
import { useRemote } from "./use-remote";
import { useTableQuery } from "./use-table-query";
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

type ProgressUnit = ProgressPemda["units"][number];

const SORT_IDS = ["unit", "status", "team", "planned", "conflicts"];

function ProgressBody({ progress }: { progress: Progress }) {
  const { t } = useI18n();
  // Filters and order live in the link (issue #20), shared by every pemda's unit table.
  const view = useTableQuery("", ["pemda", "status", "penilai", "cari"], SORT_IDS);
  const f = view.filters;
  const pemda = progress.pemda.filter((p) => !f.pemda || p.pemdaId === f.pemda);
  const assessors = new Map<string, string>();
  for (const p of progress.pemda)
    for (const u of p.units) for (const m of u.team) assessors.set(m.id, m.name);
  const counts = [
    ["sampled", "reviewCountSampled"],
    ["visited", "reviewCountVisited"],
    ["submitted", "reviewCountSubmitted"],
    ["approved", "reviewCountApproved"],
    ["returned", "reviewCountReturned"],
  ] as const;
  const unitsOf = (p: ProgressPemda) =>
    filterRows(p.units, f.cari ?? "", (u) => u.name).filter(
      (u) => (!f.status || u.status === f.status) && (!f.penilai || u.team.some((m) => m.id === f.penilai)),
    );
  return (
    <>
      <div class="review-filters">
        <FilterSelect
          id="filter-pemda"
          label={t("reviewFilterPemda")}
          value={f.pemda ?? ""}
          options={progress.pemda.map((p) => [p.pemdaId, p.name] as const)}
          onChange={(v) => view.setFilter("pemda", v)}
        />
        <FilterSelect
          id="filter-status"
          label={t("reviewFilterStatus")}
          value={f.status ?? ""}
          options={UNIT_STATUSES.map((s) => [s, t(STATUS_KEYS[s])] as const)}
          onChange={(v) => view.setFilter("status", v)}
        />
        <FilterSelect
          id="filter-assessor"
          label={t("reviewFilterAssessor")}
          value={f.penilai ?? ""}
          options={[...assessors].sort((a, b) => a[1].localeCompare(b[1]))}
          onChange={(v) => view.setFilter("penilai", v)}
        />
        <FilterText
          id="filter-text"
          label={t("tableFilterUnit")}
          value={f.cari ?? ""}
          onInput={(v) => view.setFilter("cari", v)}
        />
      </div>
      {pemda.map((p) => {
        const units = unitsOf(p);
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
              <p class="review-muted">{p.units.length === 0 ? t("reviewNoUnits") : t("tableNoMatch")}</p>
            ) : (
              <ProgressUnits pemda={p} units={units} sort={view.sort} onSort={view.setSort} />
            )}
          </section>
        );
      })}
    </>
  );
}

function ProgressUnits({
  pemda,
  units,
  sort,
  onSort,
}: {
  pemda: ProgressPemda;
  units: ProgressUnit[];
  sort: SortState | null;
  onSort: (s: SortState) => void;
}) {
  const { t, language } = useI18n();
  const team = (u: ProgressUnit) => u.team.map((m) => m.name).join(", ");
  return (
    <SortableTable
      label={t("reviewUnitsOf", { name: pemda.name })}
      rows={units}
      rowKey={(u) => u.assignmentId ?? u.unitId}
      rowProps={(u) => ({ "data-testid": "progress-unit", "data-status": u.status, "data-unit": u.name })}
      sort={sort}
      onSort={onSort}
      columns={[
        {
          id: "unit",
          label: t("reviewUnit"),
          rowHeader: true,
          sortValue: (u) => u.name,
          render: (u) =>
            u.assessmentId === null ? u.name : <Link href={`/tinjauan/${u.assessmentId}`}>{u.name}</Link>,
        },
        {
          id: "status",
          label: t("tableColumnStatus"),
          sortValue: (u) => UNIT_STATUSES.indexOf(u.status),
          render: (u) => (
            <span class={`review-status review-status--${u.status}`}>{t(STATUS_KEYS[u.status])}</span>
          ),
        },
        { id: "team", label: t("reviewTeam"), sortValue: team, render: (u) => team(u) || "—" },
        {
          id: "planned",
          label: t("tableColumnPlanned"),
          sortValue: (u) => u.plannedDate ?? null,
          render: (u) => formatDate(u.plannedDate, language),
        },
        {
          id: "conflicts",
          label: t("deskColumnConflicts"),
          numeric: true,
          firstDir: "desc",
          sortValue: (u) => u.conflicts,
          render: (u) =>
            u.conflicts > 0 ? <strong class="review-conflict-flag">{u.conflicts}</strong> : "0",
        },
      ]}
    />
  );
}
