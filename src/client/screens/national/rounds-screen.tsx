// National rounds (issue #19): the list of rounds for supervisors and admins, and for an admin of the
// Kantor Pusat the form that defines a round (year, instrument version, banding scheme, timetable).
// An admin of another office is told who may define rounds; while no office is the Kantor Pusat yet,
// an admin may name their own office (the server refuses once one is named).
import { useState } from "preact/hooks";
import { ApiError } from "../../api/http";
import { nationalApi, type Round } from "../../api/national-api";
import { useDocumentTitle } from "../../app/use-document-title";
import { Link } from "../../components/link";
import { useI18n } from "../../i18n/i18n";
import type { User } from "../../session/user";
import { RemoteView } from "../review/remote-view";
import { useRemote } from "../review/use-remote";
import { formatDate } from "../review/words";
import { CreateRoundForm } from "./create-round-form";
import { nationalErrorWords, roundState } from "./national-words";
import "../../styles/review.css";
import "../../styles/national.css";

export function RoundsScreen({ user }: { user: User }) {
  const { t } = useI18n();
  useDocumentTitle(t("natRoundsTitle"));
  const [remote, reload] = useRemote(() => nationalApi.rounds(), []);
  return (
    <div class="screen review-screen national" data-testid="rounds-screen">
      <h1 tabIndex={-1}>{t("natRoundsTitle")}</h1>
      <p class="lead">{t("natRoundsIntro")}</p>
      <RemoteView remote={remote} reload={reload}>
        {({ central, rounds }) => (
          <>
            <RoundList rounds={rounds} />
            {user.role === "admin" && central && <CreateRoundForm rounds={rounds} onCreated={reload} />}
            {user.role === "admin" && !central && <CentralOfficeCard user={user} onMarked={reload} />}
            {user.role === "admin" && (
              <p>
                <Link href="/admin/riwayat">{t("natHistoryLink")}</Link>
              </p>
            )}
          </>
        )}
      </RemoteView>
    </div>
  );
}

function RoundList({ rounds }: { rounds: readonly Round[] }) {
  const { t, language } = useI18n();
  return (
    <section class="card" aria-labelledby="rounds-list">
      <h2 id="rounds-list" class="card__title">
        {t("natRoundsList")}
      </h2>
      {rounds.length === 0 ? (
        <p data-testid="rounds-empty">{t("natRoundsEmpty")}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe scrollable-region-focusable)
        <section class="review-scroll" tabIndex={0} aria-label={t("natRoundsList")}>
          <table class="review-table" data-testid="rounds-table">
            <thead>
              <tr>
                <th scope="col">{t("natYear")}</th>
                <th scope="col">{t("natRoundName")}</th>
                <th scope="col">{t("natScheme")}</th>
                <th scope="col">{t("natPeriods")}</th>
                <th scope="col">{t("natState")}</th>
                <th scope="col">{t("natPublicationOn")}</th>
                <th scope="col">{t("natActions")}</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((r) => (
                <tr key={r.id} data-testid="round-row" data-year={String(r.year)}>
                  <th scope="row">{r.year}</th>
                  <td>{r.name}</td>
                  <td>{r.schemeId}</td>
                  <td class="num">{r.periodCount}</td>
                  <td data-testid="round-state">{roundState(t, r)}</td>
                  <td>{formatDate(r.timetable.publicationOn, language)}</td>
                  <td class="national-actions">
                    <Link href={`/nasional/${r.id}`}>
                      {t("natProgressLink")} <span class="visually-hidden">{r.year}</span>
                    </Link>
                    <Link href={`/nasional/${r.id}/hasil`}>
                      {t("natResultsLink")} <span class="visually-hidden">{r.year}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}

/** For an admin outside the Kantor Pusat: who defines rounds, and the one-time naming of the office. */
function CentralOfficeCard({ user, onMarked }: { user: User; onMarked: () => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const mark = async () => {
    const officeId = user.officeId;
    if (!officeId) return;
    setBusy(true);
    setError(undefined);
    try {
      await nationalApi.markCentral(officeId);
      onMarked();
    } catch (e) {
      setError(
        e instanceof ApiError && e.code === "forbidden"
          ? t("natCentralTaken")
          : nationalErrorWords(t, e instanceof ApiError ? e.code : "unexpected"),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card" aria-labelledby="central-office">
      <h2 id="central-office" class="card__title">
        {t("natCentralTitle")}
      </h2>
      <p>{t("natCentralText")}</p>
      {user.officeId && (
        <button type="button" class="button" disabled={busy} onClick={() => void mark()}>
          {t("natCentralMark")}
        </button>
      )}
      {error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
