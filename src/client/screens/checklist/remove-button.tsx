// "Hapus" with an inline second step: removing a product or respondent also drops its answers, so
// one stray tap must not do it (and a window.confirm would block the whole page).
import { useState } from "preact/hooks";
import { useChecklist } from "./checklist-context";

export function RemoveButton({ what, onConfirm }: { what: string; onConfirm: () => void }) {
  const { t } = useChecklist();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" class="link-button" onClick={() => setAsking(true)}>
        {t("remove")}
        <span class="visually-hidden"> {what}</span>
      </button>
    );
  }
  return (
    <span class="confirm">
      <span>{t("removeConfirm", { name: what })}</span>
      <button
        type="button"
        class="button button--danger"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {t("remove")}
      </button>
      <button type="button" class="button" onClick={() => setAsking(false)}>
        {t("cancel")}
      </button>
    </span>
  );
}
