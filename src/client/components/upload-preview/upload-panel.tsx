// The frame every spreadsheet upload screen shares: a card with its title and the screen's own
// explanation, the file field, Periksa and the confirm button (enabled only when the screen says the
// checked answer may be imported and nothing is in flight), the upload progress where the screen
// reports it, the error, then the screen's own report. State lives in useUploadCheck.
import type { ComponentChildren } from "preact";
import { useI18n } from "../../i18n/i18n";
import type { UploadCheck, UploadSpec } from "./use-upload-check";

/** A CSV or an XLSX workbook. */
export const CSV_OR_XLSX =
  ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** An XLSX workbook only. */
export const XLSX_ONLY = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface UploadPanelProps {
  spec: UploadSpec;
  upload: UploadCheck<unknown>;
  /** What stands between the title and the file field (hint, entity choice, template link). */
  intro: ComponentChildren;
  /** Whether the last answer allows the confirm step (busy is checked here). */
  canConfirm: boolean;
  /** The screen's report of the last answer. */
  children?: ComponentChildren;
}

export function UploadPanel({ spec, upload, intro, canConfirm, children }: UploadPanelProps) {
  const { t } = useI18n();
  const { ids, words } = spec;
  const busy = upload.busy !== undefined;
  return (
    <section class="card" aria-labelledby={ids.title} data-testid={ids.panel}>
      <h2 id={ids.title} class="card__title">
        {t(words.title)}
      </h2>
      {intro}
      <div class="field">
        <label for={ids.file}>{t(words.file)}</label>
        <input
          id={ids.file}
          type="file"
          accept={spec.accept}
          onChange={(e) => upload.choose(e.currentTarget.files?.[0])}
        />
      </div>
      <div class="button-row">
        <button type="button" class="button" disabled={busy} onClick={upload.check}>
          {t(words.check)}
        </button>
        <button
          type="button"
          class="button button--primary"
          disabled={busy || !canConfirm}
          onClick={upload.confirm}
          data-testid={ids.confirm}
        >
          {t(words.confirm)}
        </button>
      </div>
      {spec.progress && upload.busy && <UploadProgress fraction={upload.busy.fraction} />}
      {upload.error && (
        <p class="notice notice--error" role="alert">
          {upload.error}
        </p>
      )}
      {children}
    </section>
  );
}

function UploadProgress({ fraction }: { fraction: number | undefined }) {
  const { t } = useI18n();
  const percent = fraction === undefined ? undefined : Math.round(fraction * 100);
  return (
    <div class="md-progress" role="status">
      <progress
        aria-label={t("mdUploadLabel")}
        max={100}
        {...(percent === undefined ? {} : { value: percent })}
      />
      <span>{percent === undefined ? t("mdChecking") : t("mdUploading", { percent: String(percent) })}</span>
    </div>
  );
}

/** The one-line verdict on an answer: an alert when the file was refused, otherwise a status. */
export function UploadOutcome({
  refused,
  testId,
  children,
}: {
  refused: boolean;
  testId: string;
  children: ComponentChildren;
}) {
  return (
    <p
      class={refused ? "notice notice--error" : "notice"}
      role={refused ? "alert" : "status"}
      data-testid={testId}
    >
      {children}
    </p>
  );
}
