// Import of results published before Patuh (issue #19; POST /admin/history/import): a CSV or XLSX
// of rows `tahun,kode_lokus,nama,nilai,skema[,kategori_terbit,peringkat]`, checked first ("Periksa",
// a dry run) then imported. All or nothing: with any error nothing is written and every error is
// listed with its cell; a published category that disagrees with the predicate derived from the
// score is listed as a warning and kept as published. The Kantor Pusat imports for any office (or
// lets the locus codes find their office); another office's admin imports for their own office.
import { useState } from "preact/hooks";
import { adminApi } from "../../api/admin-api";
import { ApiError } from "../../api/http";
import { type HistoryReport, historyExportUrl, nationalApi, uploadHistory } from "../../api/national-api";
import { useDocumentTitle } from "../../app/use-document-title";
import { useI18n } from "../../i18n/i18n";
import type { User } from "../../session/user";
import { RemoteView } from "../review/remote-view";
import { useRemote } from "../review/use-remote";
import { nationalErrorWords } from "./national-words";
import "../../styles/review.css";
import "../../styles/national.css";

export function HistoryImportScreen({ user }: { user: User }) {
  const { t } = useI18n();
  useDocumentTitle(t("natHistoryTitle"));
  const [remote, reload] = useRemote(
    () => Promise.all([nationalApi.rounds().then((r) => r.central), adminApi.offices()]),
    [],
  );
  return (
    <div class="screen review-screen national" data-testid="history-screen">
      <h1 tabIndex={-1}>{t("natHistoryTitle")}</h1>
      <p class="lead">{t("natHistoryIntro")}</p>
      <RemoteView remote={remote} reload={reload}>
        {([central, offices]) => (
          <HistoryForm
            offices={
              central
                ? offices.map((o) => [o.id, o.name] as const)
                : offices.filter((o) => o.id === user.officeId).map((o) => [o.id, o.name] as const)
            }
            central={central}
            defaultOffice={user.officeId ?? ""}
          />
        )}
      </RemoteView>
    </div>
  );
}

function HistoryForm({
  offices,
  central,
  defaultOffice,
}: {
  offices: readonly (readonly [string, string])[];
  central: boolean;
  defaultOffice: string;
}) {
  const { t } = useI18n();
  // The Kantor Pusat's own office holds no loci: start it on "by locus code".
  const [officeId, setOfficeId] = useState(central ? "" : defaultOffice);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<{ report: HistoryReport; dryRun: boolean } | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  const send = async (dryRun: boolean) => {
    if (file === null) {
      setError(t("natHistoryNoFile"));
      return;
    }
    setBusy(true);
    setError(undefined);
    setReport(undefined);
    try {
      const r = await uploadHistory(file, { officeId: officeId || undefined, dryRun });
      setReport({ report: r, dryRun });
    } catch (e) {
      setError(nationalErrorWords(t, e instanceof ApiError ? e.code : "unexpected"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section class="card" aria-labelledby="history-upload">
        <h2 id="history-upload" class="card__title">
          {t("natHistoryUpload")}
        </h2>
        <p>{t("natHistoryColumns")}</p>
        <p class="national-muted">{t("natHistorySchemes")}</p>
        <form
          class="national-form"
          onSubmit={(e) => {
            e.preventDefault();
            void send(false);
          }}
        >
          <div class="field">
            <label for="history-office">{t("natOffice")}</label>
            <select id="history-office" value={officeId} onChange={(e) => setOfficeId(e.currentTarget.value)}>
              {central && <option value="">{t("natHistoryByCode")}</option>}
              {offices.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="history-file">{t("natHistoryFile")}</label>
            <input
              id="history-file"
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                setFile(e.currentTarget.files?.[0] ?? null);
                setReport(undefined);
              }}
            />
          </div>
          <div class="button-row">
            <button type="button" class="button" disabled={busy} onClick={() => void send(true)}>
              {t("natHistoryCheck")}
            </button>
            <button type="submit" class="button button--primary" disabled={busy}>
              {busy ? t("natSaving") : t("natHistoryImport")}
            </button>
          </div>
        </form>
        {error && (
          <p class="notice notice--error" role="alert">
            {error}
          </p>
        )}
      </section>
      {report && <HistoryReportView report={report.report} dryRun={report.dryRun} />}
      <section class="card" aria-labelledby="history-export">
        <h2 id="history-export" class="card__title">
          {t("natHistoryExport")}
        </h2>
        <p class="button-row">
          <a class="button" href={historyExportUrl(officeId || undefined, "xlsx")} download>
            {t("natHistoryExportXlsx")}
          </a>
          <a class="button" href={historyExportUrl(officeId || undefined, "csv")} download>
            {t("natHistoryExportCsv")}
          </a>
        </p>
      </section>
    </>
  );
}

type Problem = HistoryReport["errors"][number];

function cellOf(p: Problem): string {
  const at = p.at;
  if (at === undefined) return p.sheet ?? "";
  return `${at.sheet}!${at.column}${at.row}`;
}

function HistoryReportView({ report, dryRun }: { report: HistoryReport; dryRun: boolean }) {
  const { t } = useI18n();
  const failed = report.errors.length > 0;
  return (
    <section class="card" aria-labelledby="history-report" data-testid="history-report">
      <h2 id="history-report" class="card__title">
        {t("natHistoryReport")}
      </h2>
      <p
        class={failed ? "notice notice--error" : "notice"}
        role={failed ? "alert" : "status"}
        data-testid="history-outcome"
      >
        {failed
          ? t("natHistoryFailed", { errors: String(report.errors.length), rows: String(report.rows) })
          : dryRun
            ? t("natHistoryChecked", { rows: String(report.rows) })
            : t("natHistoryImported", { imported: String(report.imported), rows: String(report.rows) })}
      </p>
      {failed && (
        <ProblemTable title={t("natHistoryErrors")} problems={report.errors} testId="history-errors" />
      )}
      {report.warnings.length > 0 && (
        <ProblemTable title={t("natHistoryWarnings")} problems={report.warnings} testId="history-warnings" />
      )}
    </section>
  );
}

function ProblemTable({ title, problems, testId }: { title: string; problems: Problem[]; testId: string }) {
  const { t } = useI18n();
  return (
    <>
      <h3>{title}</h3>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe scrollable-region-focusable) */}
      <section class="review-scroll" tabIndex={0} aria-label={title}>
        <table class="review-table national-wrap" data-testid={testId}>
          <thead>
            <tr>
              <th scope="col">{t("natCell")}</th>
              <th scope="col">{t("natMessage")}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={i}>
                <td>{cellOf(p)}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
