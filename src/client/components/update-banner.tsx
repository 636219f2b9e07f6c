import { useState } from "preact/hooks";
import { useI18n } from "../i18n/i18n";
import { applyUpdate, useUpdateWaiting } from "../pwa/service-worker-updates";

/** Offers a waiting new version. Never reloads on its own: the assessor may be mid-checklist. */
export function UpdateBanner() {
  const waiting = useUpdateWaiting();
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  if (!waiting) return null;
  const onClick = () => {
    setBusy(true);
    void applyUpdate();
  };
  return (
    <div class="update-banner" role="status" data-testid="update-banner">
      <p class="update-banner__text">{t("updateAvailable")}</p>
      <button type="button" class="button button--inverse" onClick={onClick} disabled={busy}>
        {t("updateReload")}
      </button>
    </div>
  );
}
