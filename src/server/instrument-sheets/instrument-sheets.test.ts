import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseInstrument, serialiseInstrument } from "../../domain/index";
import { formatAddress } from "../spreadsheet";
import { instrumentXlsx, templateXlsx } from "./export";
import { importInstrumentXlsx } from "./import";

const DIR = join(import.meta.dirname, "..", "..", "..", "assets", "instrument");
const shipped = readdirSync(DIR).filter((f) => f.endsWith(".json"));

function load(file: string) {
  const json: unknown = JSON.parse(readFileSync(join(DIR, file), "utf8"));
  const parsed = parseInstrument(json);
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return { json, instrument: parsed.instrument };
}

async function edit(bytes: Uint8Array, change: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  change(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The row of a sheet whose first cell is `id`. */
function rowOf(ws: ExcelJS.Worksheet | undefined, id: string): ExcelJS.Row {
  if (ws === undefined) throw new Error("no sheet");
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).text === id) return ws.getRow(r);
  throw new Error(`no row ${id} in ${ws.name}`);
}

describe("instrument workbook", () => {
  it("ships at least the 2023 (format 1) and 2025 (format 2) instruments", () => {
    expect(shipped).toEqual(expect.arrayContaining(["ori-kepatuhan-2023.json", "maladministrasi-2025.json"]));
  });

  it.each(shipped)("%s → XLSX → import gives the identical JSON", async (file) => {
    const { json, instrument } = load(file);
    const result = await importInstrumentXlsx(await instrumentXlsx(instrument));
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join("\n"));
    expect(result.json).toEqual(json);
    expect(serialiseInstrument(result.instrument)).toEqual(json);
  });

  it("the template imports as a valid format-2 instrument", async () => {
    const result = await importInstrumentXlsx(await templateXlsx());
    expect(result.ok).toBe(true);
  });

  it("a broken workbook lists every error with its cell: missing sheet, weight sum, unknown role, duplicate id, formula", async () => {
    const { instrument } = load("maladministrasi-2025.json");
    const bytes = await edit(await instrumentXlsx(instrument), (wb) => {
      wb.removeWorksheet(wb.getWorksheet("Tingkat")?.id ?? -1);
      const groups = wb.getWorksheet("Kelompok");
      rowOf(groups, "KP").getCell(5).value = 20; // top-level weights 70 + 20 ≠ 100
      const indicators = wb.getWorksheet("Indikator");
      rowOf(indicators, "KP.01").getCell(13).value = "penumpang"; // unknown role
      rowOf(indicators, "KP.03").getCell(1).value = "KP.02"; // duplicate id
      rowOf(indicators, "IN.PP.01").getCell(7).value = {
        formula: "1/2",
        result: 0.5,
      } as ExcelJS.CellFormulaValue;
    });
    const result = await importInstrumentXlsx(bytes);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const where = result.problems.map((p) => (p.at ? formatAddress(p.at) : `sheet ${p.sheet}`));
    const kp = (await readRows(bytes, "Indikator")).indexOf("KP.01") + 1;
    const kpGroup = (await readRows(bytes, "Kelompok")).indexOf("KP") + 1;
    const formulaRow = (await readRows(bytes, "Indikator")).indexOf("IN.PP.01") + 1;
    expect(where).toEqual(
      expect.arrayContaining([
        "sheet Tingkat",
        `Indikator!G${formulaRow}`,
        `Indikator!M${kp}`,
        `Indikator!A${kp + 2}`,
        `Kelompok!E2`,
      ]),
    );
    expect(where.length).toBe(5);
    expect(kpGroup).toBeGreaterThan(2);
    expect(result.problems.find((p) => p.code === "formula")?.message).toContain("=1/2");
    expect(result.problems.some((p) => /sum to 100/.test(p.message))).toBe(true);
    expect(result.problems.some((p) => /unknown role "penumpang"/.test(p.message))).toBe(true);
    expect(result.problems.some((p) => /duplicate id "KP.02"/.test(p.message))).toBe(true);
  });

  it("a CSV or a workbook without the groups sheet is refused with the reason", async () => {
    const csv = await importInstrumentXlsx(new TextEncoder().encode("a,b\n1,2\n"));
    expect(csv).toMatchObject({ ok: false, problems: [{ code: "file_type" }] });
    const { instrument } = load("ori-kepatuhan-2023.json");
    const bytes = await edit(await instrumentXlsx(instrument), (wb) =>
      wb.removeWorksheet(wb.getWorksheet("Kelompok")?.id ?? -1),
    );
    const result = await importInstrumentXlsx(bytes);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ sheet: "Kelompok" });
    // Every indicator then names an unknown group, each at its own cell.
    const indicators = instrument.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators));
    const unknownGroup = result.problems.filter(
      (p) => p.code === "unknown_reference" && p.at?.sheet === "Indikator",
    );
    expect(unknownGroup.length).toBe(indicators.length);
  });
});

async function readRows(bytes: Uint8Array, sheet: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(sheet);
  const out: string[] = [];
  for (let r = 1; r <= (ws?.rowCount ?? 0); r++) out.push(ws?.getRow(r).getCell(1).text ?? "");
  return out;
}
