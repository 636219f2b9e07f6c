// Test-side readers of the exports: the XLSX sheets (our own SpreadsheetML subset: inline strings,
// numbers, booleans) and CSV (RFC 4180), so the tests check the files a spreadsheet would open.
import { unzipSync } from "fflate";

export type ReadCell = string | number | boolean | null;

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

export function readXlsx(bytes: Uint8Array): Record<string, ReadCell[][]> {
  const files = unzipSync(bytes);
  const text = (name: string) => new TextDecoder().decode(files[name]);
  const workbook = text("xl/workbook.xml");
  const out: Record<string, ReadCell[][]> = {};
  const sheets = [...workbook.matchAll(/<sheet name="([^"]*)" sheetId="(\d+)"/g)];
  for (const [, name = "", id = ""] of sheets) {
    const xml = text(`xl/worksheets/sheet${id}.xml`);
    out[unescapeXml(name)] = [...xml.matchAll(/<row(?: [^>]*)?>(.*?)<\/row>/gs)].map(([, row = ""]) =>
      [...row.matchAll(/<c(?: r="\w+")?(?: t="(\w+)")?(?:\/>|>(.*?)<\/c>)/gs)].map(([, t, inner = ""]) => {
        if (t === "inlineStr") return unescapeXml(/<t[^>]*>(.*?)<\/t>/s.exec(inner)?.[1] ?? "");
        const v = /<v>(.*?)<\/v>/.exec(inner)?.[1];
        if (v === undefined) return null;
        return t === "b" ? v === "1" : Number(v);
      }),
    );
  }
  return out;
}

export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && body[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  return rows;
}
