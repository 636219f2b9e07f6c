import { useI18n } from "../../i18n/i18n";
import type { MissingPart } from "./home-model";
import { MISSING_KEYS } from "./home-words";

/** "Siap luring", or what is still missing before the assessor can leave the network behind. */
export function OfflineReadiness({ missing }: { missing: MissingPart[] | undefined }) {
  const { t } = useI18n();
  if (!missing) {
    return (
      <p class="readiness" role="status" data-testid="offline-readiness">
        {t("readyChecking")}
      </p>
    );
  }
  const ready = missing.length === 0;
  return (
    <div
      class={`readiness ${ready ? "readiness--ready" : "readiness--missing"}`}
      role="status"
      data-testid="offline-readiness"
      data-ready={String(ready)}
    >
      <span class="readiness__icon" aria-hidden="true" />
      <div>
        <p class="readiness__title">
          {ready
            ? t("readyOffline")
            : t("notReadyOffline", { missing: missing.map((part) => t(MISSING_KEYS[part])).join(", ") })}
        </p>
        <p class="readiness__detail">{ready ? t("readyOfflineDetail") : t("notReadyHint")}</p>
      </div>
    </div>
  );
}
