// "Data sekunder & tindak lanjut" of one period, for its office's supervisors and admins: per locus
// the secondary-data values with their cited source and the oversight products with their
// follow-up state (edited and saved per locus), a CSV/XLSX import checked first (dry run, every
// problem with its cell; Impor only after a clean preview of the same file) and the export links.
import { useState } from "preact/hooks";
import { type LocusImportReport, locusDataApi } from "../../api/locusdata-api";
import { fetchResults, type PemdaResult } from "../../api/review-api";
import { Link } from "../../components/link";
import { CellProblemTable } from "../../components/upload-preview/cell-problems";
import { CSV_OR_XLSX, UploadOutcome, UploadPanel } from "../../components/upload-preview/upload-panel";
import { type UploadSpec, useUploadCheck } from "../../components/upload-preview/use-upload-check";
import { useI18n } from "../../i18n/i18n";
import { AdminPage, LoadState, StatusLine, useLoad } from "../admin/admin-kit";
import { OversightEditor, SecondaryEditor } from "./locus-editors";

export function LocusDataScreen({ periodId }: { periodId: string }) {
  const { t } = useI18n();
  const data = useLoad(() => locusDataApi.read(periodId));
  // The qualifier each locus now gets, from the results (no results yet = nothing shown).
  const results = useLoad(() => fetchResults(periodId).catch(() => undefined));
  const [status, setStatus] = useState<string>();
  // Remounts the editors after a save or an import so they show what the server now holds.
  const [generation, setGeneration] = useState(0);
  const saved = () => {
    setStatus(t("ldSaved"));
    setGeneration((g) => g + 1);
    data.reload();
    results.reload();
  };
  const d = data.data;
  // A closed period's results are final: its inputs are shown, not edited (the server answers 409).
  const closed = d?.periodStatus === "closed";
  return (
    <AdminPage title="ldTitle" back={false}>
      <p>
        <Link href={`/perencanaan/${encodeURIComponent(periodId)}`}>{t("ldBack")}</Link>
      </p>
      <p class="lead">{t("ldIntro")}</p>
      {closed && (
        <p class="notice notice--info" role="note" data-testid="ld-closed">
          {t("ldClosed")}
        </p>
      )}
      <StatusLine text={status} />
      <LoadState loaded={data} />
      {d && d.indicators.length === 0 && <p class="notice">{t("ldNoIndicators")}</p>}
      {d && d.loci.length === 0 && <p class="notice">{t("ldNoLoci")}</p>}
      {d && (
        <div data-testid="ld-loci" key={generation}>
          {d.loci.map((locus) => (
            <details
              key={locus.pemdaId}
              class="card ld-locus"
              open={d.loci.length === 1}
              data-testid="ld-locus"
            >
              <summary>
                <strong>{locus.name}</strong> <span class="admin-code">{locus.code}</span> ·{" "}
                {locus.sampled ? t("ldSampled") : t("ldNotSampled")} ·{" "}
                {t("ldSecondaryCount", {
                  filled: String(locus.secondary.length),
                  total: String(d.indicators.length),
                })}{" "}
                · {locus.oversight.recorded ? t("ldRecorded") : t("ldNotRecorded")}
                <Qualifier result={results.data?.pemda.find((p) => p.pemdaId === locus.pemdaId)} />
              </summary>
              {d.indicators.length > 0 && (
                <SecondaryEditor
                  periodId={periodId}
                  locus={locus}
                  indicators={d.indicators}
                  readOnly={closed}
                  onSaved={saved}
                />
              )}
              <OversightEditor periodId={periodId} locus={locus} readOnly={closed} onSaved={saved} />
            </details>
          ))}
        </div>
      )}
      {d && !closed && <ImportPanel periodId={periodId} onApplied={saved} />}
      <ExportPanel periodId={periodId} />
    </AdminPage>
  );
}

/** The scheme's qualifier for the locus as the results decide it (only with a qualifier scheme). */
function Qualifier({ result }: { result: PemdaResult | undefined }) {
  const { t } = useI18n();
  const band = result?.band;
  if (!band || band.qualifierDecided === undefined) return null;
  return (
    <span data-testid="ld-qualifier">
      {" "}
      ·{" "}
      {band.qualifierDecided
        ? t("ldQualifier", { qualifier: band.qualifier ?? t("ldQualifierNone") })
        : t("ldQualifierUndecided")}
    </span>
  );
}

const UPLOAD: UploadSpec = {
  ids: { title: "ld-import-title", file: "ld-file", confirm: "ld-apply" },
  accept: CSV_OR_XLSX,
  words: {
    title: "ldImportTitle",
    file: "ldFile",
    check: "ldPreview",
    confirm: "ldImport",
    noFile: "ldNoFile",
  },
};

function ImportPanel({ periodId, onApplied }: { periodId: string; onApplied(): void }) {
  const { t } = useI18n();
  const upload = useUploadCheck<LocusImportReport>(
    UPLOAD,
    (file, commit) => locusDataApi.importFile(periodId, file, !commit),
    (answer) => {
      if (answer.applied) onApplied();
    },
  );
  const report = upload.answer;
  const invalid = (report?.problems.length ?? 0) > 0;
  const vars: Record<string, string> = {
    rows: String(report?.rows ?? 0),
    changed: String(report?.changedLoci ?? 0),
  };
  return (
    <UploadPanel
      spec={UPLOAD}
      upload={upload}
      intro={<p class="field__hint">{t("ldImportText")}</p>}
      canConfirm={Boolean(report?.dryRun && !invalid)}
    >
      {report && (
        <UploadOutcome refused={invalid} testId="ld-outcome">
          {invalid
            ? t("ldReportInvalid", { count: String(report.problems.length) })
            : report.applied
              ? t("ldReportApplied", vars)
              : t("ldReportOk", vars)}
        </UploadOutcome>
      )}
      {report && invalid && <CellProblemTable problems={report.problems} testId="ld-problems" />}
    </UploadPanel>
  );
}

function ExportPanel({ periodId }: { periodId: string }) {
  const { t } = useI18n();
  return (
    <section class="card" aria-labelledby="ld-export-title">
      <h2 id="ld-export-title" class="card__title">
        {t("ldExportTitle")}
      </h2>
      <div class="button-row">
        <a class="button" href={locusDataApi.exportUrl(periodId, "xlsx")} download>
          {t("ldExportXlsx")}
        </a>
        <a class="button" href={locusDataApi.exportUrl(periodId, "csv", "secondary")} download>
          {t("ldExportSecondaryCsv")}
        </a>
        <a class="button" href={locusDataApi.exportUrl(periodId, "csv", "oversight")} download>
          {t("ldExportOversightCsv")}
        </a>
      </div>
    </section>
  );
}
