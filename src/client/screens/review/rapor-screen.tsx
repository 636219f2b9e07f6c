// The printable rapor of one pemda (issue #6 §4): the pemda's result, and per sampled unit its
// score, dimension points, the items that fall short (the domain's unitShortfalls, served by
// GET /results/rapor) and the assessor's notes. Printing uses the @media print rules in review.css.
import { fetchRapor, type Period, type Rapor } from "../../api/review-api";
import { useDocumentTitle } from "../../app/use-document-title";
import { Link } from "../../components/link";
import { useI18n } from "../../i18n/i18n";
import { RaporHistoryView } from "../national/rapor-history";
import { WithPeriod } from "./period-choice";
import { RemoteView } from "./remote-view";
import { useRemote } from "./use-remote";
import { formatScore, localText, STATUS_KEYS, zoneClass } from "./words";
import "../../styles/review.css";

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

function subjectOf(rapor: Rapor["units"][number], key: string): string | null {
  const at = key.indexOf("@");
  if (at < 0) return null;
  const id = key.slice(key.indexOf(":", at) + 1).split("#")[0] ?? "";
  const s = rapor.subjects.find((x) => x.id === id);
  return s ? s.label || id.slice(0, 8) : null;
}

function RaporBody({ rapor }: { rapor: Rapor }) {
  const { t, language } = useI18n();
  const dimName = new Map(rapor.dimensions.map((d) => [d.id, localText(d.name, language)]));
  const { pemda } = rapor;
  return (
    <>
      <h1 tabIndex={-1}>{t("reviewRaporOf", { name: pemda.name })}</h1>
      <p class="lead">
        {rapor.period.name} · {t("reviewRaporIntro")}
      </p>
      <dl class="facts card">
        <div class="facts__row">
          <dt>{t("reviewScore")}</dt>
          <dd>{pemda.score === null ? t("reviewNoScore") : formatScore(pemda.score, language)}</dd>
        </div>
        <div class="facts__row">
          <dt>{t("reviewCategory")}</dt>
          <dd>{pemda.band ? `${pemda.band.category} · ${pemda.band.predicate ?? pemda.band.label}` : "—"}</dd>
        </div>
        <div class="facts__row">
          <dt>{t("reviewZone")}</dt>
          <dd>
            {pemda.band?.zone ? (
              <span class={`review-zone ${zoneClass(pemda.band.zone)}`}>{pemda.band.zone}</span>
            ) : (
              "—"
            )}
          </dd>
        </div>
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
      {rapor.units.map((unit) => (
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
          {unit.assessmentId === null ? (
            <p class="review-muted">{t("reviewNotAssessed")}</p>
          ) : (
            <>
              <dl class="facts">
                {rapor.dimensions.map((d) => (
                  <div class="facts__row" key={d.id}>
                    <dt>{dimName.get(d.id)}</dt>
                    <dd>
                      {formatScore(unit.dimensions.find((x) => x.id === d.id)?.points ?? null, language)}
                    </dd>
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
                      {s.notes.length > 0 && (
                        <ul class="review-notes">
                          {s.notes.map((n) => {
                            const subject = subjectOf(unit, n.key);
                            return (
                              <li key={n.key}>
                                {t("reviewNote")}
                                {subject ? ` (${subject})` : ""}: {n.text}
                              </li>
                            );
                          })}
                        </ul>
                      )}
                    </li>
                  ))}
                </ol>
              )}
            </>
          )}
        </section>
      ))}
    </>
  );
}
