// "Log audit" (issue #16): the admin reads who did what, when and from where, filters by date,
// user and action, pages back in time and downloads the same selection as CSV (`;`, Indonesian
// headers). Read-only: the log cannot be changed from anywhere. Desk layout: a wide table that
// scrolls inside its frame on a phone.
import { useEffect, useState } from "preact/hooks";
import { apiRequest } from "../../api/http";
import { errorWords } from "../../form-kit/error-words";
import { Field } from "../../form-kit/parts";
import { type MessageKey, useI18n } from "../../i18n/i18n";
import { AdminPage } from "./admin-kit";

interface AuditEntry {
  id: string;
  at: string;
  actorUsername: string | null;
  action: string;
  outcome: "success" | "failure" | "refused" | "throttled" | "error";
  targetKind: string | null;
  targetId: string | null;
  address: string | null;
}

interface Filter {
  from: string;
  to: string;
  username: string;
  action: string;
}

const OUTCOME_KEYS: Record<AuditEntry["outcome"], MessageKey> = {
  success: "auditOutcomeSuccess",
  failure: "auditOutcomeFailure",
  refused: "auditOutcomeRefused",
  throttled: "auditOutcomeThrottled",
  error: "auditOutcomeError",
};

/** Query text of a filter; dates are whole local days (the "to" day included). */
export function auditQuery(f: Filter): URLSearchParams {
  const q = new URLSearchParams();
  if (f.from) q.set("from", new Date(`${f.from}T00:00:00`).toISOString());
  if (f.to) {
    const end = new Date(`${f.to}T00:00:00`);
    end.setDate(end.getDate() + 1);
    q.set("to", end.toISOString());
  }
  if (f.username.trim()) q.set("username", f.username.trim());
  if (f.action.trim()) q.set("action", f.action.trim().toLowerCase());
  return q;
}

const EMPTY: Filter = { from: "", to: "", username: "", action: "" };

export function AuditLogScreen() {
  const { t, language } = useI18n();
  const [draft, setDraft] = useState<Filter>(EMPTY);
  const [applied, setApplied] = useState<Filter>(EMPTY);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const load = async (filter: Filter, before: string | null) => {
    setBusy(true);
    setError(undefined);
    try {
      const q = auditQuery(filter);
      q.set("limit", "50");
      if (before) q.set("before", before);
      const { body } = await apiRequest("GET", `/audit-log?${q}`);
      const page = body as { entries: AuditEntry[]; next: string | null };
      setEntries((old) => (before ? [...old, ...page.entries] : page.entries));
      setNext(page.next);
    } catch (e) {
      setError(errorWords(t, e));
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    void load(EMPTY, null);
  }, []);

  const set = (key: keyof Filter) => (e: { currentTarget: HTMLInputElement }) =>
    setDraft({ ...draft, [key]: e.currentTarget.value });
  const when = new Intl.DateTimeFormat(language === "en" ? "en-GB" : "id-ID", {
    dateStyle: "medium",
    timeStyle: "medium",
  });
  return (
    <AdminPage title="auditTitle">
      <p>{t("auditIntro")}</p>
      <form
        class="form audit-filter"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(draft);
          void load(draft, null);
        }}
      >
        <Field id="audit-from" label={t("auditFrom")}>
          {() => <input id="audit-from" type="date" value={draft.from} onInput={set("from")} />}
        </Field>
        <Field id="audit-to" label={t("auditTo")}>
          {() => <input id="audit-to" type="date" value={draft.to} onInput={set("to")} />}
        </Field>
        <Field id="audit-user" label={t("auditUser")}>
          {() => (
            <input
              id="audit-user"
              type="text"
              autocapitalize="none"
              spellcheck={false}
              value={draft.username}
              onInput={set("username")}
            />
          )}
        </Field>
        <Field id="audit-action" label={t("auditAction")} hint={t("auditActionHint")}>
          {(describedBy) => (
            <input
              id="audit-action"
              type="text"
              autocapitalize="none"
              spellcheck={false}
              value={draft.action}
              aria-describedby={describedBy}
              onInput={set("action")}
            />
          )}
        </Field>
        <div class="button-row">
          <button type="submit" class="button button--primary" disabled={busy}>
            {t("auditFilter")}
          </button>
          <a class="button" href={`/api/v1/audit-log.csv?${auditQuery(applied)}`} download>
            {t("auditDownload")}
          </a>
        </div>
      </form>
      {error && (
        <p class="form__error" role="alert">
          {error}
        </p>
      )}
      {!busy && !error && entries.length === 0 && <p>{t("auditNone")}</p>}
      {entries.length > 0 && (
        <div class="md-table-wrap">
          <table class="md-table audit-table">
            <thead>
              <tr>
                <th scope="col">{t("auditColWhen")}</th>
                <th scope="col">{t("auditColWho")}</th>
                <th scope="col">{t("auditColWhat")}</th>
                <th scope="col">{t("auditColTarget")}</th>
                <th scope="col">{t("auditColOutcome")}</th>
                <th scope="col">{t("auditColWhere")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} data-action={e.action}>
                  <td>{when.format(new Date(e.at))}</td>
                  <td>{e.actorUsername ?? "—"}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>{e.targetKind ? `${e.targetKind} ${e.targetId ?? ""}` : "—"}</td>
                  <td>{t(OUTCOME_KEYS[e.outcome])}</td>
                  <td>{e.address ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next && (
        <button type="button" class="button" disabled={busy} onClick={() => void load(applied, next)}>
          {t("auditMore")}
        </button>
      )}
    </AdminPage>
  );
}
