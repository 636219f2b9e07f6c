// "Perangkat ini": whether the app is installed (with the steps to install on iOS and Android),
// a plain warning in a private session, and the assessor's unsent work saved to a file and
// imported back (db/carry-over.ts) — so a wiped device or erased storage never costs a morning.
import { useEffect, useRef, useState } from "preact/hooks";
import type { WorkFileError } from "../../db/carry-over";
import { exportUnsyncedWork, workFileName } from "../../db/carry-over-export";
import { useDevice } from "../../hooks/use-device";
import { useSyncStatus } from "../../hooks/use-sync-status";
import { type MessageKey, useI18n } from "../../i18n/i18n";
import { detectPrivateSession, isStandalone, platformOf } from "../../platform/platform";

/**
 * Reading a work file back (its schema checks) loads when used; saving one is in the first
 * download (carry-over-export.ts): it is the safety net when there is no signal.
 */
const carryOver = () => import("../../db/carry-over");

const FILE_ERRORS: Record<WorkFileError["code"], MessageKey> = {
  not_a_work_file: "deviceImportNotWorkFile",
  other_user: "deviceImportOtherUser",
  photo_damaged: "deviceImportPhotoDamaged",
};

/** `run` counts finished imports: a second import of the same file shows as a new result. */
type ImportState =
  | { kind: "idle"; run: number }
  | { kind: "done"; text: string; run: number }
  | { kind: "failed"; text: string; run: number };

export function DevicePanel() {
  const { t } = useI18n();
  const { db, engine } = useDevice();
  const status = useSyncStatus();
  const [privateSession, setPrivateSession] = useState(false);
  const [download, setDownload] = useState<{ url: string; name: string } | null>(null);
  const [imported, setImported] = useState<ImportState>({ kind: "idle", run: 0 });
  const linkRef = useRef<HTMLAnchorElement>(null);
  const platform = platformOf(navigator);
  const installed = isStandalone(navigator, (q) => window.matchMedia(q));

  useEffect(() => {
    let live = true;
    void detectPrivateSession().then((p) => live && setPrivateSession(p));
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => () => download && URL.revokeObjectURL(download.url), [download]);
  useEffect(() => linkRef.current?.focus(), [download]);

  const [exportError, setExportError] = useState<string | null>(null);
  const exportWork = async () => {
    setExportError(null);
    try {
      const now = new Date().toISOString();
      const file = await exportUnsyncedWork(db, now);
      const blob = new Blob([JSON.stringify(file)], { type: "application/json" });
      setDownload({ url: URL.createObjectURL(blob), name: workFileName(now) });
    } catch (error) {
      setExportError(String(error));
    }
  };

  const importWork = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const chosen = input.files?.[0];
    input.value = "";
    if (!chosen) return;
    const { importUnsyncedWork, readWorkFile, WorkFileError } = await carryOver();
    try {
      const outcome = await importUnsyncedWork(db, await readWorkFile(await chosen.text()));
      setImported((before) => ({
        run: before.run + 1,
        kind: "done",
        text: t("deviceImportDone", {
          recorded: String(outcome.recorded),
          photos: String(outcome.photos),
          skipped: String(outcome.alreadyImported + outcome.refused),
        }),
      }));
      void engine.syncNow();
    } catch (error) {
      const reason = error instanceof WorkFileError ? t(FILE_ERRORS[error.code]) : String(error);
      setImported((before) => ({
        kind: "failed",
        text: t("deviceImportFailed", { reason }),
        run: before.run + 1,
      }));
    }
  };

  return (
    <section class="card device-panel" aria-labelledby="device-title" data-testid="device-panel">
      <h2 id="device-title" class="card__title">
        {t("deviceTitle")}
      </h2>
      {privateSession && (
        <p class="notice notice--error" role="alert" data-testid="private-warning">
          {t("devicePrivate")}
        </p>
      )}
      <p data-testid="install-state" data-installed={String(installed)} data-platform={platform}>
        {installed ? t("deviceInstalled") : t("deviceNotInstalled")}
      </p>
      {!installed && platform !== "other" && (
        <details class="device-panel__install" open={platform === "ios"}>
          <summary>{platform === "ios" ? t("deviceInstallIosTitle") : t("deviceInstallAndroid")}</summary>
          <p>{t("deviceInstallWhy")}</p>
          {platform === "ios" && (
            <ol>
              <li>{t("deviceInstallIos1")}</li>
              <li>{t("deviceInstallIos2")}</li>
              <li>{t("deviceInstallIos3")}</li>
            </ol>
          )}
        </details>
      )}
      <h3 class="device-panel__subtitle">{t("deviceWorkTitle")}</h3>
      <p data-testid="unsent-count">
        {status.pendingCount > 0
          ? t("deviceWorkCount", { count: String(status.pendingCount) })
          : t("deviceWorkNone")}
      </p>
      <p class="storage-panel__note">{t("deviceWorkExplain")}</p>
      <div class="device-panel__actions">
        <button type="button" class="button" data-testid="work-export" onClick={() => void exportWork()}>
          {t("deviceExport")}
        </button>
        <label class="button">
          <input
            class="visually-hidden"
            type="file"
            accept="application/json,.json"
            data-testid="work-import"
            onChange={(e) => void importWork(e)}
          />
          {t("deviceImport")}
        </label>
      </div>
      {exportError && (
        <p class="notice notice--error" role="alert" data-testid="work-export-error">
          {exportError}
        </p>
      )}
      {download && (
        <p role="status">
          {t("deviceExportReady", { name: download.name })}{" "}
          <a ref={linkRef} href={download.url} download={download.name} data-testid="work-export-link">
            {t("deviceExportDownload")}
          </a>
        </p>
      )}
      {imported.kind !== "idle" && (
        <p
          class={imported.kind === "failed" ? "notice notice--error" : "notice"}
          role={imported.kind === "failed" ? "alert" : "status"}
          data-testid="work-import-result"
          data-state={imported.kind}
          data-run={imported.run}
        >
          {imported.text}
        </p>
      )}
    </section>
  );
}
