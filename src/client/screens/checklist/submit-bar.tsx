// "Ajukan": blocked while anything is missing (saying how much, with the list above it), recorded as
// assessment.submit when complete. The lock follows from the status the reducer sets.
import { useState } from "preact/hooks";
import { useChecklist } from "./checklist-context";

export function SubmitBar({ missing }: { missing: number }) {
  const { editor, t } = useChecklist();
  const [busy, setBusy] = useState(false);
  const blocked = missing > 0;
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
        disabled={blocked || busy}
        aria-describedby={blocked ? "submit-blocked" : undefined}
        onClick={async () => {
          setBusy(true);
          await editor.submit();
          setBusy(false);
        }}
      >
        {busy ? t("submitBusy") : t("submit")}
      </button>
    </div>
  );
}
