// The printable rapor of one pemda (issue #6 §4): the pemda's result, and per sampled unit its
// score, dimension points, the items that fall short (the domain's unitShortfalls, served by
// GET /results/rapor) and the assessor's notes. Issue #20 makes it fit to send (rapor-parts.tsx):
// letterhead and print date, what was observed per failed item, units not yet assessed in one
// list, the approval block. A scheme without zones shows no zone, and the predicate with its
// qualifier (issue #18). Printing (A4) uses the @media print rules in review.css and rapor.css.
import { fetchRapor, type Period, type Rapor, schemeOf } from "../../api/review-api";
import { useDocumentTitle } from "../../app/use-document-title";
import { Link } from "../../components/link";
import { useI18n } from "../../i18n/i18n";
import { RaporHistoryView } from "../national/rapor-history";
import { WithPeriod } from "./period-choice";
import { RaporApprovals, RaporLetterhead, RaporObservations, RaporPending } from "./rapor-parts";
import { RemoteView } from "./remote-view";
import { useRemote } from "./use-remote";
import { formatScore, localText, STATUS_KEYS, zoneClass } from "./words";
import "../../styles/review.css";
import "../../styles/rapor.css";

export function RaporScreen({ pemdaId }: { pemdaId: string }) {
  const { t } = useI18n();
  useDocumentTitle(t("reviewRaporTitle"));
  return (
    <div class="screen review-screen review-rapor" data-testid="rapor-screen">
      <p class="review-muted no-print">
        <Link href="/hasil">{t("reviewRaporBack")}</Link>
      </p>
      <WithPeriod>{(period) => <PeriodRapor period={period} pemdaId={pemdaId} />}</WithPeriod>
    </div>
  );
}

function PeriodRapor({ period, pemdaId }: { period: Period; pemdaId: string }) {
  const [remote, reload] = useRemote(() => fetchRapor(period.id, pemdaId), [period.id, pemdaId]);
  return (
    <RemoteView remote={remote} reload={reload}>
      {(rapor) => <RaporBody rapor={rapor} />}
    </RemoteView>
  );
}

function RaporBody({ rapor }: { rapor: Rapor }) {
  const { t, language } = useI18n();
  const dimName = new Map(rapor.dimensions.map((d) => [d.id, localText(d.name, language)]));
  const { pemda } = rapor;
  const scheme = schemeOf(rapor);
  const assessed = rapor.units.filter((u) => u.assessmentId !== null);
  const pending = rapor.units.filter((u) => u.assessmentId === null);
  const qualifier = !pemda.band
    ? "—"
    : pemda.band.qualifierDecided !== true
      ? t("raporQualifierUndecided")
      : (pemda.band.qualifier ?? t("raporQualifierNotGranted"));
  return (
    <article class="rapor">
      {rapor.letterhead && (
        <RaporLetterhead
          letterhead={rapor.letterhead}
          periodName={rapor.period.name}
          printedAt={rapor.printedAt}
        />
      )}
      <h1 tabIndex={-1}>{t("reviewRaporOf", { name: pemda.name })}</h1>
      <p class="lead">
        {rapor.period.name} · {t("reviewRaporIntro")}
      </p>
      <dl class="facts card" data-testid="rapor-summary">
        <div class="facts__row">
          <dt>{t("reviewScore")}</dt>
          <dd>{pemda.score === null ? t("reviewNoScore") : formatScore(pemda.score, language)}</dd>
        </div>
        <div class="facts__row">
          <dt>{t("reviewCategory")}</dt>
          <dd>{pemda.band?.category ?? "—"}</dd>
        </div>
        <div class="facts__row">
          <dt>{scheme.hasZones ? t("reviewOpini") : t("raporPredicate")}</dt>
          <dd data-testid="rapor-predicate">
            {pemda.band ? (pemda.band.predicate ?? pemda.band.label) : "—"}
          </dd>
        </div>
        {scheme.hasQualifier && (
          <div class="facts__row">
            <dt>{t("raporQualifier")}</dt>
            <dd data-testid="rapor-qualifier">{qualifier}</dd>
          </div>
        )}
        {scheme.hasZones && (
          <div class="facts__row" data-testid="rapor-zone">
            <dt>{t("reviewZone")}</dt>
            <dd>
              {pemda.band?.zone ? (
                <span class={`review-zone ${zoneClass(pemda.band.zone)}`}>{pemda.band.zone}</span>
              ) : (
                "—"
              )}
            </dd>
          </div>
        )}
        <div class="facts__row">
          <dt>{t("reviewFinal")}</dt>
          <dd>{t(pemda.final ? "reviewFinal" : "reviewProvisional")}</dd>
        </div>
      </dl>
      <RaporHistoryView history={rapor} pemdaId={pemda.pemdaId} />
      <p class="button-row no-print">
        <button type="button" class="button button--primary" onClick={() => window.print()}>
          {t("reviewPrint")}
        </button>
      </p>
      {/* Insertion point for the locus's trend and national rank (issue #19, national engineer):
          a self-contained component reading rapor.trend / rapor.nationalRank goes here. */}
      {assessed.map((unit) => (
        <section
          key={unit.unitId}
          class="card review-rapor__unit"
          data-testid="rapor-unit"
          data-unit={unit.name}
        >
          <h2 class="card__title">
            {unit.name} · {formatScore(unit.score, language)}{" "}
            <span class="review-muted">({t(STATUS_KEYS[unit.status])})</span>
          </h2>
          <dl class="facts rapor-dimensions">
            {rapor.dimensions.map((d) => (
              <div class="facts__row" key={d.id}>
                <dt>{dimName.get(d.id)}</dt>
                <dd>{formatScore(unit.dimensions.find((x) => x.id === d.id)?.points ?? null, language)}</dd>
              </div>
            ))}
          </dl>
          {unit.generalNote && (
            <p class="review-note">
              <strong>{t("reviewGeneralNote")}:</strong> {unit.generalNote}
            </p>
          )}
          <h3>{t("reviewShortfalls")}</h3>
          {unit.shortfalls.length === 0 ? (
            <p>{t("reviewShortfallNone")}</p>
          ) : (
            <ol class="review-shortfalls">
              {unit.shortfalls.map((s) => (
                <li key={s.indicatorId} data-testid="shortfall" data-indicator={s.indicatorId}>
                  <p>
                    <strong>{s.indicatorId}</strong> {localText(s.question, language)}{" "}
                    <span class="review-muted">
                      ({dimName.get(s.dimensionId)} ·{" "}
                      {t("reviewShortfallValue", { percent: String(Math.round(s.value * 100)) })})
                    </span>
                  </p>
                  <RaporObservations shortfall={s} />
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
      <RaporPending units={pending} />
      <RaporApprovals approvals={rapor.approvals} />
    </article>
  );
}
