// Hand-written SVG charts of the results (issue #6 §3): pemda scores as bars coloured by zona (with
// the zone written beside each bar: never colour alone), and stacked dimension points per unit.
// A scheme without zones (opini-2025, issue #18) draws neutral bars with the category written.
// Each chart has a <title>/<desc>, per-bar <title>s, and the screen shows the same numbers as tables.
import type { Instrument } from "../../../domain/instrument/types";
import type { PemdaResult } from "../../api/review-api";
import { useI18n } from "../../i18n/i18n";
import { formatScore, localText, zoneClass } from "./words";

// Drawn in a 320-unit-wide box: at 360 px the chart is about 1:1, so its 12-unit text stays legible
// on a phone and simply grows on a laptop.
const ROW_H = 28;
const LABEL_W = 110;
const BAR_W = 120;
const TAIL_W = 90;
const WIDTH = LABEL_W + BAR_W + TAIL_W;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** What a score bar needs: the period results' pemda, or a locus of the national results (#19). */
export type ScoreBarRow = Pick<PemdaResult, "pemdaId" | "name" | "score"> & {
  band: {
    zone: string | null;
    category?: string | null;
    predicate?: string | null;
    label?: string | null;
  } | null;
};

export function PemdaChart({
  ranked,
  id = "chart-pemda",
  title,
  desc,
  zones = true,
}: {
  ranked: readonly ScoreBarRow[];
  /** Element id and test id; a page with two such charts gives each its own. */
  id?: string;
  title?: string;
  desc?: string;
  /** False under a scheme without zones (opini-2025): neutral bars, the category beside them. */
  zones?: boolean;
}) {
  const { t, language } = useI18n();
  const height = ranked.length * ROW_H + 8;
  return (
    <svg
      class="review-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      data-testid={id}
    >
      <title id={`${id}-title`}>{title ?? t("reviewChartPemda")}</title>
      <desc id={`${id}-desc`}>{desc ?? t("reviewChartPemdaDesc")}</desc>
      {ranked.map((p, i) => {
        const y = i * ROW_H + 4;
        const w = p.score === null ? 0 : (p.score / 100) * BAR_W;
        const zone = (zones ? p.band?.zone : p.band?.category) ?? "—";
        return (
          <g key={p.pemdaId} class={zones ? zoneClass(p.band?.zone ?? undefined) : "zone--none"}>
            <title>
              {zones
                ? t("reviewChartBar", { name: p.name, score: formatScore(p.score, language), zone })
                : t("reviewChartBarPredicate", {
                    name: p.name,
                    score: formatScore(p.score, language),
                    predicate: p.band?.predicate ?? p.band?.label ?? "—",
                  })}
            </title>
            <text x={0} y={y + 17} class="review-chart__label">
              {clip(p.name, 15)}
            </text>
            <rect x={LABEL_W} y={y + 4} width={BAR_W} height={ROW_H - 10} class="review-chart__track" />
            <rect x={LABEL_W} y={y + 4} width={w} height={ROW_H - 10} class="review-chart__bar" />
            <text x={LABEL_W + BAR_W + 6} y={y + 17} class="review-chart__value">
              {p.score === null ? "—" : `${formatScore(p.score, language)} ${zone}`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

// Dimension segment fills: distinct, each ≥ 3:1 against white, and named in the legend.
const SEGMENT_CLASSES = ["seg-0", "seg-1", "seg-2", "seg-3", "seg-4", "seg-5"];

export function UnitChart({ pemda, instrument }: { pemda: PemdaResult; instrument: Instrument }) {
  const { t, language } = useI18n();
  const dims = instrument.dimensions;
  const height = pemda.units.length * ROW_H + 8;
  return (
    <figure class="review-figure">
      <svg
        class="review-chart"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby="chart-units-title chart-units-desc"
        data-testid="chart-units"
      >
        <title id="chart-units-title">{t("reviewChartUnits", { name: pemda.name })}</title>
        <desc id="chart-units-desc">{t("reviewChartUnitsDesc")}</desc>
        {pemda.units.map((u, i) => {
          const y = i * ROW_H + 4;
          let x = LABEL_W;
          return (
            <g key={u.unitId}>
              <text x={0} y={y + 17} class="review-chart__label">
                {clip(u.name, 15)}
              </text>
              <rect x={LABEL_W} y={y + 4} width={BAR_W} height={ROW_H - 10} class="review-chart__track" />
              {dims.map((d, di) => {
                const points = u.dimensions.find((p) => p.id === d.id)?.points ?? 0;
                const w = (points / 100) * BAR_W;
                const rect = (
                  <rect
                    key={d.id}
                    x={x}
                    y={y + 4}
                    width={w}
                    height={ROW_H - 10}
                    class={`review-chart__seg ${SEGMENT_CLASSES[di % SEGMENT_CLASSES.length]}`}
                  >
                    <title>
                      {t("reviewChartSegment", {
                        unit: u.name,
                        dimension: localText(d.name, language),
                        points: formatScore(points, language),
                      })}
                    </title>
                  </rect>
                );
                x += w;
                return rect;
              })}
              <text x={LABEL_W + BAR_W + 6} y={y + 17} class="review-chart__value">
                {formatScore(u.score, language)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul class="review-legend">
          {dims.map((d, di) => (
            <li key={d.id}>
              <span
                class={`review-legend__swatch ${SEGMENT_CLASSES[di % SEGMENT_CLASSES.length]}`}
                aria-hidden="true"
              />
              {localText(d.name, language)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
