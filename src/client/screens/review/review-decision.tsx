// The decision card of the review screen (issues #6, #20): approve or return a submitted checklist,
// or undo an approval while the period is open — each after a confirmation that says what follows.
// Sent with the revision shown; a 409 is explained in words with a reload, never retried silently.
// On success the screen's status changes at once (onDecided), before any reload.
import { useState } from "preact/hooks";
import { ApiError } from "../../api/http";
import { type AssessmentDetail, postReview } from "../../api/review-api";
import { useI18n } from "../../i18n/i18n";
import { type Confirmation, ConfirmDialog } from "./confirm-dialog";
import { STATUS_KEYS } from "./words";

export type Decision = "approve" | "return" | "undo_approval";
type Outcome =
  | { kind: "idle" }
  | { kind: "sending" }
  | { kind: "done"; decision: Decision }
  | { kind: "error"; code: string };

interface Props {
  detail: AssessmentDetail;
  status: AssessmentDetail["status"];
  revision: number;
  itemComments: { key: string; text: string }[];
  onDecided: (status: AssessmentDetail["status"], revision: number) => void;
  reload: () => void;
}

const ERROR_KEYS = {
  stale_revision: "reviewStale",
  not_submitted: "reviewNotSubmitted",
  needs_comment: "reviewReturnNeedsComment",
  not_approved: "deskNotApproved",
  period_closed: "deskPeriodClosed",
} as const;

export function ReviewDecision({ detail, status, revision, itemComments, onDecided, reload }: Props) {
  const { t } = useI18n();
  const [general, setGeneral] = useState("");
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });
  const [ask, setAsk] = useState<Confirmation | null>(null);

  const send = async (decision: Decision) => {
    setOutcome({ kind: "sending" });
    try {
      const answer = await postReview(detail.id, {
        decision,
        comment: decision === "undo_approval" ? "" : general.trim(),
        itemComments: decision === "undo_approval" ? [] : itemComments,
        revision,
      });
      onDecided(answer.status, answer.revision);
      setOutcome({ kind: "done", decision });
    } catch (error) {
      setOutcome({ kind: "error", code: error instanceof ApiError ? error.code : "unexpected" });
    }
  };

  const confirm = (decision: Decision) => {
    if (decision === "return" && general.trim() === "" && itemComments.length === 0) {
      setOutcome({ kind: "error", code: "needs_comment" });
      return;
    }
    const texts = {
      approve: [t("deskConfirmApproveTitle"), t("deskConfirmApproveText")],
      return: [
        t("deskConfirmReturnTitle"),
        t("deskConfirmReturnText", { count: String(itemComments.length) }),
      ],
      undo_approval: [t("deskConfirmUndoTitle"), t("deskConfirmUndoText")],
    }[decision];
    setAsk({ title: texts[0] ?? "", text: texts[1] ?? "", onYes: () => void send(decision) });
  };

  const error =
    outcome.kind === "error" ? (
      <div class="notice notice--error" role="alert" data-testid="review-error" data-code={outcome.code}>
        <p>
          {outcome.code in ERROR_KEYS
            ? t(ERROR_KEYS[outcome.code as keyof typeof ERROR_KEYS])
            : t("reviewDecisionFailed", { code: outcome.code })}
        </p>
        {outcome.code !== "needs_comment" && (
          <button type="button" class="button" onClick={reload}>
            {t("reviewReload")}
          </button>
        )}
      </div>
    ) : null;

  return (
    <section class="card review-decision" aria-labelledby="review-decision">
      <h2 id="review-decision" class="card__title">
        {t("reviewDecisionTitle")}
      </h2>
      {outcome.kind === "done" && (
        <div
          class="notice notice--info"
          role="status"
          data-testid="review-outcome"
          data-decision={outcome.decision}
        >
          <p>
            {outcome.decision === "undo_approval"
              ? t("deskUndone")
              : t(outcome.decision === "approve" ? "reviewDecidedApprove" : "reviewDecidedReturn")}
          </p>
          <button type="button" class="button" onClick={reload}>
            {t("reviewReload")}
          </button>
        </div>
      )}
      {status === "submitted" && (outcome.kind !== "done" || outcome.decision === "undo_approval") ? (
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
          {error}
          <div class="button-row">
            <button
              type="button"
              class="button button--primary"
              disabled={outcome.kind === "sending"}
              onClick={() => confirm("approve")}
            >
              {outcome.kind === "sending" ? t("reviewSending") : t("reviewApprove")}
            </button>
            <button
              type="button"
              class="button button--danger"
              disabled={outcome.kind === "sending"}
              onClick={() => confirm("return")}
            >
              {t("reviewReturn")}
            </button>
          </div>
        </>
      ) : status === "approved" ? (
        <>
          {outcome.kind !== "done" && (
            <p class="review-muted">
              {t("reviewNotDecidable", { status: t(STATUS_KEYS[status]).toLowerCase() })}
            </p>
          )}
          {error}
          <button
            type="button"
            class="button"
            disabled={outcome.kind === "sending"}
            onClick={() => confirm("undo_approval")}
          >
            {t("deskUndoApproval")}
          </button>
        </>
      ) : (
        outcome.kind !== "done" && (
          <p class="review-muted">
            {t("reviewNotDecidable", { status: t(STATUS_KEYS[status]).toLowerCase() })}
          </p>
        )
      )}
      <ConfirmDialog ask={ask} onClose={() => setAsk(null)} />
    </section>
  );
}
