// Uploading a JSON file (instrument or banding scheme): the file is read with File.text(), checked
// to be JSON here (the parse error said in words), then sent as is; the server's domain parser
// answers every problem with its JSON path, listed for the admin to fix.
import { useRef, useState } from "preact/hooks";
import { AdminApiError, type Issue } from "../../api/admin-api";
import { errorWords } from "../../form-kit/error-words";
import { ErrorSummary, Field, type SummaryItem } from "../../form-kit/parts";
import { useI18n } from "../../i18n/i18n";

/** Shown at most; the parser reports up to 100, a person reads the first ones. */
const MAX_ISSUES = 30;

export function JsonUpload({
  id,
  title,
  label,
  hint,
  submit,
  upload,
}: {
  id: string;
  title: string;
  label: string;
  hint: string;
  submit: string;
  /** Sends the text; resolves with the words to announce. */
  upload(text: string): Promise<string>;
}) {
  const { t } = useI18n();
  const fileRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string>();
  const [issues, setIssues] = useState<Issue[]>([]);
  const [done, setDone] = useState<string>();
  const [generation, setGeneration] = useState(0);
  const [busy, setBusy] = useState(false);

  const fail = (text: string, found: Issue[] = []) => {
    setError(text);
    setIssues(found);
    setGeneration((n) => n + 1);
  };

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    setDone(undefined);
    const file = fileRef.current?.files?.[0];
    if (!file) return fail(t("adminFileRequired"));
    setBusy(true);
    try {
      const text = await file.text();
      try {
        JSON.parse(text);
      } catch (e) {
        return fail(t("adminFileNotJson", { reason: e instanceof Error ? e.message : String(e) }));
      }
      const words = await upload(text);
      setError(undefined);
      setIssues([]);
      setDone(words);
      if (fileRef.current) fileRef.current.value = "";
    } catch (e) {
      if (e instanceof AdminApiError && e.issues.length > 0) fail(t("adminIssuesTitle"), e.issues);
      // A file upload says its limit; the kit's generic words for this code do not.
      else if (e instanceof AdminApiError && e.code === "payload_too_large") fail(t("adminErrTooLarge"));
      else fail(errorWords(t, e));
    } finally {
      setBusy(false);
    }
  };

  const items: SummaryItem[] = error ? [{ field: id, text: error }] : [];
  return (
    <section class="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <form class="form" onSubmit={onSubmit} noValidate>
        <ErrorSummary items={items} generation={generation} />
        {issues.length > 0 && (
          <ul
            class="admin-issues"
            id={`${id}-issues`}
            aria-label={t("adminIssuesTitle")}
            data-testid="admin-issues"
          >
            {issues.slice(0, MAX_ISSUES).map((issue, i) => (
              <li key={i}>
                <code class="admin-issues__path">{issue.path}</code> {issue.message}
              </li>
            ))}
            {issues.length > MAX_ISSUES && (
              <li>{t("adminIssuesMore", { count: String(issues.length - MAX_ISSUES) })}</li>
            )}
          </ul>
        )}
        <Field id={id} label={label} hint={hint} error={error}>
          {(describedBy, invalid) => (
            <input
              id={id}
              ref={fileRef}
              type="file"
              accept="application/json,.json"
              aria-describedby={
                [describedBy, issues.length > 0 ? `${id}-issues` : ""].filter(Boolean).join(" ") || undefined
              }
              aria-invalid={invalid}
            />
          )}
        </Field>
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? t("fkSaving") : submit}
        </button>
        {done && (
          <p class="notice notice--info" role="status" data-testid="admin-upload-done">
            {done}
          </p>
        )}
      </form>
    </section>
  );
}
