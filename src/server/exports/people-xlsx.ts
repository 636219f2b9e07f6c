/**
 * The people's workbook (issue #20) written with exceljs' streaming writer: one sheet per
 * PeopleTable, a bold frozen header row, column widths, wrapped long texts, scores with two
 * decimals shown in the reader's own locale (the cell holds the number; Excel shows "87,50" in an
 * Indonesian locale), and an autofilter on the header. Rows are committed as they are produced,
 * so a national period's answers never sit in memory as one workbook. Owns nothing persistent.
 */
import { PassThrough, Readable } from "node:stream";
import type { PeopleTable } from "./people-tables";
import type { Cell } from "./xlsx";

// Characters XML 1.0 forbids (a stored note may hold them): removed so the file always opens.
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const clean = (v: Cell): string | number | boolean | null =>
  v === undefined || v === null ? null : typeof v === "string" ? v.replace(INVALID_XML, "") : v;

function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

async function writeWorkbook(stream: PassThrough, tables: readonly PeopleTable[]): Promise<void> {
  // Loaded on the first export, not at server start (exceljs is large).
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = "Patuh";
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = table.columns.map((c) => ({
      header: c.header,
      width: c.width,
      style:
        c.kind === "score"
          ? { numFmt: "0.00" }
          : c.kind === "long"
            ? { alignment: { wrapText: true, vertical: "top" } }
            : {},
    }));
    sheet.autoFilter = `A1:${columnLetter(table.columns.length)}1`;
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.commit();
    for await (const row of table.rows) sheet.addRow(row.map(clean)).commit();
    sheet.commit();
  }
  await workbook.commit();
}

/** The workbook as a web byte stream; an error while writing ends the stream with that error. */
export function peopleXlsxStream(tables: readonly PeopleTable[]): ReadableStream<Uint8Array> {
  const stream = new PassThrough();
  writeWorkbook(stream, tables).catch((error: unknown) => stream.destroy(error as Error));
  return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
}
