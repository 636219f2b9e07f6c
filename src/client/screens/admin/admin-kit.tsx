// Building blocks shared by the admin screens: the page frame, a loader hook, labelled fields whose
// errors are tied to them (aria-describedby), an error summary that takes focus when a submit
// fails, and the words for each server error code.
import type { ComponentChildren } from "preact";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { AdminApiError } from "../../api/admin-api";
import { ApiError } from "../../api/http";
import { useDocumentTitle } from "../../app/use-document-title";
import { Link } from "../../components/link";
import { type MessageKey, type Translate, useI18n } from "../../i18n/i18n";
import "../../styles/admin.css";

export function AdminPage({
  title,
  back = true,
  children,
}: {
  title: MessageKey;
  back?: boolean;
  children: ComponentChildren;
}) {
  const { t } = useI18n();
  useDocumentTitle(t(title));
  return (
    <div class="screen admin">
      {back && (
        <p class="admin__back">
          <Link href="/">{t("adminBack")}</Link>
        </p>
      )}
      <h1 tabIndex={-1}>{t(title)}</h1>
      {children}
    </div>
  );
}

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  reload(): void;
}

/** Loads once on mount and again on reload(); the last answer wins. */
export function useLoad<T>(load: () => Promise<T>): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let live = true;
    loadRef.current().then(
      (value) => {
        if (!live) return;
        setData(value);
        setError(undefined);
      },
      (e: unknown) => {
        if (live) setError(e);
      },
    );
    return () => {
      live = false;
    };
  }, [tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, reload };
}

/** The words for an error the server (or the network) gave. */
export function errorWords(t: Translate, error: unknown): string {
  const code = error instanceof ApiError ? error.code : "unexpected";
  const key: Partial<Record<string, MessageKey>> = {
    network: "adminErrNetwork",
    forbidden: "adminErrForbidden",
    not_found: "adminErrNotFound",
    already_exists: "adminErrAlreadyExists",
    invalid_body: "adminErrInvalid",
    unknown_field: "adminErrInvalid",
    invalid_reference: "adminErrInvalidReference",
    instrument_in_use: "adminErrInstrumentInUse",
    scheme_immutable: "adminErrSchemeImmutable",
    self_lockout: "adminErrSelfLockout",
    period_closed: "adminErrPeriodClosed",
    period_has_assessments: "adminErrPeriodHasAssessments",
    payload_too_large: "adminErrTooLarge",
  };
  const found = key[code];
  return found ? t(found) : t("adminErrUnexpected", { code });
}

/** The field a server error points at (details.path), when it names one of `fields`. */
export function errorField(error: unknown, fields: readonly string[]): string | undefined {
  if (!(error instanceof AdminApiError) || error.path === undefined) return undefined;
  const head = error.path.split(".")[0] ?? "";
  return fields.includes(head) ? head : undefined;
}

export function LoadState({ loaded }: { loaded: Loaded<unknown> }) {
  const { t } = useI18n();
  if (loaded.error !== undefined) {
    return (
      <div class="notice notice--error" role="alert">
        <p>{errorWords(t, loaded.error)}</p>
        <button type="button" class="button" onClick={loaded.reload}>
          {t("adminRetry")}
        </button>
      </div>
    );
  }
  if (loaded.data === undefined) {
    return (
      <p class="loading" role="status">
        {t("adminLoading")}
      </p>
    );
  }
  return null;
}

export interface SummaryItem {
  /** The id of the field in error (the link target); none for a form-level error. */
  field?: string;
  text: string;
}

/**
 * Lists the problems of a failed submit and takes focus, so a screen-reader user hears them and a
 * keyboard user can jump to each field. `generation` changes on every failed submit (focus again).
 */
export function ErrorSummary({ items, generation }: { items: SummaryItem[]; generation: number }) {
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
      <p class="admin-summary__title">{t("adminErrorSummary")}</p>
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

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: (describedBy: string | undefined, invalid: boolean) => ComponentChildren;
}

/** A label, an optional hint and an optional error, both tied to the control by aria-describedby. */
export function Field({ id, label, hint, error, children }: FieldProps) {
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div class="field">
      <label for={id}>{label}</label>
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

/** A transient result line (role=status), e.g. "Tersimpan.". */
export function StatusLine({ text }: { text: string | undefined }) {
  return (
    <p class="admin-status" role="status">
      {text ?? ""}
    </p>
  );
}

/** An in-page confirmation (no window.confirm: it cannot be styled, translated well or tested). */
export function Confirm({
  text,
  yes,
  danger = false,
  busy = false,
  onYes,
  onNo,
}: {
  text: string;
  yes: string;
  danger?: boolean;
  busy?: boolean;
  onYes(): void;
  onNo(): void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => ref.current?.focus(), []);
  return (
    <div
      class="notice notice--warning admin-confirm"
      role="alertdialog"
      aria-label={text}
      tabIndex={-1}
      ref={ref}
    >
      <p>{text}</p>
      <div class="button-row">
        <button
          type="button"
          class={danger ? "button button--danger" : "button button--primary"}
          disabled={busy}
          onClick={onYes}
        >
          {yes}
        </button>
        <button type="button" class="button" onClick={onNo}>
          {t("adminCancel")}
        </button>
      </div>
    </div>
  );
}

export type RoleKey = "adminRoleAssessor" | "adminRoleSupervisor" | "adminRoleAdmin";
export const ROLE_KEYS: Record<"assessor" | "supervisor" | "admin", RoleKey> = {
  assessor: "adminRoleAssessor",
  supervisor: "adminRoleSupervisor",
  admin: "adminRoleAdmin",
};

/** The Simpan / Batal pair closing every admin edit form (Simpan says "Menyimpan…" while busy). */
export function SaveCancel({ busy, onCancel }: { busy: boolean; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <div class="button-row">
      <button type="submit" class="button button--primary" disabled={busy}>
        {busy ? t("adminSaving") : t("adminSave")}
      </button>
      <button type="button" class="button" onClick={onCancel}>
        {t("adminCancel")}
      </button>
    </div>
  );
}
