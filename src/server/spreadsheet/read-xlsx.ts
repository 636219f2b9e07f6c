/**
 * XLSX reading with exceljs: every worksheet's non-empty rows as plain values. Formulas are
 * refused with their cell (an import must hold the values a person typed, not what a formula
 * happened to compute in someone else's Excel, and exceljs does not recalculate), as are error
 * cells (#REF!, #N/A …). Merged areas hold their value in the top-left cell only.
 */
import ExcelJS from "exceljs";
import type { CellValue, RawSheet, SheetProblem } from "./types";
import { columnLetter } from "./types";

function isoDate(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

type CellResult = { value: CellValue } | { problem: "formula" | "cell_error"; text: string };

function cellValue(cell: ExcelJS.Cell): CellResult {
  const V = ExcelJS.ValueType;
  if (cell.isMerged && cell.master !== cell) return { value: null };
  const v = cell.value;
  switch (cell.type) {
    case V.Null:
    case V.Merge:
      return { value: null };
    case V.Number:
      return { value: typeof v === "number" && Number.isFinite(v) ? v : null };
    case V.Boolean:
      return { value: v === true };
    case V.Date:
      return { value: v instanceof Date ? isoDate(v) : null };
    case V.Formula: {
      const f = cell.formula ?? (v as { sharedFormula?: string } | null)?.sharedFormula ?? "";
      return { problem: "formula", text: `=${f}` };
    }
    case V.Error:
      return { problem: "cell_error", text: String((v as { error?: string } | null)?.error ?? "#ERROR") };
    default: {
      // String, SharedString, RichText, Hyperlink: their text.
      const text = cell.text ?? "";
      const trimmed = text.trim();
      return { value: trimmed === "" ? null : trimmed };
    }
  }
}

export async function readXlsxBytes(
  bytes: Uint8Array,
  maxRows: number,
): Promise<{ sheets: RawSheet[]; problems: SheetProblem[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs' typings want its own Buffer type; a Node Buffer over the same memory is that.
    await wb.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer,
    );
  } catch (e) {
    return {
      sheets: [],
      problems: [
        {
          code: "file_broken",
          message: `The XLSX file cannot be opened: ${e instanceof Error ? e.message : String(e)}`,
        },
      ],
    };
  }
  if (wb.worksheets.length === 0) {
    return { sheets: [], problems: [{ code: "file_broken", message: "The XLSX file has no worksheet." }] };
  }
  const sheets: RawSheet[] = [];
  const problems: SheetProblem[] = [];
  for (const ws of wb.worksheets) {
    const sheet: RawSheet = { name: ws.name, rows: [] };
    let tooMany = false;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (tooMany) return;
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const r = cellValue(cell);
        const at = { sheet: ws.name, row: rowNumber, column: columnLetter(colNumber - 1) };
        if ("problem" in r) {
          problems.push(
            r.problem === "formula"
              ? {
                  code: "formula",
                  message: `Cell ${ws.name}!${at.column}${rowNumber} holds a formula (${r.text}); paste its value instead.`,
                  at,
                  params: { formula: r.text },
                }
              : {
                  code: "cell_error",
                  message: `Cell ${ws.name}!${at.column}${rowNumber} holds the error ${r.text}.`,
                  at,
                  params: { error: r.text },
                },
          );
          cells[colNumber - 1] = null;
        } else cells[colNumber - 1] = r.value;
      });
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
      if (!cells.some((c) => c !== null)) return;
      if (sheet.rows.length >= maxRows) {
        tooMany = true;
        problems.push({
          code: "too_many_rows",
          message: `Sheet ${ws.name} has more than ${maxRows} rows.`,
          sheet: ws.name,
          params: { limit: maxRows },
        });
        return;
      }
      sheet.rows.push({ row: rowNumber, cells });
    });
    sheets.push(sheet);
  }
  return { sheets, problems };
}
