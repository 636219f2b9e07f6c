// A locus's years (issue #19, GET /loci/{id}/history): its score and predicate per year under each
// year's own scheme (chart and table), Patuh's years with the units sampled, their scores and the
// best and worst unit, imported published years, the national rank where the viewer may see it,
// and for units assessed in two rounds the change per dimension. A year under another method is
// marked "not compared" and shows no change: scores of different methods are never set side by side
// as a rise or a fall.
import type { HistoryEntry, LocusHistory } from "../../api/national-api";
import { nationalApi } from "../../api/national-api";
import { useDocumentTitle } from "../../app/use-document-title";
import { useI18n } from "../../i18n/i18n";
import { RemoteView } from "../review/remote-view";
import { useRemote } from "../review/use-remote";
import { formatScore, localText, zoneClass } from "../review/words";
import { categoryWords } from "./national-words";
import { TrendChart } from "./trend-chart";
import "../../styles/review.css";
import "../../styles/national.css";

export function LocusScreen({ pemdaId }: { pemdaId: string }) {
  const { t } = useI18n();
  useDocumentTitle(t("natLocusTitle"));
  const [remote, reload] = useRemote(() => nationalApi.locusHistory(pemdaId), [pemdaId]);
  return (
    <div class="screen review-screen national" data-testid="locus-screen">
      <RemoteView remote={remote} reload={reload}>
        {(history) => <LocusBody history={history} />}
      </RemoteView>
    </div>
  );
}

function signed(value: number, language: "id" | "en"): string {
  const text = formatScore(Math.abs(value), language);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

function LocusBody({ history }: { history: LocusHistory }) {
  const { t } = useI18n();
  const { locus, entries } = history;
  return (
    <>
      <h1 tabIndex={-1}>{locus.name}</h1>
      <p class="lead">
        {t("natLocusLead", {
          code: locus.code,
          category: categoryWords(t, locus.category),
          office: locus.officeName,
        })}
      </p>
      {entries.length === 0 ? (
        <p class="notice">{t("natLocusEmpty")}</p>
      ) : (
        <>
          <section class="card" aria-labelledby="locus-trend">
            <h2 id="locus-trend" class="card__title">
              {t("natTrendTitle")}
            </h2>
            <TrendChart
              points={entries.map((e) => ({
                year: e.year,
                score: e.score,
                predicate: e.predicate?.words ?? null,
                zone: e.predicate?.zone ?? null,
                schemeId: e.schemeId,
                methodChanged: e.methodChanged,
              }))}
            />
            <YearsTable entries={entries} />
          </section>
          {entries
            .filter((e) => e.source === "patuh")
            .reverse()
            .map((e) => (
              <YearUnits key={e.year} entry={e} history={history} />
            ))}
          <UnitChanges history={history} />
        </>
      )}
    </>
  );
}

function YearsTable({ entries }: { entries: readonly HistoryEntry[] }) {
  const { t, language } = useI18n();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe scrollable-region-focusable)
    <section class="review-scroll" tabIndex={0} aria-label={t("natYearsTable")}>
      <table class="review-table" data-testid="locus-years">
        <thead>
          <tr>
            <th scope="col">{t("natYear")}</th>
            <th scope="col">{t("natSource")}</th>
            <th scope="col">{t("natScheme")}</th>
            <th scope="col" class="num">
              {t("reviewScore")}
            </th>
            <th scope="col">{t("natPredicate")}</th>
            <th scope="col">{t("natChange")}</th>
            <th scope="col">{t("natNationalRank")}</th>
            <th scope="col">{t("natNotes")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.year} data-testid="locus-year" data-year={String(e.year)}>
              <th scope="row">{e.year}</th>
              <td>{e.source === "patuh" ? t("natSourcePatuh") : t("natSourcePublished")}</td>
              <td>{e.schemeId}</td>
              <td class="num">{formatScore(e.score, language)}</td>
              <td data-testid="locus-predicate">
                {e.predicate ? (
                  <span class={`review-zone ${zoneClass(e.predicate.zone ?? undefined)}`}>
                    {e.predicate.words}
                  </span>
                ) : (
                  "—"
                )}
              </td>
              <td data-testid="locus-change">
                {e.methodChanged ? (
                  <span class="national-not-compared">{t("natNotCompared")}</span>
                ) : e.delta === null ? (
                  "—"
                ) : (
                  signed(e.delta, language)
                )}
              </td>
              <td data-testid="locus-rank">
                {e.nationalRank?.rank != null
                  ? t("natRankOf", {
                      rank: String(e.nationalRank.rank),
                      count: String(e.nationalRank.categoryCount ?? "—"),
                    })
                  : e.publishedRank !== null
                    ? t("natRankPublished", { rank: String(e.publishedRank) })
                    : "—"}
              </td>
              <td>
                {[
                  e.source === "patuh" && !e.final ? t("reviewProvisional") : "",
                  e.nationalRank && !e.nationalRank.published ? t("natRankNotPublished") : "",
                  e.categoryDisagrees
                    ? t("natCategoryDisagrees", { published: e.publishedCategory ?? "" })
                    : "",
                ]
                  .filter(Boolean)
                  .join(" · ") || "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function YearUnits({ entry, history }: { entry: HistoryEntry; history: LocusHistory }) {
  const { t, language } = useI18n();
  const headingId = `locus-units-${entry.year}`;
  const dims = Object.keys(history.dimensionNames).filter((id) =>
    entry.units.some((u) => u.dimensions.some((d) => d.id === id)),
  );
  return (
    <section
      class="card"
      aria-labelledby={headingId}
      data-testid="locus-units"
      data-year={String(entry.year)}
    >
      <h2 id={headingId} class="card__title">
        {t("natUnitsOfYear", { year: String(entry.year) })}
      </h2>
      {entry.best && entry.worst && (
        <p data-testid="locus-best-worst">
          {t("natBestWorst", {
            best: entry.best.name,
            bestScore: formatScore(entry.best.score, language),
            worst: entry.worst.name,
            worstScore: formatScore(entry.worst.score, language),
          })}
        </p>
      )}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe scrollable-region-focusable) */}
      <section class="review-scroll" tabIndex={0} aria-labelledby={headingId}>
        <table class="review-table">
          <thead>
            <tr>
              <th scope="col">{t("reviewUnit")}</th>
              {dims.map((id) => (
                <th scope="col" class="num" key={id}>
                  {localText(history.dimensionNames[id] ?? { id }, language)}
                </th>
              ))}
              <th scope="col" class="num">
                {t("reviewScore")}
              </th>
            </tr>
          </thead>
          <tbody>
            {entry.units.map((u) => (
              <tr key={u.unitId}>
                <th scope="row">{u.name}</th>
                {dims.map((id) => (
                  <td class="num" key={id}>
                    {formatScore(u.dimensions.find((d) => d.id === id)?.points ?? null, language)}
                  </td>
                ))}
                <td class="num">{formatScore(u.score, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}

function UnitChanges({ history }: { history: LocusHistory }) {
  const { t, language } = useI18n();
  if (history.unitChanges.length === 0) return null;
  return (
    <section class="card" aria-labelledby="locus-unit-changes">
      <h2 id="locus-unit-changes" class="card__title">
        {t("natUnitChangesTitle")}
      </h2>
      <ul class="national-changes" data-testid="locus-unit-changes">
        {history.unitChanges.map((c) => (
          <li key={c.unitId}>
            <strong>{c.name}</strong>:{" "}
            {t("natUnitChange", {
              from: String(c.from.year),
              fromScore: formatScore(c.from.score, language),
              to: String(c.to.year),
              toScore: formatScore(c.to.score, language),
            })}
            {c.dimensions === null ? (
              <p class="national-not-compared">{t("natUnitOtherInstrument")}</p>
            ) : (
              <ul>
                {c.dimensions.map((d) => (
                  <li key={d.id}>
                    {localText(history.dimensionNames[d.id] ?? { id: d.id }, language)}:{" "}
                    {formatScore(d.before, language)} → {formatScore(d.after, language)} (
                    {signed(d.change, language)})
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
