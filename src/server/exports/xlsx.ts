/**
 * A minimal streaming SpreadsheetML (.xlsx) writer over fflate: inline-string cells, numbers and
 * booleans, one or more sheets whose rows may come from an async source (the database, in
 * batches), deflated as they are produced so the whole national period never sits in memory as
 * XML. Owns nothing persistent. Invariant: every text is XML-escaped and stripped of characters
 * XML 1.0 forbids, so any stored answer or note yields a well-formed file.
 */
import { ZipDeflate } from "fflate";
import { zipStream } from "./zip-stream";

export type Cell = string | number | boolean | null | undefined;

export interface SheetSource {
  /** Shown as the sheet tab; at most 31 characters, none of []:*?/\ . */
  name: string;
  rows: Iterable<Cell[]> | AsyncIterable<Cell[]>;
}

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
// Characters outside XML 1.0's Char production (lone surrogates included).
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(s: string): string {
  return s
    .replace(INVALID_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** Column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function cellXml(v: Cell, ref: string): string {
  if (v === null || v === undefined || v === "") return `<c r="${ref}"/>`;
  if (typeof v === "number") return Number.isFinite(v) ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}"/>`;
  if (typeof v === "boolean") return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`;
}

/**
 * One row, numbered from 1. Rows and cells carry their reference (`r`): optional in the standard
 * and Excel does without, but readers such as ExcelJS refuse a sheet without them.
 */
export function rowXml(cells: readonly Cell[], rowNumber: number): string {
  return `<row r="${rowNumber}">${cells.map((v, i) => cellXml(v, `${columnName(i)}${rowNumber}`)).join("")}</row>`;
}

function staticParts(sheets: readonly SheetSource[]): [string, string][] {
  const overrides = sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join("");
  return [
    [
      "[Content_Types].xml",
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${overrides}</Types>`,
    ],
    [
      "_rels/.rels",
      `${HEAD}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      "xl/workbook.xml",
      `${HEAD}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>${sheets
        .map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join("")}</sheets></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `${HEAD}<Relationships xmlns="${PKG}">${sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join(
          "",
        )}<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ],
    [
      "xl/styles.xml",
      `${HEAD}<styleSheet xmlns="${NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`,
    ],
  ];
}

const FLUSH_AT = 256 * 1024;

/** The workbook as a byte stream; rows are pulled from the sources as the stream is read. */
export function xlsxStream(sheets: readonly SheetSource[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return zipStream(async (zip) => {
    for (const [name, text] of staticParts(sheets)) {
      const f = new ZipDeflate(name, { level: 6 });
      zip.add(f);
      f.push(encoder.encode(text), true);
    }
    for (const [i, sheet] of sheets.entries()) {
      const f = new ZipDeflate(`xl/worksheets/sheet${i + 1}.xml`, { level: 1 });
      zip.add(f);
      let buf = `${HEAD}<worksheet xmlns="${NS}"><sheetData>`;
      let rowNumber = 0;
      for await (const row of sheet.rows) {
        rowNumber += 1;
        buf += rowXml(row, rowNumber);
        if (buf.length >= FLUSH_AT) {
          f.push(encoder.encode(buf), false);
          buf = "";
        }
      }
      f.push(encoder.encode(`${buf}</sheetData></worksheet>`), true);
    }
  });
}
