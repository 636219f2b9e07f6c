// The period's exports (issue #20): for people, the Indonesian XLSX report and a CSV in the
// separator the user chooses (default `;` with decimal commas, what an Indonesian-locale Excel
// opens into columns); for analysts, the machine form (stable English column ids) as before.
import { useState } from "preact/hooks";
import {
  evidenceArchiveUrl,
  reportCsvUrl,
  reportXlsxUrl,
  resultsCsvUrl,
  resultsXlsxUrl,
} from "../../api/review-api";
import { useI18n } from "../../i18n/i18n";

export function ExportCard({
  periodId,
  pemda = [],
}: {
  periodId: string;
  pemda?: readonly { pemdaId: string; name: string }[];
}) {
  const { t } = useI18n();
  const [separator, setSeparator] = useState("semicolon");
  const [table, setTable] = useState("units");
  const [zipPemda, setZipPemda] = useState("");
  return (
    <section class="card" aria-labelledby="results-exports">
      <h2 id="results-exports" class="card__title">
        {t("reviewExports")}
      </h2>
      <div class="button-row">
        <a class="button button--primary" href={reportXlsxUrl(periodId)} download data-testid="report-xlsx">
          {t("deskReportXlsx")}
        </a>
      </div>
      <div class="review-filters">
        <div class="field">
          <label for="csv-table">{t("deskCsvTable")}</label>
          <select id="csv-table" value={table} onChange={(e) => setTable(e.currentTarget.value)}>
            <option value="units">{t("deskCsvUnits")}</option>
            <option value="pemda">{t("deskCsvPemda")}</option>
            <option value="answers">{t("deskCsvAnswers")}</option>
          </select>
        </div>
        <div class="field">
          <label for="csv-separator">{t("deskCsvSeparator")}</label>
          <select id="csv-separator" value={separator} onChange={(e) => setSeparator(e.currentTarget.value)}>
            <option value="semicolon">{t("deskCsvSemicolon")}</option>
            <option value="comma">{t("deskCsvComma")}</option>
            <option value="tab">{t("deskCsvTab")}</option>
          </select>
        </div>
      </div>
      <div class="button-row">
        <a class="button" href={reportCsvUrl(periodId, table, separator)} download data-testid="report-csv">
          {t("deskReportCsv")}
        </a>
      </div>
      <h3>{t("deskEvidenceZip")}</h3>
      <p class="review-muted">{t("deskEvidenceHint")}</p>
      <div class="review-filters">
        <div class="field">
          <label for="zip-pemda">{t("deskEvidenceScope")}</label>
          <select id="zip-pemda" value={zipPemda} onChange={(e) => setZipPemda(e.currentTarget.value)}>
            <option value="">{t("deskEvidenceAllPemda")}</option>
            {pemda.map((p) => (
              <option key={p.pemdaId} value={p.pemdaId}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div class="button-row">
        <a
          class="button"
          href={evidenceArchiveUrl(periodId, zipPemda)}
          download
          data-testid="evidence-archive"
        >
          {t("deskEvidenceDownload")}
        </a>
      </div>
      <details>
        <summary>{t("deskMachineExports")}</summary>
        <div class="button-row">
          <a class="button" href={resultsXlsxUrl(periodId)} download data-testid="export-xlsx">
            {t("reviewResultsXlsx")}
          </a>
          <a class="button" href={resultsCsvUrl(periodId)} download data-testid="export-csv">
            {t("reviewResultsCsv")}
          </a>
        </div>
      </details>
    </section>
  );
}
