// National results of a round (issue #19): every locus ranked within its category across offices
// (ties share a rank, shown "2="), the number of loci per category, the distribution per band, a
// chart, filters by office and category (applied by the server, ranks stay the round's), and the
// XLSX. Provisional until every joined period is closed. Before publication a Kantor Perwakilan sees
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
import { useRemote } from "../review/use-remote";
import { formatScore, zoneClass } from "../review/words";
import { BandChart } from "./band-chart";
import { categoryWords, rankText } from "./national-words";
import "../../styles/review.css";
import "../../styles/national.css";

/** Bars drawn in the ranking chart; the table always holds every locus. */
const CHART_MAX_LOCI = 40;

export function NationalResultsScreen({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  useDocumentTitle(t("natResultsTitle"));
  const [filter, setFilter] = useState<NationalFilter>({});
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
            <Ranking results={results} />
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

function Ranking({ results }: { results: NationalResults }) {
  const { t } = useI18n();
  const groups = groupByCategory(results.loci);
  const [chartCategory, setChartCategory] = useState(groups[0]?.[0] ?? "");
  const charted = groups.find(([c]) => c === chartCategory)?.[1] ?? groups[0]?.[1] ?? [];
  return (
    <section class="card" aria-labelledby="national-ranking">
      <h2 id="national-ranking" class="card__title">
        {t("natRankingTitle")}
      </h2>
      {results.loci.length === 0 && <p>{t("natNoLoci")}</p>}
      {groups.map(([category, loci]) => (
        <CategoryTable key={category} category={category} loci={loci} national={results.national} />
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
}: {
  category: string;
  loci: NationalLocus[];
  national: boolean;
}) {
  const { t, language } = useI18n();
  const headingId = `national-cat-${category}`;
  const count = loci[0]?.categoryCount;
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
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe scrollable-region-focusable) */}
      <section class="review-scroll" tabIndex={0} aria-labelledby={headingId}>
        <table class="review-table" data-testid="national-table">
          <thead>
            <tr>
              <th scope="col">{t("natRank")}</th>
              <th scope="col">{t("natLocus")}</th>
              <th scope="col">{t("natOffice")}</th>
              <th scope="col" class="num">
                {t("reviewScore")}
              </th>
              <th scope="col">{t("reviewCategory")}</th>
              <th scope="col">{t("natPredicate")}</th>
              <th scope="col">{t("reviewZone")}</th>
              <th scope="col">{t("natLocusStatus")}</th>
            </tr>
          </thead>
          <tbody>
            {loci.map((l) => (
              <tr
                key={l.pemdaId}
                data-testid="national-locus"
                data-locus={l.name}
                data-rank={l.rank === null ? "" : String(l.rank)}
              >
                <td data-testid="national-rank">
                  {national ? rankText(l, loci) : <span class="national-muted">{t("natRankHidden")}</span>}
                </td>
                <th scope="row">
                  <Link href={`/lokus/${l.pemdaId}`}>{l.name}</Link>
                </th>
                <td>{l.officeName}</td>
                <td class="num" data-testid="national-score">
                  {l.score === null ? t("reviewNoScore") : formatScore(l.score, language)}
                </td>
                <td>{l.band?.category ?? "—"}</td>
                <td>{l.band?.predicate ?? l.band?.label ?? "—"}</td>
                <td>
                  {l.band?.zone ? (
                    <span class={`review-zone ${zoneClass(l.band.zone)}`}>{l.band.zone}</span>
                  ) : (
                    "—"
                  )}
                </td>
                <td>{t(l.final ? "reviewFinal" : "reviewProvisional")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
