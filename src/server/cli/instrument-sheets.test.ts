import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import {
  instrumentExportCommand,
  instrumentImportCommand,
  instrumentTemplateCommand,
} from "./instrument-sheets";
import type { ServerCliIo } from "./server-io";

const dir = mkdtempSync(join(tmpdir(), "patuh-instrument-xlsx-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ASSET = join(
  import.meta.dirname,
  "..",
  "..",
  "..",
  "assets",
  "instrument",
  "maladministrasi-2025.json",
);

async function run(command: typeof instrumentImportCommand, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: ServerCliIo = {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    env: {},
    cwd: dir,
    readStdin: async () => "",
    untilStopped: async () => "",
  };
  const code = await command(args, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("patuh instrument export / import / template", () => {
  it("exports a JSON file to XLSX and imports it back to the same JSON", async () => {
    expect((await run(instrumentExportCommand, [ASSET, "m.xlsx"])).code).toBe(0);
    const back = await run(instrumentImportCommand, ["m.xlsx", "--out", "m.json"]);
    expect(back).toMatchObject({ code: 0, err: "" });
    expect(JSON.parse(readFileSync(join(dir, "m.json"), "utf8"))).toEqual(
      JSON.parse(readFileSync(ASSET, "utf8")),
    );
  });

  it("prints every problem with its cell and exits 1", async () => {
    expect((await run(instrumentTemplateCommand, ["t.xlsx"])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "t.xlsx"));
    const indicators = wb.getWorksheet("Indikator");
    if (indicators === undefined) throw new Error("no Indikator sheet");
    indicators.getRow(3).getCell(13).value = "bukan_peran";
    indicators.getRow(2).getCell(5).value = "skala_hilang";
    await wb.xlsx.writeFile(join(dir, "bad.xlsx"));
    const r = await run(instrumentImportCommand, ["bad.xlsx"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("2 problem(s)");
    expect(r.err).toMatch(/Indikator!E2: .*skala_hilang/);
    expect(r.err).toMatch(/Indikator!M3: .*bukan_peran/);
  });
});
