// The review screen of one checklist (issue #6 §2): header, score, visit, products, respondents,
// every answer with photos and notes, conflicts, item comments, the decision (approve / return)
// with the revision check, and the audit. A supervisor never edits answers: the only write is
// POST /assessments/{id}/review on the revision this screen shows; a 409 stale_revision is said
// in words with a reload.
import { useState } from "preact/hooks";
import type { Instrument } from "../../../domain/instrument/types";
import { ApiError } from "../../api/http";
import {
  type AssessmentDetail,
  evidenceZipUrl,
  fetchAssessment,
  fetchAssessmentInstrument,
  postReview,
} from "../../api/review-api";
import { useDocumentTitle } from "../../app/use-document-title";
import { Link } from "../../components/link";
import { useI18n } from "../../i18n/i18n";
import { PhotoViewer, type ViewedPhoto } from "./photo-viewer";
import { RemoteView } from "./remote-view";
import { ReviewAnswers } from "./review-answers";
import { ConflictList, HistoryTable, ReviewTrail, useUserName } from "./review-audit";
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

type Outcome =
  | { kind: "idle" }
  | { kind: "sending" }
  | { kind: "done"; decision: "approve" | "return" }
  | { kind: "error"; code: string };

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
  const [general, setGeneral] = useState("");
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });
  const [photo, setPhoto] = useState<ViewedPhoto | null>(null);
  const decidable = detail.status === "submitted" && outcome.kind !== "done";
  const itemComments = Object.entries(comments)
    .filter(([, text]) => text.trim() !== "")
    .map(([key, text]) => ({ key, text: text.trim() }));

  const decide = async (decision: "approve" | "return") => {
    if (decision === "return" && general.trim() === "" && itemComments.length === 0) {
      setOutcome({ kind: "error", code: "needs_comment" });
      return;
    }
    setOutcome({ kind: "sending" });
    try {
      await postReview(detail.id, {
        decision,
        comment: general.trim(),
        itemComments,
        revision: detail.revision,
      });
      setOutcome({ kind: "done", decision });
    } catch (error) {
      setOutcome({ kind: "error", code: error instanceof ApiError ? error.code : "unexpected" });
    }
  };

  const visit = detail.visit;
  const title = detail.context.unitName ?? t("reviewScreenTitle");
  return (
    <div data-testid="review-screen" data-assessment={detail.id} data-revision={detail.revision}>
      <p class="review-muted">
        <Link href="/tinjauan">{t("reviewBackToQueue")}</Link>
      </p>
      <h1 tabIndex={-1}>{title}</h1>
      <p class="review-muted">
        {[detail.context.pemdaName, detail.context.periodName].filter(Boolean).join(" · ")} ·{" "}
        {t("reviewRevision", { revision: String(detail.revision) })}
      </p>
      <p>
        <span
          class={`review-status review-status--${detail.status}`}
          data-testid="review-status"
          data-status={detail.status}
        >
          {t(STATUS_KEYS[detail.status])}
        </span>
      </p>

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
        <ul>
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
              {Object.entries(r.profile)
                .filter(([, value]) => value !== null && value !== "")
                .map(([k, value]) => ` · ${k}: ${String(value)}`)
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

      <ConflictList detail={detail} />

      <ReviewAnswers
        instrument={instrument}
        detail={detail}
        comments={comments}
        onComment={decidable ? (key, text) => setComments((c) => ({ ...c, [key]: text })) : null}
        onPhoto={setPhoto}
      />

      <section class="card review-decision" aria-labelledby="review-decision">
        <h2 id="review-decision" class="card__title">
          {t("reviewDecisionTitle")}
        </h2>
        {outcome.kind === "done" ? (
          <div
            class="notice notice--info"
            role="status"
            data-testid="review-outcome"
            data-decision={outcome.decision}
          >
            <p>{t(outcome.decision === "approve" ? "reviewDecidedApprove" : "reviewDecidedReturn")}</p>
            <button type="button" class="button" onClick={reload}>
              {t("reviewReload")}
            </button>
          </div>
        ) : detail.status !== "submitted" ? (
          <p class="review-muted">
            {t("reviewNotDecidable", { status: t(STATUS_KEYS[detail.status]).toLowerCase() })}
          </p>
        ) : (
          <>
            <p class="review-muted">{t("reviewDecisionIntro")}</p>
            <div class="field">
              <label for="review-general-comment">{t("reviewGeneralComment")}</label>
              <textarea
                id="review-general-comment"
                rows={3}
                value={general}
                data-testid="general-comment"
                onInput={(e) => setGeneral(e.currentTarget.value)}
              />
            </div>
            {itemComments.length > 0 && (
              <p class="review-muted">{t("reviewCommentCount", { count: String(itemComments.length) })}</p>
            )}
            {outcome.kind === "error" && (
              <div
                class="notice notice--error"
                role="alert"
                data-testid="review-error"
                data-code={outcome.code}
              >
                <p>
                  {outcome.code === "stale_revision"
                    ? t("reviewStale")
                    : outcome.code === "not_submitted"
                      ? t("reviewNotSubmitted")
                      : outcome.code === "needs_comment"
                        ? t("reviewReturnNeedsComment")
                        : t("reviewDecisionFailed", { code: outcome.code })}
                </p>
                {(outcome.code === "stale_revision" || outcome.code === "not_submitted") && (
                  <button type="button" class="button" onClick={reload}>
                    {t("reviewReload")}
                  </button>
                )}
              </div>
            )}
            <div class="button-row">
              <button
                type="button"
                class="button button--primary"
                disabled={outcome.kind === "sending"}
                onClick={() => void decide("approve")}
              >
                {outcome.kind === "sending" ? t("reviewSending") : t("reviewApprove")}
              </button>
              <button
                type="button"
                class="button button--danger"
                disabled={outcome.kind === "sending"}
                onClick={() => void decide("return")}
              >
                {t("reviewReturn")}
              </button>
            </div>
          </>
        )}
      </section>

      <ReviewTrail detail={detail} />
      <HistoryTable detail={detail} />

      <section class="card" aria-labelledby="review-exports">
        <h2 id="review-exports" class="card__title">
          {t("reviewExports")}
        </h2>
        <a class="button" href={evidenceZipUrl(detail.id)} download>
          {t("reviewEvidenceZip")}
        </a>
      </section>
      <PhotoViewer photo={photo} onClose={() => setPhoto(null)} />
    </div>
  );
}
