import { useState } from "preact/hooks";
import { adminApi, type Office } from "../../api/admin-api";
import { errorWords, problemByField } from "../../form-kit/error-words";
import { ErrorSummary, Field, SaveCancel, type SummaryItem } from "../../form-kit/parts";
import { useI18n } from "../../i18n/i18n";
import { AdminPage, LoadState, StatusLine, useLoad } from "./admin-kit";
import { LetterheadEditor } from "./letterhead-editor";

const SLUG = /^[a-z0-9][a-z0-9-]{1,39}$/;

export function OfficesScreen() {
  const { t } = useI18n();
  const offices = useLoad(adminApi.offices);
  const [status, setStatus] = useState<string>();
  return (
    <AdminPage title="adminOfficesTitle">
      <StatusLine text={status} />
      <LoadState loaded={offices} />
      {offices.data && (
        <ul class="admin-list">
          {offices.data.map((o) => (
            <OfficeRow
              key={o.id}
              office={o}
              onSaved={() => {
                setStatus(t("adminSaved"));
                offices.reload();
              }}
            />
          ))}
        </ul>
      )}
      <CreateOffice
        onCreated={() => {
          setStatus(t("adminSaved"));
          offices.reload();
        }}
      />
    </AdminPage>
  );
}

function OfficeRow({ office, onSaved }: { office: Office; onSaved: (o: Office) => void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(office.name);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const id = `office-${office.id}-name`;
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (name.trim() === "") {
      setError(t("fkErrRequired"));
      return;
    }
    setBusy(true);
    try {
      onSaved(await adminApi.renameOffice(office.id, name.trim()));
      setEditing(false);
      setError(undefined);
    } catch (e) {
      setError(errorWords(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li class="admin-list__item card">
      <p class="card__title">
        {office.name} <span class="admin-code">{office.id}</span>
      </p>
      <p>
        {t("adminOfficeUsers", { active: String(office.activeUserCount), total: String(office.userCount) })}
      </p>
      {editing ? (
        <form class="form" onSubmit={submit} noValidate>
          <Field id={id} label={t("adminOfficeName")} error={error}>
            {(describedBy, invalid) => (
              <input
                id={id}
                type="text"
                value={name}
                onInput={(e) => setName(e.currentTarget.value)}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                required
              />
            )}
          </Field>
          <SaveCancel busy={busy} onCancel={() => setEditing(false)} />
        </form>
      ) : (
        <div class="button-row">
          <button type="button" class="button" onClick={() => setEditing(true)}>
            {t("adminOfficeRename")}
          </button>
        </div>
      )}
      {/* The rapor letterhead (issue #20), opened on demand so the list stays short. */}
      <details class="admin-letterhead">
        <summary>{t("letterheadTitle")}</summary>
        <LetterheadEditor officeId={office.id} />
      </details>
    </li>
  );
}

function CreateOffice({ onCreated }: { onCreated: (o: Office) => void }) {
  const { t } = useI18n();
  const [id, setId] = useState("");
  const [name, setName] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [generation, setGeneration] = useState(0);
  const [busy, setBusy] = useState(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!SLUG.test(id)) found["office-id"] = id === "" ? t("fkErrRequired") : t("adminOfficeIdHint");
    if (name.trim() === "") found["office-name"] = t("fkErrRequired");
    setErrors(found);
    setFormError(undefined);
    if (Object.keys(found).length > 0) {
      setGeneration((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      onCreated(await adminApi.createOffice({ id, name: name.trim() }));
      setId("");
      setName("");
    } catch (e) {
      const problem = problemByField(t, e, ["id", "name"] as const);
      setErrors(Object.fromEntries(Object.entries(problem.fields).map(([f, text]) => [`office-${f}`, text])));
      setFormError(problem.form);
      setGeneration((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };
  const items: SummaryItem[] = [
    ...Object.entries(errors).map(([field, text]) => ({ field, text })),
    ...(formError ? [{ text: formError }] : []),
  ];
  return (
    <section class="card" aria-labelledby="office-create-title">
      <h2 id="office-create-title">{t("adminOfficeCreate")}</h2>
      <form class="form" onSubmit={submit} noValidate>
        <ErrorSummary items={items} generation={generation} />
        <Field
          id="office-id"
          label={t("adminOfficeId")}
          hint={t("adminOfficeIdHint")}
          error={errors["office-id"]}
        >
          {(describedBy, invalid) => (
            <input
              id="office-id"
              type="text"
              value={id}
              autocapitalize="none"
              spellcheck={false}
              onInput={(e) => setId(e.currentTarget.value.trim())}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              required
            />
          )}
        </Field>
        <Field id="office-name" label={t("adminOfficeName")} error={errors["office-name"]}>
          {(describedBy, invalid) => (
            <input
              id="office-name"
              type="text"
              value={name}
              onInput={(e) => setName(e.currentTarget.value)}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              required
            />
          )}
        </Field>
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? t("fkSaving") : t("adminOfficeCreate")}
        </button>
      </form>
    </section>
  );
}
