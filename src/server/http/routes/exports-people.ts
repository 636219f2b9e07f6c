/**
 * Exports for people (issue #20), beside the machine form of exports.ts:
 * - GET /exports/report.xlsx?periodId= — Indonesian workbook: Pemda, Unit Layanan, Jawaban.
 * - GET /exports/report.csv?periodId=&table=units|pemda|answers&separator=semicolon|comma|tab —
 *   one table as CSV; default units, `;` with decimal commas.
 * Same access as results (supervisor of the period's office, admin; assessor 403; other office 404).
 * Streamed: rows are produced while the response is read.
 */
import { Readable } from "node:stream";
import { requireUser } from "../../auth/middleware";
import { CSV_SEPARATORS, type CsvSeparatorName, localeCsv } from "../../exports/locale-csv";
import {
  answerTable,
  type PeopleTable,
  pemdaTable,
  peopleStem,
  unitTable,
} from "../../exports/people-tables";
import { peopleXlsxStream } from "../../exports/people-xlsx";
import { periodForReview, queryEnum, queryUuid } from "../../results/access";
import { periodResults } from "../../results/period-results";
import { InstrumentCache } from "../../sync/instrument-cache";
import type { RouteModule } from "../context";

const TABLES = ["units", "pemda", "answers"] as const;
const SEPARATORS = Object.keys(CSV_SEPARATORS) as CsvSeparatorName[];

function download(body: ReadableStream<Uint8Array>, type: string, filename: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": type,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

export const peopleExportRoutes: RouteModule = {
  name: "exports-people",
  mount(api, deps) {
    const instruments = new InstrumentCache();

    const load = async (periodId: string, user: Parameters<typeof periodForReview>[1]) => {
      const period = await periodForReview(deps.db, user, periodId);
      const results = await periodResults(deps.db, instruments, period);
      const instrument = await instruments.get(deps.db, period.instrumentId, period.instrumentVersion);
      return { period, results, instrument };
    };

    api.get("/exports/report.xlsx", requireUser(deps), async (c) => {
      const { period, results, instrument } = await load(queryUuid(c, "periodId", true), c.get("user"));
      const tables = [
        pemdaTable(results),
        unitTable(results, instrument),
        answerTable(deps.db, instruments, results),
      ];
      return download(
        peopleXlsxStream(tables),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        `${peopleStem(period)}.xlsx`,
      );
    });

    api.get("/exports/report.csv", requireUser(deps), async (c) => {
      const periodId = queryUuid(c, "periodId", true);
      const which = queryEnum(c, "table", TABLES) ?? "units";
      const separator = queryEnum(c, "separator", SEPARATORS) ?? "semicolon";
      const { period, results, instrument } = await load(periodId, c.get("user"));
      const table: PeopleTable =
        which === "pemda"
          ? pemdaTable(results)
          : which === "answers"
            ? answerTable(deps.db, instruments, results)
            : unitTable(results, instrument);
      const lines = localeCsv(
        table.columns.map((x) => x.header),
        table.rows,
        { separator },
      );
      const bytes = (async function* () {
        for await (const line of lines) yield Buffer.from(line, "utf8");
      })();
      const body = Readable.toWeb(Readable.from(bytes)) as ReadableStream<Uint8Array>;
      return download(body, "text/csv; charset=utf-8", `${peopleStem(period)}-${which}.csv`);
    });
  },
};
