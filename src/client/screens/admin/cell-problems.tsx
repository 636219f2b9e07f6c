// Every problem of a refused spreadsheet with its sheet, row and column (cells wrap so the table fits
// 360 px). Shared by the locus-data import and the instrument workbook upload; the master-data
// report has its own table with the same columns and the same words per problem code.
import type { CellProblem } from "../../api/locusdata-api";
import { useI18n } from "../../i18n/i18n";
import { problemWords } from "./import-report";

export function CellProblemTable({ problems, testId }: { problems: readonly CellProblem[]; testId: string }) {
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
                <td>{p.at?.sheet ?? p.sheet ?? ""}</td>
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
