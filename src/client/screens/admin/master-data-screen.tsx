// "Data induk": an office's loci, service units and users imported from CSV/XLSX in two steps
// (dry-run preview, then Impor with the same file) and exported back. Nothing is written until the
// admin confirms a preview without problems; a changed file (or entity) must be previewed again.
// The upload plumbing (file, check, confirm, progress, errors) is the shared upload-preview's.
import { useState } from "preact/hooks";
import { adminApi } from "../../api/admin-api";
import { ENTITIES, type Entity, exportUrl, type ImportReport, uploadImport } from "../../api/masterdata-api";
import { CSV_OR_XLSX, UploadPanel } from "../../components/upload-preview/upload-panel";
import { type UploadSpec, useUploadCheck } from "../../components/upload-preview/use-upload-check";
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
const UPLOAD: UploadSpec = {
  ids: { title: "md-import-title", file: "md-file", confirm: "md-apply" },
  accept: CSV_OR_XLSX,
  words: { title: "mdImport", file: "mdFile", check: "mdPreview", confirm: "mdImport", noFile: "mdNoFile" },
  progress: true,
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

function ImportPanel({ officeId }: { officeId: string }) {
  const { t } = useI18n();
  const [entity, setEntity] = useState<Entity>("loci");
  const upload = useUploadCheck<ImportReport>(UPLOAD, (file, commit, progress) =>
    uploadImport(officeId, entity, file, !commit, progress),
  );
  const report = upload.answer;
  return (
    <UploadPanel
      spec={UPLOAD}
      upload={upload}
      intro={
        <>
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
                    upload.reset();
                  }}
                />{" "}
                {t(ENTITY_LABEL[e])}
              </label>
            ))}
          </fieldset>
          <p class="field__hint">{t(ENTITY_COLUMNS[entity])}</p>
        </>
      }
      canConfirm={Boolean(report?.dryRun && report.problems.length === 0)}
    >
      {report && <ImportReportView report={report} />}
    </UploadPanel>
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
