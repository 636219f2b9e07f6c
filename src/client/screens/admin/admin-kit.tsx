// The admin screens' page plumbing: the page frame, a loader hook with its loading/error state, a
// status line and an in-page confirmation. Form plumbing (labelled fields, error summary, Simpan/
// Batal, the words for each error code, server problems mapped to fields) is the form kit's
// (src/client/form-kit); admin screens use it from there so there is one copy.
import type { ComponentChildren } from "preact";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { useDocumentTitle } from "../../app/use-document-title";
import { Link } from "../../components/link";
import { errorWords } from "../../form-kit/error-words";
import { type MessageKey, useI18n } from "../../i18n/i18n";
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
          {t("fkCancel")}
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
