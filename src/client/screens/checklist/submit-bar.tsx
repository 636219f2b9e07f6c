// "Ajukan": blocked while anything is missing (saying how much, with the list above it). When
// complete, a tap first shows what will be sent (score, answers, photos) and that the sheet locks
// until the supervisor decides; only "Ya, ajukan" records assessment.submit. Afterwards the page
// goes to the top, where the new status is, so the assessor sees at once what happened.
import { useState } from "preact/hooks";
import { useChecklist, useSheetSlice } from "./checklist-context";
import { formatScore } from "./score-panel";

export function SubmitBar({ missing, score }: { missing: number; score: number }) {
  const { editor, t, language } = useChecklist();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const counts = useSheetSlice((state) => ({
    answers: Object.keys(state.answers).length,
    photos: state.evidence.length,
  }));
  const blocked = missing > 0;

  const submit = async () => {
    setBusy(true);
    await editor.submit();
    setBusy(false);
    setConfirming(false);
    window.scrollTo({ top: 0 });
    document.querySelector<HTMLElement>(".checklist h1")?.focus({ preventScroll: true });
  };

  if (confirming && !blocked) {
    return (
      <div class="submit-bar">
        <div
          class="notice notice--warning submit-confirm"
          role="alertdialog"
          aria-labelledby="submit-confirm-title"
          aria-describedby="submit-confirm-text"
          data-testid="submit-confirm"
        >
          <p id="submit-confirm-title">
            <strong>{t("submitConfirmTitle")}</strong>
          </p>
          <div id="submit-confirm-text">
            <p>
              {t("submitConfirmSummary", {
                score: formatScore(score, language),
                answers: String(counts.answers),
                photos: String(counts.photos),
              })}
            </p>
            <p>{t("submitConfirmLock")}</p>
          </div>
          <div class="button-row">
            <button
              type="button"
              class="button button--primary"
              data-testid="submit-confirm-yes"
              disabled={busy}
              onClick={() => void submit()}
            >
              {busy ? t("submitBusy") : t("submitConfirmYes")}
            </button>
            <button type="button" class="button" disabled={busy} onClick={() => setConfirming(false)}>
              {t("cancel")}
            </button>
          </div>
        </div>
      </div>
    );
  }

  return (
    <div class="submit-bar">
      {blocked && (
        <p id="submit-blocked" class="notice notice--warning">
          {t("submitBlocked", { count: String(missing) })}
        </p>
      )}
      <button
        type="button"
        class="button button--primary button--block"
        data-testid="submit"
        disabled={blocked}
        aria-describedby={blocked ? "submit-blocked" : undefined}
        onClick={() => setConfirming(true)}
      >
        {t("submit")}
      </button>
    </div>
  );
}
