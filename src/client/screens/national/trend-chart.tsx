// A locus's scores over the years as hand-written SVG (the results charts' style, no library):
// one point per year with its score written above it and its predicate in its own <title>; points
// of the same method are joined by a line, and where the method changes (another banding scheme or
// instrument) the line breaks and a dashed rule says "not compared" (domain/history/trend.ts):
// scores under different methods are never drawn as a rise or a fall.
import { useI18n } from "../../i18n/i18n";
import { formatScore, zoneClass } from "../review/words";

export interface TrendChartPoint {
  year: number;
  score: number | null;
  /** The predicate in words, under the year's own scheme. */
  predicate: string | null;
  zone: string | null;
  schemeId: string;
  methodChanged: boolean;
}

const WIDTH = 320;
const HEIGHT = 170;
const LEFT = 30;
const RIGHT = 16;
const TOP = 22;
const BOTTOM = 30;
const PLOT_H = HEIGHT - TOP - BOTTOM;

const yOf = (score: number) => TOP + PLOT_H - (Math.max(0, Math.min(100, score)) / 100) * PLOT_H;

export function TrendChart({
  points,
  id = "chart-trend",
}: {
  points: readonly TrendChartPoint[];
  id?: string;
}) {
  const { t, language } = useI18n();
  const step = points.length > 1 ? (WIDTH - LEFT - RIGHT) / (points.length - 1) : 0;
  const xOf = (i: number) => (points.length > 1 ? LEFT + i * step : LEFT + (WIDTH - LEFT - RIGHT) / 2);
  const segments: { x1: number; y1: number; x2: number; y2: number; key: string }[] = [];
  const breaks: { x: number; key: string }[] = [];
  points.forEach((p, i) => {
    const prev = points[i - 1];
    if (prev === undefined) return;
    if (p.methodChanged) breaks.push({ x: (xOf(i - 1) + xOf(i)) / 2, key: `break-${p.year}` });
    else if (prev.score !== null && p.score !== null)
      segments.push({
        x1: xOf(i - 1),
        y1: yOf(prev.score),
        x2: xOf(i),
        y2: yOf(p.score),
        key: `seg-${p.year}`,
      });
  });
  const describe = points
    .map((p) =>
      t("natTrendPoint", {
        year: String(p.year),
        score: formatScore(p.score, language),
        predicate: p.predicate ?? "—",
        scheme: p.schemeId,
      }),
    )
    .join("; ");
  return (
    <figure class="review-figure">
      <svg
        class="review-chart national-trend"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        data-testid={id}
      >
        <title id={`${id}-title`}>{t("natTrendTitle")}</title>
        <desc id={`${id}-desc`}>{describe}</desc>
        {[0, 50, 100].map((g) => (
          <g key={g}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={yOf(g)} y2={yOf(g)} class="national-trend__grid" />
            <text x={LEFT - 4} y={yOf(g) + 4} class="review-chart__label national-trend__axis">
              {g}
            </text>
          </g>
        ))}
        {segments.map((s) => (
          <line key={s.key} x1={s.x1} y1={s.y1} x2={s.x2} y2={s.y2} class="national-trend__line" />
        ))}
        {breaks.map((b) => (
          <line
            key={b.key}
            x1={b.x}
            x2={b.x}
            y1={TOP - 6}
            y2={TOP + PLOT_H}
            class="national-trend__break"
            data-testid="trend-break"
          />
        ))}
        {points.map((p, i) => (
          <g
            key={p.year}
            class={zoneClass(p.zone ?? undefined)}
            data-testid="trend-point"
            data-year={String(p.year)}
          >
            <title>
              {t("natTrendPoint", {
                year: String(p.year),
                score: formatScore(p.score, language),
                predicate: p.predicate ?? "—",
                scheme: p.schemeId,
              })}
            </title>
            {p.score !== null && (
              <>
                <circle cx={xOf(i)} cy={yOf(p.score)} r={5} class="national-trend__point" />
                <text x={xOf(i)} y={yOf(p.score) - 9} class="review-chart__value national-trend__value">
                  {formatScore(p.score, language)}
                </text>
              </>
            )}
            <text x={xOf(i)} y={HEIGHT - 12} class="review-chart__label national-trend__year">
              {p.year}
            </text>
          </g>
        ))}
      </svg>
      {breaks.length > 0 && <figcaption>{t("natTrendBreakNote")}</figcaption>}
    </figure>
  );
}
