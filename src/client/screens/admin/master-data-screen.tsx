// "Data induk": an office's loci, service units and users imported from CSV/XLSX in two steps
// (dry-run preview, then Impor with the same file) and exported back. Nothing is written until the
// admin confirms a preview without problems; a changed file must be previewed again.
import { useState } from "preact/hooks";
import { adminApi } from "../../api/admin-api";
import { ENTITIES, type Entity, exportUrl, type ImportReport, uploadImport } from "../../api/masterdata-api";
import { errorWords } from "../../form-kit/error-words";
import { type MessageKey, useI18n } from "../../i18n/i18n";
import type { User } from "../../session/user";
import { AdminPage, LoadState, useLoad } from "./admin-kit";
import { ImportReportView } from "./import-report";

const ENTITY_LABEL: Record<Entity, MessageKey> = {
  loci: "mdEntityLoci",
  units: "mdEntityUnits",
  users: "mdEntityUsers",
};
const ENTITY_COLUMNS: Record<Entity, MessageKey> = {
  loci: "mdColumnsLoci",
  units: "mdColumnsUnits",
  users: "mdColumnsUsers",
};

export function MasterDataScreen({ user }: { user: User }) {
  const { t } = useI18n();
  const offices = useLoad(adminApi.offices);
  const [officeId, setOfficeId] = useState<string | undefined>(undefined);
  const list = offices.data ?? [];
  const office =
    officeId ?? (list.some((o) => o.id === user.officeId) ? user.officeId : list[0]?.id) ?? undefined;
  return (
    <AdminPage title="mdTitle">
      <p class="lead">{t("mdIntro")}</p>
      <LoadState loaded={offices} />
      {offices.data && list.length === 0 && <p class="notice">{t("mdNoOffice")}</p>}
      {list.length > 1 && (
        <div class="field">
          <label for="md-office">{t("mdOffice")}</label>
          <select id="md-office" value={office} onChange={(e) => setOfficeId(e.currentTarget.value)}>
            {list.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {office && <ImportPanel key={office} officeId={office} />}
      {office && <ExportPanel officeId={office} />}
    </AdminPage>
  );
}

type Busy = { fraction: number | undefined } | undefined;

function ImportPanel({ officeId }: { officeId: string }) {
  const { t } = useI18n();
  const [entity, setEntity] = useState<Entity>("loci");
  const [file, setFile] = useState<File | undefined>(undefined);
  const [busy, setBusy] = useState<Busy>(undefined);
  const [report, setReport] = useState<ImportReport | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  const reset = () => {
    setReport(undefined);
    setError(undefined);
  };
  const send = async (dryRun: boolean) => {
    if (!file) {
      setError(t("mdNoFile"));
      return;
    }
    reset();
    setBusy({ fraction: 0 });
    try {
      const answer = await uploadImport(officeId, entity, file, dryRun, (fraction) => {
        // Once every byte is sent the server is still checking: switch to an indeterminate bar.
        setBusy({ fraction: fraction >= 1 ? undefined : fraction });
      });
      setReport(answer);
    } catch (e) {
      setError(errorWords(t, e));
    } finally {
      setBusy(undefined);
    }
  };
  const canImport = Boolean(report?.dryRun && report.problems.length === 0) && !busy;

  return (
    <section class="card" aria-labelledby="md-import-title">
      <h2 id="md-import-title" class="card__title">
        {t("mdImport")}
      </h2>
      <fieldset class="md-entities">
        <legend>{t("mdEntity")}</legend>
        {ENTITIES.map((e) => (
          <label key={e} class="md-entity">
            <input
              type="radio"
              name="md-entity"
              value={e}
              checked={entity === e}
              onChange={() => {
                setEntity(e);
                reset();
              }}
            />{" "}
            {t(ENTITY_LABEL[e])}
          </label>
        ))}
      </fieldset>
      <p class="field__hint">{t(ENTITY_COLUMNS[entity])}</p>
      <div class="field">
        <label for="md-file">{t("mdFile")}</label>
        <input
          id="md-file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            setFile(e.currentTarget.files?.[0]);
            reset();
          }}
        />
      </div>
      <div class="button-row">
        <button type="button" class="button" disabled={Boolean(busy)} onClick={() => void send(true)}>
          {t("mdPreview")}
        </button>
        <button
          type="button"
          class="button button--primary"
          disabled={!canImport}
          onClick={() => void send(false)}
          data-testid="md-apply"
        >
          {t("mdImport")}
        </button>
      </div>
      {busy && <UploadProgress fraction={busy.fraction} />}
      {error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {report && <ImportReportView report={report} />}
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

function ExportPanel({ officeId }: { officeId: string }) {
  const { t } = useI18n();
  return (
    <section class="card" aria-labelledby="md-export-title">
      <h2 id="md-export-title" class="card__title">
        {t("mdExportTitle")}
      </h2>
      <p>{t("mdExportText")}</p>
      <ul class="md-exports">
        {ENTITIES.map((e) => (
          <li key={e} class="button-row">
            <a class="button" href={exportUrl(officeId, e, "csv")} download>
              {t("mdExportCsv", { entity: t(ENTITY_LABEL[e]) })}
            </a>
            <a class="button" href={exportUrl(officeId, e, "xlsx")} download>
              {t("mdExportXlsx", { entity: t(ENTITY_LABEL[e]) })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
