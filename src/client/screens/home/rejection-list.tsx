import { useRejections } from "../../hooks/use-rejections";
import { useI18n } from "../../i18n/i18n";
import { mutationWhatKey, rejectionReasonKey } from "./home-words";

/** Edits the server refused, in words, until the user marks them read (they stay on record). */
export function RejectionList() {
  const { t } = useI18n();
  const { rejections, dismiss } = useRejections();
  if (rejections.length === 0) return null;
  return (
    <section class="card rejections" aria-labelledby="rejections-title" data-testid="rejections">
      <h2 id="rejections-title" class="card__title">
        {t("rejectionsTitle")}
      </h2>
      <ul class="rejection-list">
        {rejections.map(({ row, unitName }) => (
          <li key={row.mutationId} class="rejection-list__item" data-testid="rejection">
            <p>
              {t("rejectionItem", {
                what: t(mutationWhatKey(row.mutationName)),
                unit: unitName ?? t("rejectionUnknownUnit"),
                reason: t(rejectionReasonKey(row.code), { code: row.code }),
              })}
            </p>
            <button type="button" class="button" onClick={() => dismiss(row.mutationId)}>
              {t("rejectionDismiss")}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
