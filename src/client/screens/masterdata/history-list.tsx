// The change history of one locus or unit as the form shows it: newest first, when, who, from where
// (form, import, CLI) and which fields went from what to what.
import type { HistoryRow } from "../../api/masterdata-forms-api";
import { type MessageKey, useI18n } from "../../i18n/i18n";

const show = (x: unknown) =>
  Array.isArray(x) ? x.join("; ") : x === undefined || x === null ? "—" : String(x);

/** Fields whose value differs between before and after (all of `after` for a creation). */
export function changedFields(
  before: unknown,
  after: unknown,
): { field: string; from: string; to: string }[] {
  const a = (after ?? {}) as Record<string, unknown>;
  const b = (before ?? {}) as Record<string, unknown>;
  return Object.keys(a)
    .filter((k) => before === null || JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) => ({ field: k, from: show(b[k]), to: show(a[k]) }));
}

export function HistoryList({ rows }: { rows: readonly HistoryRow[] }) {
  const { t, language } = useI18n();
  if (rows.length === 0) return <p class="field__hint">{t("mfHistoryEmpty")}</p>;
  const when = new Intl.DateTimeFormat(language === "id" ? "id-ID" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
  });
  return (
    <ol class="admin-list" data-testid="history">
      {rows.map((h, i) => (
        <li key={i} class="card">
          <p>
            <strong>{h.action === "create" ? t("mfHistoryCreated") : t("mfHistoryUpdated")}</strong>{" "}
            {when.format(new Date(h.at))}
            {h.actorName ? ` ${t("mfHistoryBy", { name: h.actorName })}` : ""} (
            {t(`mfSource_${h.source}` as MessageKey)})
          </p>
          <ul>
            {changedFields(h.before, h.after).map((c) => (
              <li key={c.field}>
                {c.field}: {h.action === "create" ? c.to : `${c.from} → ${c.to}`}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
