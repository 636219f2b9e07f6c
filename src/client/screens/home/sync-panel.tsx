import { useDevice } from "../../hooks/use-device";
import { useSyncStatus } from "../../hooks/use-sync-status";
import { useI18n } from "../../i18n/i18n";
import { logout } from "../../session/session";
import { formatWhen, problemWords, SYNC_STATE_KEYS } from "./home-words";

function formatBytes(n: number): string {
  return n >= 1_048_576 ? `${(n / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}

function formatSeconds(s: number): string {
  return s >= 90 ? `${Math.round(s / 60)} min` : `${s} s`;
}

/** Last sync, state and problems in words, pending work, and the "Sinkronkan sekarang" button. */
export function SyncPanel() {
  const { t, language } = useI18n();
  const { engine } = useDevice();
  const status = useSyncStatus();
  const syncing = status.state === "syncing";
  // Idle with edits still queued (a sync is scheduled) is not "Tersinkron".
  const queued = status.state === "idle" && status.pendingCount > 0;

  const syncNow = () => void engine.syncNow();

  return (
    <section class="card sync-panel" aria-labelledby="sync-title" data-testid="sync-panel">
      <div class="sync-panel__head">
        <h2 id="sync-title" class="card__title">
          {t("syncTitle")}
        </h2>
        <span
          class={`state-badge ${queued ? "state-badge--unsynced" : `state-badge--sync-${status.state}`}`}
          data-testid="sync-state"
        >
          {queued ? t("unitStateUnsynced") : t(SYNC_STATE_KEYS[status.state])}
        </span>
      </div>
      <p data-testid="last-sync">
        {status.lastSuccessAt
          ? t("syncLast", { when: formatWhen(status.lastSuccessAt, language) })
          : t("syncNever")}
      </p>
      <p data-testid="pending-count">
        {status.pendingCount > 0
          ? t("syncPending", { count: String(status.pendingCount) })
          : t("syncPendingNone")}
      </p>
      {status.upload !== null && status.upload.bytesLeft > 0 && (
        <p data-testid="upload-progress">
          {t("syncUploadLeft", { size: formatBytes(status.upload.bytesLeft) })}
          {" · "}
          {status.upload.etaSeconds === null
            ? t("syncUploadEtaUnknown")
            : t("syncUploadEta", { time: formatSeconds(status.upload.etaSeconds) })}
        </p>
      )}
      {status.failedUploads > 0 && (
        <p class="notice notice--warning">
          {t("syncFailedUploads", { count: String(status.failedUploads) })}
        </p>
      )}
      {status.openConflicts > 0 && (
        <p class="notice notice--warning">{t("syncConflicts", { count: String(status.openConflicts) })}</p>
      )}
      {/* A live region that exists before it has text, so a problem after a tap is announced. */}
      <div role="status" aria-live="polite" data-testid="sync-message">
        {status.lastError && status.state !== "syncing" && (
          <p
            class={`notice ${status.state === "offline" ? "notice--info" : "notice--error"}`}
            data-testid="sync-error"
            data-key={status.lastError.key}
          >
            {problemWords(status.lastError, language)}
            {status.nextRetryAt &&
              ` ${t("syncNextRetry", { time: formatWhen(status.nextRetryAt, language) })}`}
          </p>
        )}
        {status.warnings.map((warning) => (
          <p key={`${warning.key}:${warning.code}`} class="notice notice--warning">
            {problemWords(warning, language)}
          </p>
        ))}
      </div>
      {status.state === "needs-login" ? (
        // The session ended: logging in again reopens this same device database, drafts included.
        <button type="button" class="button button--primary button--block" onClick={() => void logout()}>
          {t("syncLoginAgain")}
        </button>
      ) : (
        <button
          type="button"
          class="button button--primary button--block"
          onClick={syncNow}
          disabled={syncing}
          data-testid="sync-now"
        >
          {syncing ? t("syncBusy") : t("syncNow")}
        </button>
      )}
    </section>
  );
}
