// Every problem of a refused spreadsheet with its sheet, row and column (cells wrap so the table fits
// 360 px), each with the words for its code and the server's message as the detail. The one problem
// table of every upload screen: the locus-data import, the instrument workbook and the master data.
import type { CellProblem } from "../../api/locusdata-api";
import { type MessageKey, type Translate, useI18n } from "../../i18n/i18n";

const PROBLEM_CODES = new Set([
  "file_too_large",
  "file_type",
  "file_broken",
  "file_empty",
  "sheet_empty",
  "too_many_rows",
  "formula",
  "cell_error",
  "header_missing",
  "header_duplicate",
  "required",
  "invalid_value",
  "duplicate",
  "unknown_reference",
]);

/** The words for a problem code (the server's message, in English, follows as the detail). */
export function problemWords(t: Translate, code: string): string | undefined {
  // The key exists for every code in PROBLEM_CODES (both dictionaries are typed and tested).
  return PROBLEM_CODES.has(code) ? t(`mdProblem_${code}` as MessageKey) : undefined;
}

export function CellProblemTable({
  problems,
  testId,
  sheet,
}: {
  problems: readonly CellProblem[];
  testId: string;
  /** The sheet a problem without its own sheet belongs to (the report's sheet, when it names one). */
  sheet?: string | null | undefined;
}) {
  const { t } = useI18n();
  return (
    <div class="md-table-wrap">
      <table class="md-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t("mdColSheet")}</th>
            <th scope="col">{t("mdColRow")}</th>
            <th scope="col">{t("mdColColumn")}</th>
            <th scope="col">{t("mdColMessage")}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => {
            const words = problemWords(t, p.code);
            return (
              <tr key={i}>
                <td>{p.at?.sheet ?? p.sheet ?? sheet ?? ""}</td>
                <td>{p.at?.row ?? ""}</td>
                <td>{p.at?.column ?? ""}</td>
                <td>
                  {words && <strong class="md-problem">{words}</strong>}
                  <span class="md-detail">{p.message}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
