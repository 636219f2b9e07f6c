// The answer of a master-data import shown to the admin: counts, every problem with its sheet, row
// and column (the shared upload-preview problem table), the rows that will change (cells wrap so a
// table fits 360 px), and for a users import the one-time passwords offered once as a CSV download
// built in the browser.
import { useEffect, useMemo } from "preact/hooks";
import { credentialsCsv, type ImportReport } from "../../api/masterdata-api";
import { CellProblemTable } from "../../components/upload-preview/cell-problems";
import { UploadOutcome } from "../../components/upload-preview/upload-panel";
import { useI18n } from "../../i18n/i18n";

export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  const invalid = report.problems.length > 0;
  const counts = {
    rows: String(report.rows),
    created: String(report.created),
    changed: String(report.changed),
    unchanged: String(report.unchanged),
  };
  return (
    <section class="card md-report" aria-labelledby="md-report-title" data-testid="md-report">
      <h2 id="md-report-title" class="card__title">
        {invalid ? t("mdProblemsTitle") : t("mdChangesTitle")}
      </h2>
      <UploadOutcome refused={invalid} testId="md-outcome">
        {invalid
          ? t("mdInvalid", { count: String(report.problems.length) })
          : report.applied
            ? t("mdApplied", counts)
            : report.created + report.changed === 0
              ? t("mdPreviewNothing")
              : t("mdPreviewOk")}
      </UploadOutcome>
      <p data-testid="md-summary">{t("mdSummary", counts)}</p>
      {invalid && <CellProblemTable problems={report.problems} sheet={report.sheet} testId="md-problems" />}
      {!invalid && report.preview.length > 0 && <ChangeTable report={report} />}
      {report.credentials && report.credentials.length > 0 && <Credentials report={report} />}
    </section>
  );
}

function ChangeTable({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  const shown = report.preview.length;
  return (
    <>
      <div class="md-table-wrap">
        <table class="md-table" data-testid="md-changes">
          <thead>
            <tr>
              <th scope="col">{t("mdColRow")}</th>
              <th scope="col">{t("mdColKey")}</th>
              <th scope="col">{t("mdColAction")}</th>
              <th scope="col">{t("mdColFields")}</th>
            </tr>
          </thead>
          <tbody>
            {report.preview.map((c) => (
              <tr key={`${c.sheet}:${c.row}`}>
                <td>{c.row}</td>
                <td>{c.key}</td>
                <td>{c.action === "create" ? t("mdActionCreate") : t("mdActionUpdate")}</td>
                <td>{c.fields.join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown < report.created + report.changed && <p>{t("mdMoreRows", { shown: String(shown) })}</p>}
    </>
  );
}

function Credentials({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  const credentials = report.credentials ?? [];
  // An object URL of the CSV; revoked when the report goes away so the passwords do not linger.
  const url = useMemo(
    () => URL.createObjectURL(new Blob([credentialsCsv(credentials)], { type: "text/csv;charset=utf-8" })),
    [credentials],
  );
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <div class="notice md-credentials" data-testid="md-credentials">
      <h3>{t("mdCredentialsTitle")}</h3>
      <p>{t("mdCredentialsText", { count: String(credentials.length) })}</p>
      <a class="button button--primary" href={url} download="kata-sandi-sementara.csv">
        {t("mdCredentialsDownload")}
      </a>
    </div>
  );
}
