// Results of a period (issue #6 §3–4): per pemda the score, category, opini, zona and final /
// provisional, a ranking (the domain's rankPemda), charts, per-unit dimension points and totals,
// exports and links to each pemda's rapor. Every number is the server's (GET /results).
import { useState } from "preact/hooks";
import type { Instrument } from "../../../domain/instrument/types";
import { rankPemda } from "../../../domain/results/rank";
import { fetchPeriodInstrument, fetchResults, type Period, type Results } from "../../api/review-api";
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
  const [chartPemda, setChartPemda] = useState(ranked[0]?.pemdaId ?? "");
  const selected = results.pemda.find((p) => p.pemdaId === chartPemda);
  // A scheme without zones (opini-2025) gives every band zone null: no empty "Zona" column then.
  const zoned = !results.pemda.some((p) => p.band !== null && p.band.zone === null);
  return (
    <>
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
                <th scope="col">{t("reviewOpini")}</th>
                {zoned && <th scope="col">{t("reviewZone")}</th>}
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
                  <td>{p.band?.predicate ?? p.band?.label ?? "—"}</td>
                  {zoned && (
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
        <PemdaChart ranked={ranked} />
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
