// "Changed since return" (issue #20): after a checklist comes back re-submitted, the reviewer sees
// first what the assessor changed since the return — per item old → new in words, photos added or
// removed, who — each linked to its item on the left. Data: the detail's `sinceReturn` (server).
import type { Instrument } from "../../../domain/instrument/types";
import type { AssessmentDetail } from "../../api/review-api";
import { useI18n } from "../../i18n/i18n";
import { historyItem, valueWords } from "./desk-words";
import { useUserName } from "./review-audit";
import { formatDateTime } from "./words";

const anchorOf = (itemKey: string) => `#item-${itemKey.split("#", 1)[0]?.replace(/[^A-Za-z0-9_-]/g, "_")}`;

export function SinceReturnCard({
  detail,
  instrument,
}: {
  detail: AssessmentDetail;
  instrument: Instrument;
}) {
  const { t, language } = useI18n();
  const nameOf = useUserName(detail);
  const since = detail.sinceReturn;
  if (!since) return null;
  return (
    <section class="card review-changed" aria-labelledby="since-return" data-testid="since-return">
      <h2 id="since-return" class="card__title">
        {t("deskSinceReturnTitle")}
      </h2>
      <p class="review-muted">
        {t("deskSinceReturnIntro", {
          who: nameOf(since.returnedBy),
          at: formatDateTime(since.returnedAt, language),
        })}
      </p>
      {since.changes.length === 0 ? (
        <p>{t("deskSinceReturnNone")}</p>
      ) : (
        <ul class="review-change-list">
          {since.changes.map((c) => {
            const item = historyItem(detail, c.key, language) || c.kind;
            return (
              <li key={c.key} data-testid="since-return-change" data-key={c.key}>
                {c.itemKey !== "" ? <a href={anchorOf(c.itemKey)}>{item}</a> : item}:{" "}
                {c.kind === "evidence" ? (
                  <strong>{t(c.added ? "deskPhotoAdded" : "deskPhotoRemoved")}</strong>
                ) : (
                  <>
                    <span class="review-old">{valueWords(instrument, c.key, c.old, language, t)}</span> →{" "}
                    <strong>{valueWords(instrument, c.key, c.new, language, t)}</strong>
                  </>
                )}{" "}
                <span class="review-muted">{t("deskChangeBy", { who: c.by.map(nameOf).join(", ") })}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
