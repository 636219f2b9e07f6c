// National results of a round (issue #19): every locus ranked within its category across offices
// (ties share a rank, shown "2="), the number of loci per category, the distribution per band, a
// chart, filters by office and category (applied by the server, ranks stay the round's), and the
// XLSX. The tables sort by their headers and filter by locus or office name (issue #20). Provisional until every joined period is closed. Before publication a Kantor Perwakilan sees
// only its own loci without ranks (the server's scoping); the screen says so rather than hiding it.
import { useState } from "preact/hooks";
import {
  type NationalFilter,
  type NationalLocus,
  type NationalResults,
  nationalApi,
  nationalXlsxUrl,
} from "../../api/national-api";
import { useDocumentTitle } from "../../app/use-document-title";
import { Link } from "../../components/link";
import { useI18n } from "../../i18n/i18n";
import { RemoteView } from "../review/remote-view";
import { PemdaChart } from "../review/results-chart";
import { FilterShown, FilterText, SortableTable } from "../review/sortable-table";
import { filterRows, type SortState } from "../review/table-view";
import { useRemote } from "../review/use-remote";
import { type TableQueryState, useTableQuery } from "../review/use-table-query";
import { formatScore, zoneClass } from "../review/words";
import { BandChart } from "./band-chart";
import { categoryWords, rankText } from "./national-words";
import "../../styles/review.css";
import "../../styles/national.css";

/** Bars drawn in the ranking chart; the table always holds every locus. */
const CHART_MAX_LOCI = 40;

const NATIONAL_SORT_IDS = ["peringkat", "lokus", "kantor", "nilai", "kategori", "predikat", "zona", "status"];

export function NationalResultsScreen({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  useDocumentTitle(t("natResultsTitle"));
  // The office and category filters (applied by the server), the name search and the order all live
  // in the link, so a ranking view can be shared (issue #20).
  const view = useTableQuery("", ["kantor", "kategori", "cari"], NATIONAL_SORT_IDS, {
    id: "peringkat",
    dir: "asc",
  });
  const filter: NationalFilter = {
    officeId: view.filters.kantor || undefined,
    category: view.filters.kategori || undefined,
  };
  const setFilter = (f: NationalFilter) => {
    if ((f.officeId ?? "") !== (filter.officeId ?? "")) view.setFilter("kantor", f.officeId ?? "");
    else view.setFilter("kategori", f.category ?? "");
  };
  const [remote, reload] = useRemote(
    () => Promise.all([nationalApi.round(roundId), nationalApi.results(roundId, filter)]),
    [roundId, filter.officeId, filter.category],
  );
  return (
    <div class="screen review-screen national" data-testid="national-results-screen">
      <p class="admin__back">
        <Link href={`/nasional/${roundId}`}>{t("natBackToRound")}</Link>
      </p>
      <h1 tabIndex={-1}>{t("natResultsTitle")}</h1>
      <RemoteView remote={remote} reload={reload}>
        {([detail, results]) => (
          <>
            <p class="lead">{t("natResultsOf", { name: detail.round.name, year: String(results.year) })}</p>
            <StatusNotice results={results} />
            <Filters
              filter={filter}
              setFilter={setFilter}
              offices={detail.offices.filter((o) => o.joined).map((o) => [o.officeId, o.officeName] as const)}
              categories={results.categories.map((c) => c.category)}
            />
            <p>
              <a class="button" href={nationalXlsxUrl(roundId, filter)} download data-testid="national-xlsx">
                {t("natXlsx")}
              </a>
            </p>
            <Summary results={results} />
            <Ranking results={results} view={view} />
          </>
        )}
      </RemoteView>
    </div>
  );
}

function StatusNotice({ results }: { results: NationalResults }) {
  const { t } = useI18n();
  return (
    <div class="national-status" data-testid="national-status">
      <p
        class={results.provisional ? "notice notice--warning" : "notice"}
        data-testid="national-provisional"
        data-provisional={String(results.provisional)}
      >
        <strong>{results.provisional ? t("natProvisional") : t("natFinal")}</strong>{" "}
        {results.provisional ? t("natProvisionalText") : t("natFinalText")}
      </p>
      <p class="notice" data-testid="national-published" data-published={String(results.published)}>
        {results.published ? t("natPublishedText") : t("natUnpublishedText")}
      </p>
      {!results.national && (
        <p class="notice" data-testid="national-scoped">
          {t("natScopedText")}
        </p>
      )}
    </div>
  );
}

function Filters({
  filter,
  setFilter,
  offices,
  categories,
}: {
  filter: NationalFilter;
  setFilter: (f: NationalFilter) => void;
  offices: readonly (readonly [string, string])[];
  categories: readonly string[];
}) {
  const { t } = useI18n();
  // A category filtered away still needs its option, or the select could not show the choice.
  const shownCategories =
    filter.category && !categories.includes(filter.category) ? [...categories, filter.category] : categories;
  return (
    <div class="national-filters">
      {offices.length > 1 && (
        <div class="field">
          <label for="national-office">{t("natFilterOffice")}</label>
          <select
            id="national-office"
            value={filter.officeId ?? ""}
            onChange={(e) => setFilter({ ...filter, officeId: e.currentTarget.value || undefined })}
          >
            <option value="">{t("natAllOffices")}</option>
            {offices.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="field">
        <label for="national-category">{t("natFilterCategory")}</label>
        <select
          id="national-category"
          value={filter.category ?? ""}
          onChange={(e) => setFilter({ ...filter, category: e.currentTarget.value || undefined })}
        >
          <option value="">{t("natAllCategories")}</option>
          {shownCategories.map((c) => (
            <option key={c} value={c}>
              {categoryWords(t, c)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

function Summary({ results }: { results: NationalResults }) {
  const { t } = useI18n();
  return (
    <section class="card" aria-labelledby="national-summary">
      <h2 id="national-summary" class="card__title">
        {t("natSummaryTitle")}
      </h2>
      <div class="national-summary">
        <div>
          <h3>{t("natPerCategory")}</h3>
          <ul data-testid="national-categories">
            {results.categories.map((c) => (
              <li key={c.category} data-category={c.category}>
                {t("natCategoryCount", { category: categoryWords(t, c.category), count: String(c.count) })}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3>{t("natPerBand")}</h3>
          <p data-testid="national-distribution">
            {results.distribution.map((d) => `${d.category ?? t("natNoScore")} ${d.count}`).join(", ")}
          </p>
          <BandChart distribution={results.distribution} year={results.year} />
        </div>
      </div>
    </section>
  );
}

function groupByCategory(loci: readonly NationalLocus[]): [string, NationalLocus[]][] {
  const groups = new Map<string, NationalLocus[]>();
  for (const l of loci) {
    const list = groups.get(l.category);
    if (list === undefined) groups.set(l.category, [l]);
    else list.push(l);
  }
  return [...groups];
}

function Ranking({ results, view }: { results: NationalResults; view: TableQueryState }) {
  const { t } = useI18n();
  const groups = groupByCategory(results.loci);
  const query = view.filters.cari ?? "";
  const [chartCategory, setChartCategory] = useState(groups[0]?.[0] ?? "");
  const charted = groups.find(([c]) => c === chartCategory)?.[1] ?? groups[0]?.[1] ?? [];
  return (
    <section class="card" aria-labelledby="national-ranking">
      <h2 id="national-ranking" class="card__title">
        {t("natRankingTitle")}
      </h2>
      {results.loci.length === 0 && <p>{t("natNoLoci")}</p>}
      {results.loci.length > 0 && (
        <div class="review-filters">
          <FilterText
            id="national-search"
            label={t("tableFilterLocus")}
            value={query}
            onInput={(v) => view.setFilter("cari", v)}
          />
        </div>
      )}
      <FilterShown
        shown={filterRows(results.loci, query, (l) => `${l.name} ${l.officeName}`).length}
        total={results.loci.length}
      />
      {groups.map(([category, loci]) => (
        <CategoryTable
          key={category}
          category={category}
          loci={loci}
          national={results.national}
          query={query}
          sort={view.sort}
          onSort={view.setSort}
        />
      ))}
      {groups.length > 0 && (
        <>
          <h3>{t("natChartTitle")}</h3>
          {groups.length > 1 && (
            <div class="field">
              <label for="national-chart-category">{t("natChartCategory")}</label>
              <select
                id="national-chart-category"
                value={chartCategory}
                onChange={(e) => setChartCategory(e.currentTarget.value)}
              >
                {groups.map(([c]) => (
                  <option key={c} value={c}>
                    {categoryWords(t, c)}
                  </option>
                ))}
              </select>
            </div>
          )}
          <PemdaChart
            id="chart-national"
            ranked={charted.slice(0, CHART_MAX_LOCI)}
            title={t("natChartOf", { category: categoryWords(t, charted[0]?.category ?? "") })}
            desc={t("natChartDesc")}
          />
          {charted.length > CHART_MAX_LOCI && (
            <p>{t("natChartCapped", { shown: String(CHART_MAX_LOCI), total: String(charted.length) })}</p>
          )}
        </>
      )}
    </section>
  );
}

function CategoryTable({
  category,
  loci,
  national,
  query,
  sort,
  onSort,
}: {
  category: string;
  loci: NationalLocus[];
  national: boolean;
  query: string;
  sort: SortState | null;
  onSort: (s: SortState) => void;
}) {
  const { t, language } = useI18n();
  const headingId = `national-cat-${category}`;
  const count = loci[0]?.categoryCount;
  const shown = filterRows(loci, query, (l) => `${l.name} ${l.officeName}`);
  if (shown.length === 0) return null;
  const predicate = (l: NationalLocus) => l.band?.predicate ?? l.band?.label ?? null;
  return (
    <div class="national-category" data-testid="national-category" data-category={category}>
      <h3 id={headingId}>
        {categoryWords(t, category)}{" "}
        <span class="national-muted">
          {count == null
            ? t("natLociShown", { count: String(loci.length) })
            : t("natLociInCategory", { count: String(count) })}
        </span>
      </h3>
      <SortableTable
        label={categoryWords(t, category)}
        labelledBy={headingId}
        testId="national-table"
        rows={shown}
        rowKey={(l) => l.pemdaId}
        rowProps={(l) => ({
          "data-testid": "national-locus",
          "data-locus": l.name,
          "data-rank": l.rank === null ? "" : String(l.rank),
        })}
        sort={sort}
        onSort={onSort}
        columns={[
          {
            id: "peringkat",
            label: t("natRank"),
            numeric: true,
            sortValue: (l) => l.rank,
            cellProps: () => ({ "data-testid": "national-rank" }),
            render: (l) =>
              national ? rankText(l, loci) : <span class="national-muted">{t("natRankHidden")}</span>,
          },
          {
            id: "lokus",
            label: t("natLocus"),
            rowHeader: true,
            sortValue: (l) => l.name,
            render: (l) => <Link href={`/lokus/${l.pemdaId}`}>{l.name}</Link>,
          },
          {
            id: "kantor",
            label: t("natOffice"),
            sortValue: (l) => l.officeName,
            render: (l) => l.officeName,
          },
          {
            id: "nilai",
            label: t("reviewScore"),
            numeric: true,
            firstDir: "desc",
            sortValue: (l) => l.score,
            cellProps: () => ({ "data-testid": "national-score" }),
            render: (l) => (l.score === null ? t("reviewNoScore") : formatScore(l.score, language)),
          },
          {
            id: "kategori",
            label: t("reviewCategory"),
            sortValue: (l) => l.band?.category ?? null,
            render: (l) => l.band?.category ?? "—",
          },
          {
            id: "predikat",
            label: t("natPredicate"),
            sortValue: predicate,
            render: (l) => predicate(l) ?? "—",
          },
          {
            id: "zona",
            label: t("reviewZone"),
            sortValue: (l) => l.band?.zone ?? null,
            render: (l) =>
              l.band?.zone ? <span class={`review-zone ${zoneClass(l.band.zone)}`}>{l.band.zone}</span> : "—",
          },
          {
            id: "status",
            label: t("natLocusStatus"),
            sortValue: (l) => (l.final ? 1 : 0),
            render: (l) => t(l.final ? "reviewFinal" : "reviewProvisional"),
          },
        ]}
      />
    </div>
  );
}
