// The form kit's building blocks, used by FormFrame and the fields in fields.tsx and directly by
// screens that keep their own form state: a labelled field whose hint and error are tied to the
// control (aria-describedby), the error summary that takes focus when a save fails (each item a
// link to its field), and the Simpan/Batal pair. One copy of each, for every form.
import type { ComponentChildren } from "preact";
import { useLayoutEffect, useRef } from "preact/hooks";
import { useI18n } from "../i18n/i18n";

export interface SummaryItem {
  /** The id of the field in error (the link target); none for a form-level error. */
  field?: string | undefined;
  text: string;
}

/**
 * Lists the problems of a failed submit and takes focus, so a screen-reader user hears them and a
 * keyboard user can jump to each field. `generation` changes on every failed submit (focus again).
 */
export function ErrorSummary({ items, generation }: { items: readonly SummaryItem[]; generation: number }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (items.length > 0) ref.current?.focus();
  }, [generation, items.length]);
  if (items.length === 0) return null;
  return (
    <div
      class="notice notice--error admin-summary"
      role="alert"
      tabIndex={-1}
      ref={ref}
      data-testid="admin-errors"
    >
      <p class="admin-summary__title">{t("fkSummary")}</p>
      <ul>
        {items.map((item, i) =>
          item.field ? (
            <li key={i}>
              <a href={`#${item.field}`}>{item.text}</a>
            </li>
          ) : (
            <li key={i}>{item.text}</li>
          ),
        )}
      </ul>
    </div>
  );
}

export interface FieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** Marks the label with a visual asterisk (the control carries aria-required itself). */
  required?: boolean | undefined;
  children: (describedBy: string | undefined, invalid: boolean) => ComponentChildren;
}

/** A label, an optional hint and an optional error, both tied to the control by aria-describedby. */
export function Field({ id, label, hint, error, required, children }: FieldProps) {
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div class="field">
      <label for={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} class="field__hint">
          {hint}
        </p>
      )}
      {children(describedBy || undefined, Boolean(error))}
      {error && (
        <p id={`${id}-error`} class="field__error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The Simpan / Batal pair closing an edit form (Simpan says "Menyimpan…" while busy). */
export function SaveCancel({ busy, onCancel }: { busy: boolean; onCancel?: (() => void) | undefined }) {
  const { t } = useI18n();
  return (
    <div class="button-row">
      <button type="submit" class="button button--primary" disabled={busy}>
        {busy ? t("fkSaving") : t("fkSave")}
      </button>
      {onCancel && (
        <button type="button" class="button" onClick={onCancel}>
          {t("fkCancel")}
        </button>
      )}
    </div>
  );
}
