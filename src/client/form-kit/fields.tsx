// The form kit's fields bound to a useForm state: a <form> frame with the error summary (focus on a
// failed save, each item a link to its field), the unsaved-changes note, Simpan/Batal with a
// discard confirmation, and labelled fields (parts.tsx) whose hint and error are tied to the
// control (aria-describedby, aria-invalid).
// Texts come from the form kit's dictionary (i18n/areas/formkit-*.ts); any screen can use it.
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { useI18n } from "../i18n/i18n";
import { messageText } from "./error-words";
import { ErrorSummary, Field, SaveCancel } from "./parts";
import { byField } from "./problem-fields";
import type { FormState } from "./use-form";

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
  const cancel = () => {
    if (form.dirty) setAsking(true);
    else onCancel?.();
  };
  return (
    <form id={id} class="form-kit" noValidate onSubmit={(e) => void form.submit(e)}>
      <ErrorSummary
        generation={form.generation}
        items={form.messages.map((m) =>
          m.field
            ? {
                field: fieldId(id, m.field),
                text: `${labels[m.field as keyof V & string] ?? m.field}: ${messageText(t, m)}`,
              }
            : { text: messageText(t, m) },
        )}
      />
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
        <SaveCancel busy={form.busy} onCancel={onCancel !== undefined || form.dirty ? cancel : undefined} />
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
  return (
    <Field
      id={id}
      label={props.label}
      hint={props.hint}
      required={props.required}
      error={message ? messageText(t, message) : undefined}
    >
      {(describedBy, invalid) => props.control({ id, ...(describedBy ? { describedBy } : {}), invalid })}
    </Field>
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
