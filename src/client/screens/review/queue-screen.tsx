// The review queue (issues #6, #20): every submitted checklist of every open period the user
// manages (GET /review-queue), oldest submission first, as a sortable table with filters by period,
// pemda, assessor and a text search. A checklist of last round still waiting is never hidden
// behind the newest period.
import { useState } from "preact/hooks";
import { fetchReviewQueue, type QueueItem } from "../../api/review-api";
import { useDocumentTitle } from "../../app/use-document-title";
import { Link } from "../../components/link";
import { useI18n } from "../../i18n/i18n";
import { RemoteView } from "./remote-view";
import { SortableTable } from "./sortable-table";
import { useRemote } from "./use-remote";
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

interface Filter {
  periodId: string;
  pemdaId: string;
  assessorId: string;
  text: string;
}

function options(items: QueueItem[], pick: (i: QueueItem) => [string, string][]) {
  const seen = new Map<string, string>();
  for (const item of items) for (const [id, name] of pick(item)) seen.set(id, name);
  return [...seen].sort((a, b) => a[1].localeCompare(b[1]));
}

function QueueBody({ items }: { items: QueueItem[] }) {
  const { t, language } = useI18n();
  const [filter, setFilter] = useState<Filter>({ periodId: "", pemdaId: "", assessorId: "", text: "" });
  const text = filter.text.trim().toLowerCase();
  const rows = items.filter(
    (i) =>
      (filter.periodId === "" || i.period.id === filter.periodId) &&
      (filter.pemdaId === "" || i.pemda.id === filter.pemdaId) &&
      (filter.assessorId === "" || i.team.some((m) => m.id === filter.assessorId)) &&
      (text === "" || `${i.unit.name} ${i.pemda.name}`.toLowerCase().includes(text)),
  );
  const select = (id: keyof Filter, label: string, list: [string, string][]) => (
    <div class="field">
      <label for={`queue-${id}`}>{label}</label>
      <select
        id={`queue-${id}`}
        value={filter[id]}
        onChange={(e) => setFilter({ ...filter, [id]: e.currentTarget.value })}
      >
        <option value="">{t("reviewFilterAll")}</option>
        {list.map(([value, name]) => (
          <option key={value} value={value}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <>
      <div class="review-filters">
        {select(
          "periodId",
          t("deskQueuePeriod"),
          options(items, (i) => [[i.period.id, i.period.name]]),
        )}
        {select(
          "pemdaId",
          t("reviewFilterPemda"),
          options(items, (i) => [[i.pemda.id, i.pemda.name]]),
        )}
        {select(
          "assessorId",
          t("reviewFilterAssessor"),
          options(items, (i) => i.team.map((m) => [m.id, m.name])),
        )}
        <div class="field">
          <label for="queue-text">{t("deskFilterText")}</label>
          <input
            id="queue-text"
            type="search"
            value={filter.text}
            onInput={(e) => setFilter({ ...filter, text: e.currentTarget.value })}
          />
        </div>
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
          initialSort={{ id: "submitted", dir: "asc" }}
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
