// The distribution of a round's loci over the bands of its scheme ("A 337, B 157, C 70 …") as
// hand-written SVG bars in the style of the results charts (review/results-chart.tsx): each bar
// has its count written beside it and its own <title>, so the chart never relies on colour or
// hover alone; the same numbers are in the line of text above it.
import type { NationalResults } from "../../api/national-api";
import { useI18n } from "../../i18n/i18n";

const ROW_H = 24;
const LABEL_W = 60;
const BAR_W = 200;
const TAIL_W = 60;
const WIDTH = LABEL_W + BAR_W + TAIL_W;

export function BandChart({
  distribution,
  year,
}: {
  distribution: NationalResults["distribution"];
  year: number;
}) {
  const { t } = useI18n();
  const max = Math.max(1, ...distribution.map((d) => d.count));
  const height = distribution.length * ROW_H + 8;
  return (
    <svg
      class="review-chart national-band-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby="chart-bands-title chart-bands-desc"
      data-testid="chart-bands"
    >
      <title id="chart-bands-title">{t("natBandChart", { year: String(year) })}</title>
      <desc id="chart-bands-desc">
        {distribution.map((d) => `${d.category ?? t("natNoScore")}: ${d.count}`).join("; ")}
      </desc>
      {distribution.map((d, i) => {
        const y = i * ROW_H + 4;
        const label = d.category ?? t("natNoScore");
        return (
          <g key={label} class="zone--none">
            <title>{`${label}: ${d.count}`}</title>
            <text x={0} y={y + 15} class="review-chart__label">
              {label.length > 9 ? `${label.slice(0, 8)}…` : label}
            </text>
            <rect x={LABEL_W} y={y + 3} width={BAR_W} height={ROW_H - 8} class="review-chart__track" />
            <rect
              x={LABEL_W}
              y={y + 3}
              width={(d.count / max) * BAR_W}
              height={ROW_H - 8}
              class="review-chart__bar"
            />
            <text x={LABEL_W + BAR_W + 6} y={y + 15} class="review-chart__value">
              {d.count}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
