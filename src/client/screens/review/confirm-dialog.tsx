// A confirmation before a decision (issue #20): approve, return and undo say what will happen and
// wait for "Ya, lanjutkan"; Escape or "Batal" leaves everything as it was. Native <dialog>: focus
// moves into it and back to the button that opened it.
import { useEffect, useRef } from "preact/hooks";
import { useI18n } from "../../i18n/i18n";

export interface Confirmation {
  title: string;
  text: string;
  onYes: () => void;
}

export function ConfirmDialog({ ask, onClose }: { ask: Confirmation | null; onClose: () => void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (ask && !dialog.open) dialog.showModal();
    if (!ask && dialog.open) dialog.close();
  }, [ask]);
  return (
    <dialog
      ref={ref}
      class="review-confirm"
      onClose={onClose}
      aria-labelledby="confirm-title"
      data-testid="confirm-dialog"
    >
      {ask && (
        <>
          <h2 id="confirm-title" class="card__title">
            {ask.title}
          </h2>
          <p>{ask.text}</p>
          <form method="dialog" class="button-row">
            <button
              type="button"
              class="button button--primary"
              onClick={() => {
                ask.onYes();
                onClose();
              }}
            >
              {t("deskConfirmYes")}
            </button>
            <button type="submit" class="button" autofocus>
              {t("deskCancel")}
            </button>
          </form>
        </>
      )}
    </dialog>
  );
}
