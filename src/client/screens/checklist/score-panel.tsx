// The live score: dimension points, total and the opini/zona band of the period's scheme, computed
// by the domain's scoreAssessment on the local state — the same function the server uses, so the
// number shown here is the number the supervisor will see. Sticky and collapsible on a phone.
import type { Band, BandingScheme, ScoreResult } from "../../../domain";
import { useChecklist } from "./checklist-context";
import { CompositeRows } from "./composite-score";

const ZONE_CLASS: Readonly<Record<string, string>> = {
  hijau: "zone--hijau",
  kuning: "zone--kuning",
  merah: "zone--merah",
};

// One formatter per language: toLocaleString with options builds a new Intl.NumberFormat on every
// call, which cost ~10 ms per answer tap on a throttled phone (the panel re-renders on each).
const formatters = new Map<string, Intl.NumberFormat>();

export function formatScore(value: number, language: string): string {
  const locale = language === "en" ? "en-GB" : "id-ID";
  let format = formatters.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    formatters.set(locale, format);
  }
  return format.format(value);
}

function BandBadge({ band }: { band: Band | null }) {
  const { t, local } = useChecklist();
  if (!band) return <span class="band">{t("scoreNoBand")}</span>;
  const zone = band.zone;
  // The 2025 scheme has no zones: the band is the predicate alone, and for a unit its unit wording.
  if (zone === undefined) {
    return (
      <span class="band zone--none" data-testid="score-band">
        {band.category} · {local(band.label)}
        {band.unitLabel ? ` (${local(band.unitLabel)})` : ""}
      </span>
    );
  }
  const known = ZONE_CLASS[zone.colour];
  // Admin-defined schemes may use any #rrggbb: then the colour comes as a border, text stays dark.
  const style = known ? undefined : { borderColor: zone.colour };
  return (
    <span class={`band ${known ?? "zone--custom"}`} style={style} data-testid="score-band">
      {band.category} · {local(band.label)} · {local(zone.label)}
    </span>
  );
}

export function ScorePanel({
  score,
  language,
  scheme,
}: {
  score: ScoreResult;
  language: string;
  scheme?: BandingScheme;
}) {
  const { instrument, t, local } = useChecklist();
  return (
    <details class="score-panel" data-testid="score-panel">
      <summary class="score-panel__summary">
        <span class="score-panel__title">{t("scoreTitle")}</span>
        <strong class="score-panel__total" data-testid="score-total" data-score={String(score.total)}>
          {formatScore(score.total, language)}
        </strong>
        <BandBadge band={score.band} />
      </summary>
      <dl class="score-panel__dims">
        {instrument.dimensions.map((dimension, i) => {
          const d = score.dimensions[i];
          return (
            <div key={dimension.id} class="score-panel__row" data-dimension={dimension.id}>
              <dt>{local(dimension.name)}</dt>
              <dd data-points={String(d?.points ?? 0)}>
                {t("scorePoints", {
                  points: formatScore(d?.points ?? 0, language),
                  weight: formatScore(dimension.weight, language),
                })}
              </dd>
            </div>
          );
        })}
        <div class="score-panel__row score-panel__row--total">
          <dt>{t("scoreTotal")}</dt>
          <dd>{formatScore(score.total, language)}</dd>
        </div>
      </dl>
      <CompositeRows score={score} scheme={scheme} />
    </details>
  );
}
