// Results of a period (issue #6 §3–4): per pemda the score, category, opini, zona and final /
// provisional, a ranking (the domain's rankPemda), charts, per-unit dimension points and totals,
// exports and links to each pemda's rapor. Every number is the server's (GET /results).
import { useState } from "preact/hooks";
import { indexInstrument } from "../../../domain/instrument/instrument-index";
import type { Instrument } from "../../../domain/instrument/types";
import { rankPemda } from "../../../domain/results/rank";
import {
  fetchPeriodInstrument,
  fetchResults,
  type Period,
  type Results,
  schemeOf,
} from "../../api/review-api";
import { useDocumentTitle } from "../../app/use-document-title";
import { Link } from "../../components/link";
import { useI18n } from "../../i18n/i18n";
import { ExportCard } from "./export-card";
import { WithPeriod } from "./period-choice";
import { RemoteView } from "./remote-view";
import { PemdaChart, UnitChart } from "./results-chart";
import { useRemote } from "./use-remote";
import { formatScore, localText, STATUS_KEYS, zoneClass } from "./words";
import "../../styles/review.css";

export function ResultsScreen() {
  const { t } = useI18n();
  useDocumentTitle(t("reviewResultsTitle"));
  return (
    <div class="screen review-screen" data-testid="results-screen">
      <h1 tabIndex={-1}>{t("reviewResultsTitle")}</h1>
      <p class="lead">{t("reviewResultsIntro")}</p>
      <WithPeriod>{(period) => <PeriodResults period={period} />}</WithPeriod>
    </div>
  );
}

function PeriodResults({ period }: { period: Period }) {
  const [remote, reload] = useRemote(
    () => Promise.all([fetchResults(period.id), fetchPeriodInstrument(period.id)]),
    [period.id],
  );
  return (
    <RemoteView remote={remote} reload={reload}>
      {([results, instrument]) => <ResultsBody period={period} results={results} instrument={instrument} />}
    </RemoteView>
  );
}

function ResultsBody({
  period,
  results,
  instrument,
}: {
  period: Period;
  results: Results;
  instrument: Instrument;
}) {
  const { t, language } = useI18n();
  const ranked = rankPemda(results.pemda);
  // A scheme without zones (opini-2025) has no zone column or colour; its predicate carries the
  // qualifier instead (issue #18). v1 schemes keep the zone column.
  const scheme = schemeOf(results);
  const [chartPemda, setChartPemda] = useState(ranked[0]?.pemdaId ?? "");
  const selected = results.pemda.find((p) => p.pemdaId === chartPemda);
  // The 2025 method's inputs behind these numbers: secondary data and the follow-ups that decide
  // the qualifier, one click away (read-only once the period is closed).
  const usesLocusInputs =
    scheme.hasQualifier ||
    indexInstrument(instrument).ordered.some((e) => e.indicator.source?.kind === "secondary");
  return (
    <>
      {usesLocusInputs && (
        <p data-testid="results-locus-data">
          <Link href={`/perencanaan/${encodeURIComponent(period.id)}/data-lokus`}>{t("ldResultsLink")}</Link>
        </p>
      )}
      <ExportCard periodId={period.id} pemda={results.pemda} />

      <section class="card" aria-labelledby="results-ranking">
        <h2 id="results-ranking" class="card__title">
          {t("reviewRanking")}
        </h2>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe scrollable-region-focusable) */}
        <section class="review-scroll" tabIndex={0} aria-label={t("reviewRanking")}>
          <table class="review-table" data-testid="results-table">
            <thead>
              <tr>
                <th scope="col">{t("reviewRank")}</th>
                <th scope="col">{t("reviewFilterPemda")}</th>
                <th scope="col">{t("reviewScore")}</th>
                <th scope="col">{t("reviewCategory")}</th>
                <th scope="col">{scheme.hasZones ? t("reviewOpini") : t("raporPredicate")}</th>
                {scheme.hasZones && <th scope="col">{t("reviewZone")}</th>}
                <th scope="col">{t("reviewFinal")}</th>
                <th scope="col">{t("reviewRapor")}</th>
              </tr>
            </thead>
            <tbody>
              {ranked.map((p, i) => (
                <tr
                  key={p.pemdaId}
                  data-testid="results-pemda"
                  data-pemda={p.name}
                  data-final={String(p.final)}
                >
                  <td>{i + 1}</td>
                  <th scope="row">{p.name}</th>
                  <td data-testid="pemda-score">
                    {p.score === null ? t("reviewNoScore") : formatScore(p.score, language)}
                  </td>
                  <td>{p.band?.category ?? "—"}</td>
                  <td data-testid="pemda-predicate">{p.band?.predicate ?? p.band?.label ?? "—"}</td>
                  {scheme.hasZones && (
                    <td>
                      {p.band?.zone ? (
                        <span class={`review-zone ${zoneClass(p.band.zone)}`}>{p.band.zone}</span>
                      ) : (
                        "—"
                      )}
                    </td>
                  )}
                  <td data-testid="pemda-final">{t(p.final ? "reviewFinal" : "reviewProvisional")}</td>
                  <td>
                    <Link href={`/hasil/rapor/${p.pemdaId}`}>
                      {t("reviewRapor")} <span class="visually-hidden">{p.name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <PemdaChart ranked={ranked} zones={scheme.hasZones} />
      </section>

      <section class="card" aria-labelledby="results-units">
        <h2 id="results-units" class="card__title">
          {t("reviewUnitsTable")}
        </h2>
        <div class="field">
          <label for="chart-pemda">{t("reviewChartPemdaPick")}</label>
          <select id="chart-pemda" value={chartPemda} onChange={(e) => setChartPemda(e.currentTarget.value)}>
            {ranked.map((p) => (
              <option key={p.pemdaId} value={p.pemdaId}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        {selected && (
          <>
            <UnitChart pemda={selected} instrument={instrument} />
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe scrollable-region-focusable) */}
            <section class="review-scroll" tabIndex={0} aria-label={t("reviewUnitsTable")}>
              <table class="review-table" data-testid="units-table">
                <thead>
                  <tr>
                    <th scope="col">{t("reviewUnit")}</th>
                    <th scope="col">{t("reviewFilterStatus")}</th>
                    {instrument.dimensions.map((d) => (
                      <th scope="col" key={d.id}>
                        {localText(d.name, language)}
                      </th>
                    ))}
                    <th scope="col">{t("reviewScore")}</th>
                    {scheme.hasUnitLabels && <th scope="col">{t("raporPredicate")}</th>}
                  </tr>
                </thead>
                <tbody>
                  {selected.units.map((u) => (
                    <tr key={u.unitId}>
                      <th scope="row">{u.name}</th>
                      <td>{t(STATUS_KEYS[u.status])}</td>
                      {instrument.dimensions.map((d) => (
                        <td key={d.id}>
                          {formatScore(u.dimensions.find((x) => x.id === d.id)?.points ?? null, language)}
                        </td>
                      ))}
                      <td>{formatScore(u.score, language)}</td>
                      {scheme.hasUnitLabels && <td>{u.unitBand?.label ?? "—"}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </>
        )}
      </section>
    </>
  );
}
