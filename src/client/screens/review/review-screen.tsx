// The review screen of one checklist (issues #6, #20). On a laptop it is a desk: the items on the
// left (score, visit, subjects, every answer with photos, notes and comment fields, the decision),
// and on the right what the reviewer checks against — what changed since the return, conflicts,
// the review trail and the history. At 360 px the same blocks stack. A supervisor never edits
// answers: the only write is the decision (review-decision.tsx), on the revision this screen shows.
import { useState } from "preact/hooks";
import { profileFacts } from "../../../domain/assessment/respondent-words";
import type { Instrument } from "../../../domain/instrument/types";
import {
  type AssessmentDetail,
  evidenceZipUrl,
  fetchAssessment,
  fetchAssessmentInstrument,
} from "../../api/review-api";
import { useDocumentTitle } from "../../app/use-document-title";
import { Link } from "../../components/link";
import { useI18n } from "../../i18n/i18n";
import { photoList } from "./photo-list";
import { PhotoViewer } from "./photo-viewer";
import { RemoteView } from "./remote-view";
import { ReviewAnswers } from "./review-answers";
import { ConflictList, HistoryTable, ReviewTrail, useUserName } from "./review-audit";
import { ReviewDecision } from "./review-decision";
import { SinceReturnCard } from "./since-return";
import { useRemote } from "./use-remote";
import { formatDate, formatDateTime, formatScore, localText, STATUS_KEYS } from "./words";
import "../../styles/review.css";

export function ReviewScreen({ id }: { id: string }) {
  const { t } = useI18n();
  useDocumentTitle(t("reviewScreenTitle"));
  const [remote, reload] = useRemote(
    () => Promise.all([fetchAssessment(id), fetchAssessmentInstrument(id)]),
    [id],
  );
  return (
    <div class="screen review-screen">
      <RemoteView remote={remote} reload={reload}>
        {([detail, instrument]) => (
          <ReviewBody key={detail.revision} detail={detail} instrument={instrument} reload={reload} />
        )}
      </RemoteView>
      {remote.state !== "ok" && <h1 tabIndex={-1}>{t("reviewScreenTitle")}</h1>}
    </div>
  );
}

function ReviewBody({
  detail,
  instrument,
  reload,
}: {
  detail: AssessmentDetail;
  instrument: Instrument;
  reload: () => void;
}) {
  const { t, language } = useI18n();
  const nameOf = useUserName(detail);
  const [comments, setComments] = useState<Record<string, string>>({});
  const [photoIndex, setPhotoIndex] = useState<number | null>(null);
  // The status and revision after a decision, shown at once (the detail reloads on demand).
  const [current, setCurrent] = useState({ status: detail.status, revision: detail.revision });
  const photos = photoList(detail, instrument, language, nameOf, t);
  const itemComments = Object.entries(comments)
    .filter(([, text]) => text.trim() !== "")
    .map(([key, text]) => ({ key, text: text.trim() }));
  const visit = detail.visit;
  const title = detail.context.unitName ?? t("reviewScreenTitle");
  return (
    <div data-testid="review-screen" data-assessment={detail.id} data-revision={current.revision}>
      <p class="review-muted">
        <Link href="/tinjauan">{t("reviewBackToQueue")}</Link>
      </p>
      <h1 tabIndex={-1}>{title}</h1>
      <p class="review-muted">
        {[detail.context.pemdaName, detail.context.periodName].filter(Boolean).join(" · ")} ·{" "}
        {t("reviewRevision", { revision: String(current.revision) })}
      </p>
      <p>
        <span
          class={`review-status review-status--${current.status}`}
          data-testid="review-status"
          data-status={current.status}
          role="status"
        >
          {t(STATUS_KEYS[current.status])}
        </span>
      </p>

      <div class="review-desk">
        <div class="review-desk__items">
          <section class="card" aria-labelledby="review-score">
            <h2 id="review-score" class="card__title">
              {t("reviewScore")}
            </h2>
            {detail.score === null ? (
              <p>—</p>
            ) : (
              <>
                <p class="review-total">
                  {t("reviewScoreTotal")}:{" "}
                  <strong data-testid="review-total">{formatScore(detail.score.total, language)}</strong>
                </p>
                {!detail.score.complete && (
                  <p class="notice notice--warning">
                    {t("reviewScoreIncomplete", { count: String(detail.score.problems.length) })}
                  </p>
                )}
                <dl class="facts">
                  {instrument.dimensions.map((d) => (
                    <div class="facts__row" key={d.id}>
                      <dt>{localText(d.name, language)}</dt>
                      <dd>
                        {formatScore(
                          detail.score?.dimensions.find((x) => x.id === d.id)?.points ?? null,
                          language,
                        )}
                      </dd>
                    </div>
                  ))}
                </dl>
              </>
            )}
          </section>

          <section class="card" aria-labelledby="review-visit">
            <h2 id="review-visit" class="card__title">
              {t("reviewVisit")}
            </h2>
            <dl class="facts">
              <div class="facts__row">
                <dt>{t("reviewVisitDate")}</dt>
                <dd>{formatDate(visit.date, language)}</dd>
              </div>
              <div class="facts__row">
                <dt>{t("reviewVisitTime")}</dt>
                <dd>
                  {formatDateTime(visit.startedAt, language)} – {formatDateTime(visit.endedAt, language)}
                </dd>
              </div>
              <div class="facts__row">
                <dt>{t("reviewVisitPlace")}</dt>
                <dd>
                  {visit.location
                    ? t("reviewVisitPlaceValue", {
                        lat: visit.location.lat.toFixed(5),
                        lon: visit.location.lon.toFixed(5),
                        accuracy: String(Math.round(visit.location.accuracyM)),
                      })
                    : t("reviewNone")}
                </dd>
              </div>
              <div class="facts__row">
                <dt>{t("reviewVisitMode")}</dt>
                <dd>{t(visit.mode === "unannounced" ? "reviewVisitUnannounced" : "reviewVisitScheduled")}</dd>
              </div>
              <div class="facts__row">
                <dt>{t("reviewTeam")}</dt>
                <dd>{visit.team.map(nameOf).join(", ") || t("reviewNone")}</dd>
              </div>
            </dl>
          </section>

          <section class="card" aria-labelledby="review-subjects">
            <h2 id="review-subjects" class="card__title">
              {t("reviewProducts")} · {t("reviewRespondents")}
            </h2>
            <ul data-testid="review-subjects">
              {detail.products.map((p) => (
                <li key={p.id}>
                  {t("reviewProducts")}: {p.name}
                </li>
              ))}
              {detail.respondents.map((r) => (
                <li key={r.id}>
                  {/* Numbered per kind, as the items name them ("Pejabat/Petugas 2"). */}
                  {t(r.kind === "official" ? "reviewOfficial" : "reviewUser")}{" "}
                  {detail.respondents.filter((x) => x.kind === r.kind).indexOf(r) + 1}
                  {profileFacts(r.profile, language)
                    .map((f) => ` · ${t("deskRespondentProfile", { label: f.label, value: f.value })}`)
                    .join("")}
                </li>
              ))}
            </ul>
            {detail.notes.general && (
              <p class="review-note">
                <strong>{t("reviewGeneralNote")}:</strong> {detail.notes.general}
              </p>
            )}
          </section>

          <ReviewAnswers
            instrument={instrument}
            detail={detail}
            comments={comments}
            onComment={
              current.status === "submitted"
                ? (key, text) => setComments((c) => ({ ...c, [key]: text }))
                : null
            }
            onPhoto={(key, sha256) => {
              const index = photos.findIndex((p) => p.key === key && p.sha256 === sha256);
              if (index >= 0) setPhotoIndex(index);
            }}
          />

          <ReviewDecision
            detail={detail}
            status={current.status}
            revision={current.revision}
            itemComments={itemComments}
            onDecided={(status, revision) => setCurrent({ status, revision })}
            reload={reload}
          />
        </div>

        <aside class="review-desk__side" aria-label={t("reviewAudit")}>
          <SinceReturnCard detail={detail} instrument={instrument} />
          <ConflictList detail={detail} />
          <ReviewTrail detail={detail} />
          <HistoryTable detail={detail} instrument={instrument} />
          <section class="card" aria-labelledby="review-exports">
            <h2 id="review-exports" class="card__title">
              {t("reviewExports")}
            </h2>
            <a class="button" href={evidenceZipUrl(detail.id)} download>
              {t("reviewEvidenceZip")}
            </a>
          </section>
        </aside>
      </div>
      <PhotoViewer photos={photos} index={photoIndex} onIndex={setPhotoIndex} />
    </div>
  );
}
