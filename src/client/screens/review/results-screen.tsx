// Results of a period (issue #6 §3–4): per pemda the score, category, opini, zona and final /
// provisional, a ranking (the domain's rankPemda), charts, per-unit dimension points and totals,
// exports and links to each pemda's rapor; both tables sort and filter (results-tables.tsx). Every number is the server's (GET /results).
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
import { PemdaChart } from "./results-chart";
import { RankingTable, UnitsSection } from "./results-tables";
import { useRemote } from "./use-remote";
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
  const { t } = useI18n();
  const ranked = rankPemda(results.pemda);
  // A scheme without zones (opini-2025) has no zone column or colour; its predicate carries the
  // qualifier instead (issue #18). v1 schemes keep the zone column.
  const scheme = schemeOf(results);
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
        <RankingTable ranked={ranked} scheme={scheme} />
        <PemdaChart ranked={ranked} zones={scheme.hasZones} />
      </section>

      <section class="card" aria-labelledby="results-units">
        <h2 id="results-units" class="card__title">
          {t("reviewUnitsTable")}
        </h2>
        <UnitsSection ranked={ranked} instrument={instrument} scheme={scheme} />
      </section>
    </>
  );
}
