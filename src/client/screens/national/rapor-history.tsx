// The rapor's view of the years (issue #19): the locus's last rounds (each score with its own
// scheme's predicate, a change only between years of the same method) as a small trend chart and
// a list, and its national rank in the rapor's round when the viewer may see it (published round,
// or the Kantor Pusat). Self-contained: the rapor screen passes what GET /results/rapor returned.
import type { RaporHistory } from "../../api/national-api";
import { Link } from "../../components/link";
import { useI18n } from "../../i18n/i18n";
import { formatScore } from "../review/words";
import { categoryWords } from "./national-words";
import { TrendChart } from "./trend-chart";
import "../../styles/national.css";

export function RaporHistoryView({ history, pemdaId }: { history: RaporHistory; pemdaId: string }) {
  const { t, language } = useI18n();
  const { trend, nationalRank } = history;
  // One year and no visible rank say nothing the rapor's own facts do not: no card then.
  if (trend.length < 2 && nationalRank?.rank == null) return null;
  return (
    <section class="card national-rapor" aria-labelledby="rapor-years" data-testid="rapor-history">
      <h2 id="rapor-years" class="card__title">
        {t("natRaporTitle")}
      </h2>
      {nationalRank !== null && nationalRank.rank !== null && (
        <p data-testid="rapor-national-rank">
          {t("natRaporRank", {
            rank: String(nationalRank.rank),
            count: String(nationalRank.categoryCount ?? "—"),
            category: categoryWords(t, nationalRank.category),
          })}{" "}
          {!nationalRank.published && <span class="national-muted">({t("natRankNotPublished")})</span>}
        </p>
      )}
      {trend.length > 1 && (
        <TrendChart
          id="chart-rapor-trend"
          points={trend.map((p) => ({
            year: p.year,
            score: p.score,
            predicate: p.predicate,
            // The words name the zone ("Zona Kuning – …"), which is all the point's colour needs.
            zone: p.predicate,
            schemeId: p.schemeId,
            methodChanged: p.methodChanged,
          }))}
        />
      )}
      <ul class="national-rapor__trend" data-testid="rapor-trend">
        {trend.map((p) => (
          <li key={p.year}>
            <strong>{p.year}</strong>: {formatScore(p.score, language)} · {p.predicate ?? "—"} ({p.schemeId})
            {p.methodChanged
              ? ` · ${t("natNotCompared")}`
              : p.delta !== null
                ? ` · ${p.delta > 0 ? "+" : ""}${formatScore(p.delta, language)}`
                : ""}
          </li>
        ))}
      </ul>
      <p class="no-print">
        <Link href={`/lokus/${pemdaId}`}>{t("natLocusLink")}</Link>
      </p>
    </section>
  );
}
