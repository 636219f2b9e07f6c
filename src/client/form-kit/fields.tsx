// The form kit's pieces: a <form> frame with the error summary (focus on a failed save, each item a
// link to its field), the unsaved-changes note, Simpan/Batal with a discard confirmation, and
// labelled fields whose hint and error are tied to the control (aria-describedby, aria-invalid).
// Texts come from the form kit's dictionary (i18n/areas/formkit-*.ts); any screen can use it.
import type { ComponentChildren } from "preact";
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { type MessageKey, type Translate, useI18n } from "../i18n/i18n";
import { byField, type FieldMessage } from "./problem-fields";
import type { FormState } from "./use-form";

const CODE_KEYS: Partial<Record<string, MessageKey>> = {
  invalid_body: "fkErrInvalid",
  unknown_field: "fkErrInvalid",
  invalid_text: "fkErrInvalid",
  already_exists: "fkErrTaken",
  not_found: "fkErrNotFound",
  forbidden: "fkErrForbidden",
  network: "fkErrNetwork",
  payload_too_large: "fkErrTooLarge",
};

/** The words of one message: "Wajib diisi." for a required field, the code's words otherwise. */
export function messageText(t: Translate, m: FieldMessage): string {
  if (m.detail === "required") return t("fkErrRequired");
  const key = CODE_KEYS[m.code];
  const words = key ? t(key) : t("fkErrUnexpected", { code: m.code });
  return m.detail && m.code === "invalid_body" ? `${words} (${m.detail})` : words;
}

const fieldId = (formId: string, name: string) => `${formId}-${name}`;

export function FormFrame<V extends Record<string, unknown>>({
  id,
  form,
  labels,
  onCancel,
  children,
}: {
  id: string;
  form: FormState<V>;
  /** Field labels, so the summary says which field is wrong. */
  labels: Partial<Record<keyof V & string, string>>;
  onCancel?: () => void;
  children: ComponentChildren;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (form.messages.length > 0) summary.current?.focus();
  }, [form.generation, form.messages.length]);
  const cancel = () => {
    if (form.dirty) setAsking(true);
    else onCancel?.();
  };
  return (
    <form id={id} class="form-kit" noValidate onSubmit={(e) => void form.submit(e)}>
      {form.messages.length > 0 && (
        <div class="notice notice--error admin-summary" role="alert" tabIndex={-1} ref={summary}>
          <p class="admin-summary__title">{t("fkSummary")}</p>
          <ul>
            {form.messages.map((m, i) =>
              m.field ? (
                <li key={i}>
                  <a href={`#${fieldId(id, m.field)}`}>
                    {labels[m.field as keyof V & string] ?? m.field}: {messageText(t, m)}
                  </a>
                </li>
              ) : (
                <li key={i}>{messageText(t, m)}</li>
              ),
            )}
          </ul>
        </div>
      )}
      {children}
      {form.dirty && (
        <p class="field__hint" data-testid="form-dirty">
          {t("fkUnsaved")}
        </p>
      )}
      {asking ? (
        <div class="notice notice--warning" role="alertdialog" aria-label={t("fkDiscardQuestion")}>
          <p>{t("fkDiscardQuestion")}</p>
          <div class="button-row">
            <button
              type="button"
              class="button button--danger"
              onClick={() => {
                setAsking(false);
                form.reset();
                onCancel?.();
              }}
            >
              {t("fkDiscard")}
            </button>
            <button type="button" class="button" onClick={() => setAsking(false)}>
              {t("fkKeepEditing")}
            </button>
          </div>
        </div>
      ) : (
        <div class="button-row">
          <button type="submit" class="button button--primary" disabled={form.busy}>
            {form.busy ? t("fkSaving") : t("fkSave")}
          </button>
          {(onCancel !== undefined || form.dirty) && (
            <button type="button" class="button" onClick={cancel}>
              {t("fkCancel")}
            </button>
          )}
        </div>
      )}
    </form>
  );
}

interface FieldProps<V extends Record<string, unknown>, K extends keyof V & string> {
  formId: string;
  form: FormState<V>;
  name: K;
  label: string;
  hint?: string;
  required?: boolean;
}

function Labelled<V extends Record<string, unknown>, K extends keyof V & string>(
  props: FieldProps<V, K> & {
    control: (a: { id: string; describedBy?: string; invalid: boolean }) => ComponentChildren;
  },
) {
  const { t } = useI18n();
  const id = fieldId(props.formId, props.name);
  const message = byField(props.form.messages)[props.name];
  const describedBy = [props.hint ? `${id}-hint` : "", message ? `${id}-error` : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <div class="field">
      <label for={id}>
        {props.label}
        {props.required && <span aria-hidden="true"> *</span>}
      </label>
      {props.hint && (
        <p id={`${id}-hint`} class="field__hint">
          {props.hint}
        </p>
      )}
      {props.control({ id, ...(describedBy ? { describedBy } : {}), invalid: message !== undefined })}
      {message && (
        <p id={`${id}-error`} class="field__error">
          {messageText(t, message)}
        </p>
      )}
    </div>
  );
}

/** A text input bound to a string value; `options` become a datalist of suggestions. */
export function TextField<V extends Record<string, unknown>, K extends keyof V & string>(
  props: FieldProps<V, K> & { maxLength?: number; options?: readonly string[] },
) {
  const listId = `${props.formId}-${props.name}-list`;
  return (
    <Labelled
      {...props}
      control={({ id, describedBy, invalid }) => (
        <>
          <input
            id={id}
            name={props.name}
            type="text"
            value={String(props.form.values[props.name] ?? "")}
            maxLength={props.maxLength}
            required={props.required}
            aria-required={props.required}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            list={props.options ? listId : undefined}
            onInput={(e) => props.form.set(props.name, e.currentTarget.value as V[K])}
          />
          {props.options && (
            <datalist id={listId}>
              {props.options.map((o) => (
                <option key={o} value={o} />
              ))}
            </datalist>
          )}
        </>
      )}
    />
  );
}

/** A select bound to a string value. */
export function SelectField<V extends Record<string, unknown>, K extends keyof V & string>(
  props: FieldProps<V, K> & { options: readonly { value: string; label: string }[] },
) {
  return (
    <Labelled
      {...props}
      control={({ id, describedBy, invalid }) => (
        <select
          id={id}
          name={props.name}
          value={String(props.form.values[props.name] ?? "")}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(e) => props.form.set(props.name, e.currentTarget.value as V[K])}
        >
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** A list of short texts, one per line (e.g. a unit's products), bound to a string[] value. */
export function LinesField<V extends Record<string, unknown>, K extends keyof V & string>(
  props: FieldProps<V, K>,
) {
  const lines = (props.form.values[props.name] as readonly string[] | undefined) ?? [];
  return (
    <Labelled
      {...props}
      control={({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          name={props.name}
          rows={Math.min(10, Math.max(3, lines.length + 1))}
          value={lines.join("\n")}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onInput={(e) => props.form.set(props.name, e.currentTarget.value.split("\n") as V[K])}
        />
      )}
    />
  );
}

/** A checkbox bound to a boolean value. */
export function CheckField<V extends Record<string, unknown>, K extends keyof V & string>(
  props: FieldProps<V, K>,
) {
  const { t } = useI18n();
  const id = fieldId(props.formId, props.name);
  const message = byField(props.form.messages)[props.name];
  return (
    <div class="field field--check">
      <input
        id={id}
        name={props.name}
        type="checkbox"
        checked={props.form.values[props.name] === true}
        aria-invalid={message !== undefined}
        onChange={(e) => props.form.set(props.name, e.currentTarget.checked as V[K])}
      />{" "}
      <label for={id}>{props.label}</label>
      {message && <p class="field__error">{messageText(t, message)}</p>}
    </div>
  );
}
