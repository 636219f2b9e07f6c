// The review queue (issues #6, #20): every submitted checklist of every open period the user
// manages (GET /review-queue), oldest submission first, as a sortable table with filters by period,
// pemda, assessor and a text search. A checklist of last round still waiting is never hidden
// behind the newest period.
import { fetchReviewQueue, type QueueItem } from "../../api/review-api";
import { useDocumentTitle } from "../../app/use-document-title";
import { Link } from "../../components/link";
import { useI18n } from "../../i18n/i18n";
import { RemoteView } from "./remote-view";
import { FilterSelect, FilterText, SortableTable } from "./sortable-table";
import { filterRows } from "./table-view";
import { useRemote } from "./use-remote";
import { useTableQuery } from "./use-table-query";
import { formatDateTime, formatScore } from "./words";
import "../../styles/review.css";

export function QueueScreen() {
  const { t } = useI18n();
  useDocumentTitle(t("reviewQueueTitle"));
  const [remote, reload] = useRemote(fetchReviewQueue, []);
  return (
    <div class="screen review-screen" data-testid="queue-screen">
      <h1 tabIndex={-1}>{t("reviewQueueTitle")}</h1>
      <p class="lead">{t("deskQueueAllOpen")}</p>
      <RemoteView remote={remote} reload={reload}>
        {(items) => <QueueBody items={items} />}
      </RemoteView>
    </div>
  );
}

function options(items: QueueItem[], pick: (i: QueueItem) => [string, string][]) {
  const seen = new Map<string, string>();
  for (const item of items) for (const [id, name] of pick(item)) seen.set(id, name);
  return [...seen].sort((a, b) => a[1].localeCompare(b[1]));
}

const SORT_IDS = ["unit", "pemda", "period", "team", "submitted", "conflicts"];

function QueueBody({ items }: { items: QueueItem[] }) {
  const { t, language } = useI18n();
  // Filters and order live in the link, so a supervisor can send a colleague the same view.
  const view = useTableQuery("", ["periode", "pemda", "penilai", "cari"], SORT_IDS, {
    id: "submitted",
    dir: "asc",
  });
  const f = view.filters;
  const rows = filterRows(items, f.cari ?? "", (i) => `${i.unit.name} ${i.pemda.name}`).filter(
    (i) =>
      (!f.periode || i.period.id === f.periode) &&
      (!f.pemda || i.pemda.id === f.pemda) &&
      (!f.penilai || i.team.some((m) => m.id === f.penilai)),
  );
  return (
    <>
      <div class="review-filters">
        <FilterSelect
          id="queue-periodId"
          label={t("deskQueuePeriod")}
          value={f.periode ?? ""}
          options={options(items, (i) => [[i.period.id, i.period.name]])}
          onChange={(v) => view.setFilter("periode", v)}
        />
        <FilterSelect
          id="queue-pemdaId"
          label={t("reviewFilterPemda")}
          value={f.pemda ?? ""}
          options={options(items, (i) => [[i.pemda.id, i.pemda.name]])}
          onChange={(v) => view.setFilter("pemda", v)}
        />
        <FilterSelect
          id="queue-assessorId"
          label={t("reviewFilterAssessor")}
          value={f.penilai ?? ""}
          options={options(items, (i) => i.team.map((m) => [m.id, m.name]))}
          onChange={(v) => view.setFilter("penilai", v)}
        />
        <FilterText
          id="queue-text"
          label={t("deskFilterText")}
          value={f.cari ?? ""}
          onInput={(v) => view.setFilter("cari", v)}
        />
      </div>
      {rows.length === 0 ? (
        <p class="notice notice--info">{t("reviewQueueEmpty")}</p>
      ) : (
        <SortableTable
          label={t("reviewQueueTitle")}
          testId="queue-table"
          rows={rows}
          rowKey={(i) => i.assessmentId}
          rowProps={(i) => ({ "data-testid": "queue-item", "data-unit": i.unit.name })}
          sort={view.sort}
          onSort={view.setSort}
          columns={[
            {
              id: "unit",
              label: t("deskColumnUnit"),
              sortValue: (i) => i.unit.name,
              render: (i) => (
                <>
                  <Link href={`/tinjauan/${i.assessmentId}`}>{i.unit.name}</Link>
                  {i.resubmitted && (
                    <>
                      {" "}
                      <span class="review-changed-flag">{t("deskQueueResubmitted")}</span>
                    </>
                  )}
                </>
              ),
            },
            {
              id: "pemda",
              label: t("deskColumnPemda"),
              sortValue: (i) => i.pemda.name,
              render: (i) => i.pemda.name,
            },
            {
              id: "period",
              label: t("deskQueuePeriod"),
              sortValue: (i) => `${i.period.year} ${i.period.name}`,
              render: (i) => i.period.name,
            },
            {
              id: "team",
              label: t("deskColumnTeam"),
              sortValue: (i) => i.team.map((m) => m.name).join(", "),
              render: (i) => i.team.map((m) => m.name).join(", ") || "—",
            },
            {
              id: "score",
              label: t("reviewScore"),
              numeric: true,
              sortValue: (i) => i.score ?? -1,
              render: (i) => <span data-testid="queue-score">{formatScore(i.score, language)}</span>,
            },
            {
              id: "submitted",
              label: t("deskColumnSubmitted"),
              sortValue: (i) => i.submittedAt ?? "",
              render: (i) => formatDateTime(i.submittedAt, language),
            },
            {
              id: "conflicts",
              label: t("deskColumnConflicts"),
              numeric: true,
              sortValue: (i) => i.conflicts,
              render: (i) =>
                i.conflicts > 0 ? <strong class="review-conflict-flag">{i.conflicts}</strong> : "0",
            },
          ]}
        />
      )}
    </>
  );
}
