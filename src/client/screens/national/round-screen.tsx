// One national round (issue #19): its timetable and state, the progress of every office's period
// (the Kantor Pusat sees every office, others their own), and for central admins joining an
// office's period (an existing period that matches the round, or a new one made from it) and
// publishing once every joined period is closed. Publication is never undone: it asks first.
import { useState } from "preact/hooks";
import { adminApi, type Period } from "../../api/admin-api";
import { ApiError } from "../../api/http";
import { nationalApi, type OfficeProgress, type Round, type RoundDetail } from "../../api/national-api";
import { useDocumentTitle } from "../../app/use-document-title";
import { Link } from "../../components/link";
import { useI18n } from "../../i18n/i18n";
import type { User } from "../../session/user";
import { RemoteView } from "../review/remote-view";
import { useRemote } from "../review/use-remote";
import { formatDate, formatDateTime } from "../review/words";
import { nationalErrorWords, roundState } from "./national-words";
import "../../styles/review.css";
import "../../styles/national.css";

export function RoundScreen({ roundId, user }: { roundId: string; user: User }) {
  const { t } = useI18n();
  useDocumentTitle(t("natRoundTitle"));
  const [remote, reload] = useRemote(async () => {
    const detail = await nationalApi.round(roundId);
    // Only a central admin joins periods: only they need every office's periods.
    const periods = detail.central && user.role === "admin" ? await adminApi.periods() : [];
    return { detail, periods };
  }, [roundId]);
  return (
    <div class="screen review-screen national" data-testid="round-screen">
      <p class="admin__back">
        <Link href="/nasional">{t("natBackToRounds")}</Link>
      </p>
      <RemoteView remote={remote} reload={reload}>
        {({ detail, periods }) => (
          <RoundBody
            detail={detail}
            periods={periods}
            canAct={detail.central && user.role === "admin"}
            reload={reload}
          />
        )}
      </RemoteView>
    </div>
  );
}

function RoundBody({
  detail,
  periods,
  canAct,
  reload,
}: {
  detail: RoundDetail;
  periods: Period[];
  canAct: boolean;
  reload: () => void;
}) {
  const { t, language } = useI18n();
  const { round, offices } = detail;
  const closed = offices.filter((o) => o.periodStatus === "closed").length;
  return (
    <>
      <h1 tabIndex={-1}>{t("natRoundOf", { name: round.name, year: String(round.year) })}</h1>
      <dl class="facts card">
        <div class="facts__row">
          <dt>{t("natState")}</dt>
          <dd data-testid="round-state">{roundState(t, round)}</dd>
        </div>
        <div class="facts__row">
          <dt>{t("natInstrument")}</dt>
          <dd>
            {round.instrumentId} v{round.instrumentVersion}
          </dd>
        </div>
        <div class="facts__row">
          <dt>{t("natScheme")}</dt>
          <dd>{round.schemeId}</dd>
        </div>
        <div class="facts__row">
          <dt>{t("natTimetable")}</dt>
          <dd>
            {t("natTimetableLine", {
              planning: formatDate(round.timetable.planningUntil, language),
              fieldwork: formatDate(round.timetable.fieldworkUntil, language),
              review: formatDate(round.timetable.reviewUntil, language),
              publication: formatDate(round.timetable.publicationOn, language),
            })}
          </dd>
        </div>
        {round.publishedAt && (
          <div class="facts__row">
            <dt>{t("natPublishedAt")}</dt>
            <dd>{formatDateTime(round.publishedAt, language)}</dd>
          </div>
        )}
      </dl>
      <p>
        <Link href={`/nasional/${round.id}/hasil`} class="button button--primary">
          {t("natResultsLink")}
        </Link>
      </p>
      <ProgressTable offices={offices} />
      {canAct && round.publishedAt === null && (
        <JoinPanel round={round} offices={offices} periods={periods} onJoined={reload} />
      )}
      {canAct && (
        <PublishPanel round={round} closed={closed} joined={round.periodCount} onPublished={reload} />
      )}
    </>
  );
}

function ProgressTable({ offices }: { offices: readonly OfficeProgress[] }) {
  const { t } = useI18n();
  return (
    <section class="card" aria-labelledby="round-progress">
      <h2 id="round-progress" class="card__title">
        {t("natProgressTitle")}
      </h2>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe scrollable-region-focusable) */}
      <section class="review-scroll" tabIndex={0} aria-label={t("natProgressTitle")}>
        <table class="review-table" data-testid="round-offices">
          <thead>
            <tr>
              <th scope="col">{t("natOffice")}</th>
              <th scope="col">{t("natPeriodState")}</th>
              <th scope="col" class="num">
                {t("natLoci")}
              </th>
              <th scope="col" class="num">
                {t("natUnits")}
              </th>
              <th scope="col" class="num">
                {t("reviewStatusNotStarted")}
              </th>
              <th scope="col" class="num">
                {t("reviewStatusDraft")}
              </th>
              <th scope="col" class="num">
                {t("reviewStatusSubmitted")}
              </th>
              <th scope="col" class="num">
                {t("reviewStatusReturned")}
              </th>
              <th scope="col" class="num">
                {t("reviewStatusApproved")}
              </th>
              <th scope="col">{t("natApprovedShare")}</th>
            </tr>
          </thead>
          <tbody>
            {offices.map((o) => {
              const share = o.units === 0 ? 0 : Math.round((o.approved / o.units) * 100);
              return (
                <tr key={o.officeId} data-testid="round-office" data-office={o.officeId}>
                  <th scope="row">{o.officeName}</th>
                  <td data-testid="office-period-state">
                    {!o.joined
                      ? t("natNotJoined")
                      : o.periodStatus === "closed"
                        ? t("natPeriodClosed")
                        : t("natPeriodOpen")}
                  </td>
                  <td class="num">{o.loci}</td>
                  <td class="num">{o.units}</td>
                  <td class="num">{o.notStarted}</td>
                  <td class="num">{o.draft}</td>
                  <td class="num">{o.submitted}</td>
                  <td class="num">{o.returned}</td>
                  <td class="num">{o.approved}</td>
                  <td>
                    <meter
                      class="national-meter"
                      min={0}
                      max={100}
                      value={share}
                      aria-label={t("natApprovedOf", { office: o.officeName })}
                    />{" "}
                    {share}%
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </section>
  );
}

/** Periods of an office that can join the round as they are (same year, instrument version, scheme). */
function candidates(round: Round, periods: readonly Period[], officeId: string): Period[] {
  return periods.filter(
    (p) =>
      p.officeId === officeId &&
      p.year === round.year &&
      p.instrumentId === round.instrumentId &&
      p.instrumentVersion === round.instrumentVersion &&
      p.schemeId === round.schemeId,
  );
}

function JoinPanel({
  round,
  offices,
  periods,
  onJoined,
}: {
  round: Round;
  offices: readonly OfficeProgress[];
  periods: readonly Period[];
  onJoined: () => void;
}) {
  const { t } = useI18n();
  const waiting = offices.filter((o) => !o.joined);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | undefined>(undefined);
  const join = async (office: OfficeProgress, period?: Period) => {
    setBusy(true);
    setMessage(undefined);
    try {
      await nationalApi.join(round.id, office.officeId, period?.id);
      setMessage({ error: false, text: t("natJoined", { office: office.officeName }) });
      onJoined();
    } catch (e) {
      setMessage({ error: true, text: nationalErrorWords(t, e instanceof ApiError ? e.code : "unexpected") });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card" aria-labelledby="round-join">
      <h2 id="round-join" class="card__title">
        {t("natJoinTitle")}
      </h2>
      <p>{t("natJoinIntro")}</p>
      {waiting.length === 0 ? (
        <p>{t("natJoinNone")}</p>
      ) : (
        <ul class="national-join">
          {waiting.map((o) => {
            const own = candidates(round, periods, o.officeId);
            return (
              <li key={o.officeId} data-testid="join-office" data-office={o.officeId}>
                <strong>{o.officeName}</strong>
                <div class="button-row">
                  {own.map((p) => (
                    <button
                      key={p.id}
                      type="button"
                      class="button button--primary"
                      disabled={busy || p.status === "closed"}
                      onClick={() => void join(o, p)}
                    >
                      {t("natJoinPeriod", { period: p.name, office: o.officeName })}
                    </button>
                  ))}
                  {own.length === 0 && (
                    <button type="button" class="button" disabled={busy} onClick={() => void join(o)}>
                      {t("natJoinNew", { office: o.officeName })}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {message && (
        <p
          class={message.error ? "notice notice--error" : "notice"}
          role={message.error ? "alert" : "status"}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}

function PublishPanel({
  round,
  closed,
  joined,
  onPublished,
}: {
  round: Round;
  closed: number;
  joined: number;
  onPublished: () => void;
}) {
  const { t, language } = useI18n();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const publish = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await nationalApi.publish(round.id);
      setAsking(false);
      onPublished();
    } catch (e) {
      setError(nationalErrorWords(t, e instanceof ApiError ? e.code : "unexpected"));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card" aria-labelledby="round-publish">
      <h2 id="round-publish" class="card__title">
        {t("natPublishTitle")}
      </h2>
      {round.publishedAt !== null ? (
        <p role="status" data-testid="round-published">
          {t("natPublishedOn", { at: formatDateTime(round.publishedAt, language) })}
        </p>
      ) : !round.final ? (
        <p data-testid="publish-wait">
          {t("natPublishWait", { closed: String(closed), joined: String(joined) })}
        </p>
      ) : asking ? (
        <div class="notice notice--warning" role="alertdialog" aria-labelledby="publish-question">
          <p id="publish-question">{t("natPublishConfirm", { year: String(round.year) })}</p>
          <div class="button-row">
            <button
              type="button"
              class="button button--primary"
              disabled={busy}
              onClick={() => void publish()}
            >
              {t("natPublishYes")}
            </button>
            <button type="button" class="button" onClick={() => setAsking(false)}>
              {t("natCancel")}
            </button>
          </div>
        </div>
      ) : (
        <>
          <p>{t("natPublishReady")}</p>
          <button type="button" class="button button--primary" onClick={() => setAsking(true)}>
            {t("natPublish")}
          </button>
        </>
      )}
      {error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
