// The audit of a checklist (issue #6 §5): every review decision and comment with who and when, the
// open conflicts, and the full change history (who changed what, when, from which device), with
// user names from the detail's `users`.
import type { Instrument } from "../../../domain/instrument/types";
import type { AssessmentDetail } from "../../api/review-api";
import { useI18n } from "../../i18n/i18n";
import { actionWords, historyItem, itemLabel, valueWords } from "./desk-words";
import { formatDateTime } from "./words";

export function useUserName(detail: AssessmentDetail) {
  const { t } = useI18n();
  const names = new Map(detail.users.map((u) => [u.id, u.name]));
  return (id: string) => names.get(id) ?? t("reviewUnknownUser");
}

const show = (value: unknown) =>
  value === null || value === undefined ? "—" : typeof value === "string" ? value : JSON.stringify(value);

export function ReviewTrail({ detail }: { detail: AssessmentDetail }) {
  const { t, language } = useI18n();
  const nameOf = useUserName(detail);
  return (
    <section class="card" aria-labelledby="review-trail" data-testid="review-trail">
      <h2 id="review-trail" class="card__title">
        {t("reviewAudit")}
      </h2>
      {detail.reviews.length === 0 ? (
        <p class="review-muted">{t("reviewAuditEmpty")}</p>
      ) : (
        <ol class="review-trail">
          {detail.reviews.map((r) => (
            <li key={`${r.at}-${r.revision}`} data-testid="review-decision" data-decision={r.decision}>
              <p>
                {t("reviewAuditEntry", {
                  decision:
                    r.decision === "undo_approval"
                      ? t("tableApprovalUndone")
                      : t(r.decision === "approve" ? "reviewStatusApproved" : "reviewStatusReturned"),
                  who: nameOf(r.by),
                  at: formatDateTime(r.at, language),
                  revision: String(r.revision),
                })}
              </p>
              {r.comment !== "" && <p class="review-note">{r.comment}</p>}
              {r.itemComments.length > 0 && (
                <ul>
                  {r.itemComments.map((c) => (
                    <li key={c.key}>
                      <strong>{itemLabel(detail, c.key, language)}</strong>: {c.text}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function ConflictList({ detail }: { detail: AssessmentDetail }) {
  const { t, language } = useI18n();
  const nameOf = useUserName(detail);
  return (
    <section class="card" aria-labelledby="review-conflicts">
      <h2 id="review-conflicts" class="card__title">
        {t("reviewConflicts")}
      </h2>
      {detail.conflicts.length === 0 ? (
        <p class="review-muted">{t("reviewNoConflicts")}</p>
      ) : (
        <ul class="review-conflicts">
          {detail.conflicts.map((c) => (
            <li key={`${c.kind}-${c.key}`} class="review-instance--conflict">
              <strong>{itemLabel(detail, c.key, language)}</strong>
              <ul>
                {c.values.map((value) => (
                  <li key={`${value.clientId}-${value.at}`}>
                    {t("reviewConflictValue", {
                      value: show(value.value),
                      who: nameOf(value.by),
                      at: formatDateTime(value.at, language),
                    })}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function HistoryTable({ detail, instrument }: { detail: AssessmentDetail; instrument: Instrument }) {
  const { t, language } = useI18n();
  const nameOf = useUserName(detail);
  // Newest first: the reviewer mostly wants what changed last.
  const rows = [...detail.history].reverse();
  return (
    <details class="card review-history">
      <summary>
        <h2 class="card__title">{t("reviewHistoryCount", { count: String(rows.length) })}</h2>
      </summary>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe scrollable-region-focusable) */}
      <section class="review-scroll" tabIndex={0} aria-label={t("reviewHistory")}>
        <table class="review-table">
          <thead>
            <tr>
              <th scope="col">{t("reviewHistoryWhen")}</th>
              <th scope="col">{t("reviewHistoryWho")}</th>
              <th scope="col">{t("reviewHistoryDevice")}</th>
              <th scope="col">{t("deskHistoryAction")}</th>
              <th scope="col">{t("deskHistoryItem")}</th>
              <th scope="col">{t("reviewHistoryChange")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((h) => (
              <tr key={h.seq}>
                <td>{formatDateTime(h.at, language)}</td>
                <td>{nameOf(h.userId)}</td>
                <td>{h.clientId === null ? t("reviewHistoryOnline") : h.clientId.slice(0, 8)}</td>
                <td>{actionWords(h.action, language)}</td>
                <td>{historyItem(detail, h.key, language) || "—"}</td>
                <td>
                  <span class="review-old">{valueWords(instrument, h.key, h.old, language, t)}</span> →{" "}
                  {valueWords(instrument, h.key, h.new, language, t)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </details>
  );
}
