import ExcelJS from "exceljs";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import {
  type ColumnSpec,
  cellProblem,
  cellText,
  columnLetter,
  mapSheet,
  pickSheet,
  readSpreadsheet,
  writeCsv,
  writeXlsx,
} from "./index";

const enc = (s: string) => new TextEncoder().encode(s);

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const LOCI: ColumnSpec<"code" | "name" | "kind">[] = [
  { key: "code", headers: ["kode", "code"], required: true },
  { key: "name", headers: ["nama", "name"], required: true },
  { key: "kind", headers: ["jenis", "kind"] },
];

describe("reading CSV", () => {
  it("reads a comma CSV with a BOM and maps Indonesian headers", async () => {
    const r = await readSpreadsheet(enc('\uFEFFKode,Nama,Jenis\r\n61.71,"Kota Pontianak, Kalbar",kota\r\n'));
    expect(r.problems).toEqual([]);
    expect(r.format).toBe("csv");
    const sheet = pickSheet(r, ["lokus"]);
    if (!sheet) throw new Error("no sheet");
    const m = mapSheet(sheet, LOCI);
    expect(m.problems).toEqual([]);
    expect(m.rows).toEqual([
      { sheet: "CSV", row: 2, values: { code: "61.71", name: "Kota Pontianak, Kalbar", kind: "kota" } },
    ]);
  });

  it("detects a semicolon CSV (Excel in an Indonesian locale) and skips empty lines", async () => {
    const r = await readSpreadsheet(enc("KODE;NAMA\n61.01;Kab. Sambas\n\n61.02;Kab. Mempawah\n"));
    const m = mapSheet(r.sheets[0] ?? { name: "", rows: [] }, LOCI);
    expect(m.rows.map((x) => [x.row, x.values.code, x.values.name, x.values.kind])).toEqual([
      [2, "61.01", "Kab. Sambas", null],
      [4, "61.02", "Kab. Mempawah", null],
    ]);
  });

  it("reads UTF-16 with a BOM and Windows-1252 text", async () => {
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(new Uint16Array([..."kode\tnama\n1\tÉ"].map((c) => c.charCodeAt(0))).buffer),
    ]);
    const r16 = await readSpreadsheet(utf16);
    expect(r16.sheets[0]?.rows[1]?.cells).toEqual(["1", "É"]);
    const r1252 = await readSpreadsheet(new Uint8Array([...enc("kode,nama\n1,Caf"), 0xe9, 0x0a]));
    expect(r1252.sheets[0]?.rows[1]?.cells).toEqual(["1", "Café"]);
  });

  it("reports an unclosed quote as a broken file", async () => {
    const r = await readSpreadsheet(enc('kode,nama\n1,"Kota\n'));
    expect(r.problems.map((p) => p.code)).toEqual(["file_broken"]);
    expect(r.sheets).toEqual([]);
  });
});

describe("reading XLSX", () => {
  it("reads several sheets with numbers as numbers and dates as ISO text", async () => {
    const bytes = await xlsx((wb) => {
      const a = wb.addWorksheet("Lokus");
      a.addRow(["Kode", "Nama"]);
      a.addRow(["61.71", "Kota Pontianak"]);
      a.addRow([6172, "Kota Singkawang"]);
      const b = wb.addWorksheet("Tanggal");
      b.addRow(["tanggal"]);
      b.addRow([new Date(Date.UTC(2025, 4, 2))]);
    });
    const r = await readSpreadsheet(bytes);
    expect(r.problems).toEqual([]);
    expect(r.format).toBe("xlsx");
    expect(r.sheets.map((s) => s.name)).toEqual(["Lokus", "Tanggal"]);
    expect(r.sheets[0]?.rows.map((x) => x.cells)).toEqual([
      ["Kode", "Nama"],
      ["61.71", "Kota Pontianak"],
      [6172, "Kota Singkawang"],
    ]);
    expect(r.sheets[1]?.rows[1]?.cells).toEqual(["2025-05-02"]);
    expect(pickSheet(r, ["tanggal"])?.name).toBe("Tanggal");
  });

  it("refuses every formula and error cell with its address, all at once", async () => {
    const bytes = await xlsx((wb) => {
      const a = wb.addWorksheet("Unit");
      a.addRow(["kode", "nama"]);
      a.addRow(["1", { formula: "A1&B1", result: "x" }]);
      a.addRow([{ formula: "1/0", result: { error: "#DIV/0!" } }, "ok"]);
      a.getCell("C3").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
    });
    const r = await readSpreadsheet(bytes);
    expect(r.problems.map((p) => [p.code, p.at?.sheet, p.at?.column, p.at?.row])).toEqual([
      ["formula", "Unit", "B", 2],
      ["formula", "Unit", "A", 3],
      ["cell_error", "Unit", "C", 3],
    ]);
  });

  it("refuses a workbook whose sheets are all empty", async () => {
    const r = await readSpreadsheet(await xlsx((wb) => void wb.addWorksheet("Sheet1")));
    expect(r.problems.map((p) => p.code)).toEqual(["file_empty"]);
  });

  it("refuses a truncated workbook and a zip that is no workbook", async () => {
    const good = await xlsx((wb) => void wb.addWorksheet("A").addRow(["x"]));
    const truncated = await readSpreadsheet(good.subarray(0, Math.floor(good.length / 2)));
    expect(truncated.problems.map((p) => p.code)).toEqual(["file_broken"]);
    const notWorkbook = await readSpreadsheet(zipSync({ "hello.txt": enc("hi") }));
    expect(notWorkbook.problems.map((p) => p.code)).toEqual(["file_broken"]);
  });

  it("refuses a zip that would inflate far beyond the limit without inflating it", async () => {
    const bomb = zipSync({ "xl/huge.xml": new Uint8Array(4 * 1024 * 1024) }, { level: 1 });
    const r = await readSpreadsheet(bomb, { maxBytes: 64 * 1024 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(r.problems.map((p) => p.code)).toEqual(["file_too_large"]);
  });

  it("refuses too many rows", async () => {
    const r = await readSpreadsheet(enc("kode\n1\n2\n3\n"), { maxRows: 2 });
    expect(r.problems.map((p) => p.code)).toEqual(["too_many_rows"]);
  });
});

describe("hostile files", () => {
  it("refuses by magic bytes, not by name: PNG, old XLS, empty, oversize", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect((await readSpreadsheet(png)).problems.map((p) => p.code)).toEqual(["file_type"]);
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect((await readSpreadsheet(xls)).problems[0]?.params).toEqual({ detected: "xls" });
    expect((await readSpreadsheet(new Uint8Array())).problems.map((p) => p.code)).toEqual(["file_empty"]);
    const big = await readSpreadsheet(new Uint8Array(50 * 1024 * 1024), {});
    expect(big.problems.map((p) => p.code)).toEqual(["file_too_large"]);
    expect((await readSpreadsheet(enc("\uFEFF\r\n\r\n"))).problems.map((p) => p.code)).toEqual([
      "file_empty",
    ]);
  });
});

describe("header mapping", () => {
  it("matches headers case-, space- and underscore-insensitively, ignoring extra columns", () => {
    const m = mapSheet(
      {
        name: "S",
        rows: [
          { row: 3, cells: ["No", " KODE ", "Nama_", "JENIS"] },
          { row: 4, cells: [1, "a", "b", "kota"] },
        ],
      },
      LOCI,
    );
    expect(m.headerRow).toBe(3);
    expect(m.columns).toEqual({ code: "B", name: "C", kind: "D" });
    expect(m.ignored).toEqual([{ header: "No", column: "A" }]);
    expect(m.rows[0]?.values).toEqual({ code: "a", name: "b", kind: "kota" });
  });

  it("reports a missing required column, a duplicated column and a sheet with no rows", () => {
    const m = mapSheet({ name: "S", rows: [{ row: 1, cells: ["kode", "code"] }] }, LOCI);
    expect(m.problems.map((p) => [p.code, p.at?.column])).toEqual([
      ["header_duplicate", "B"],
      ["header_missing", "C"],
    ]);
    const empty = mapSheet({ name: "S", rows: [{ row: 1, cells: ["kode", "nama"] }] }, LOCI);
    expect(empty.problems.map((p) => p.code)).toEqual(["sheet_empty"]);
    expect(mapSheet({ name: "S", rows: [] }, LOCI).problems.map((p) => p.code)).toEqual(["sheet_empty"]);
  });

  it("gives row validators the cell address of a value", () => {
    const m = mapSheet(
      {
        name: "Lokus",
        rows: [
          { row: 1, cells: ["nama", "kode"] },
          { row: 2, cells: ["x", null] },
        ],
      },
      LOCI,
    );
    const row = m.rows[0];
    if (!row) throw new Error("no row");
    const p = cellProblem(m, row, "code", "required", "kode is empty");
    expect(p.at).toEqual({ sheet: "Lokus", row: 2, column: "B" });
    expect(p.message).toBe("Lokus!B2: kode is empty");
    expect(cellText(6172)).toBe("6172");
    expect(cellText(null)).toBe("");
  });

  it("letters columns past Z", () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetter)).toEqual([
      "A",
      "Z",
      "AA",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
    ]);
  });
});

describe("writing", () => {
  it("writes CSV that reads back unchanged, formula-looking text included", async () => {
    const bytes = writeCsv({
      name: "x",
      columns: [{ header: "kode" }, { header: "nama" }, { header: "n" }],
      rows: [
        ["61.01", "=HYPERLINK(1)", 3],
        ["61.02", 'Kab. "Sambas"; utara', 4.5],
      ],
    });
    expect(bytes.subarray(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    const r = await readSpreadsheet(bytes);
    expect(r.sheets[0]?.rows.map((x) => x.cells)).toEqual([
      ["kode", "nama", "n"],
      ["61.01", "=HYPERLINK(1)", "3"],
      ["61.02", 'Kab. "Sambas"; utara', "4.5"],
    ]);
  });

  it("writes XLSX with a frozen bold header, widths, numbers as numbers and codes as text", async () => {
    const bytes = await writeXlsx([
      { name: "Lokus", columns: [{ header: "kode" }, { header: "skor" }], rows: [["61.10", 87.5]] },
      { name: "Unit", columns: [{ header: "nama_unit", width: 30 }], rows: [["Disdukcapil"]] },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("Lokus");
    expect(ws?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws?.getRow(1).font?.bold).toBe(true);
    expect(ws?.getCell("A2").value).toBe("61.10");
    expect(ws?.getCell("B2").value).toBe(87.5);
    expect(ws?.getColumn(1).width).toBeGreaterThanOrEqual(8);
    expect(wb.getWorksheet("Unit")?.getColumn(1).width).toBe(30);
    const r = await readSpreadsheet(bytes);
    expect(r.sheets[0]?.rows[1]?.cells).toEqual(["61.10", 87.5]);
  });
});
