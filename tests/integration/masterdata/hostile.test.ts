// Files an office should never be able to break the server with, and offices that must not see
// each other's master data: every refusal is a clear 4xx listing its problems, nothing is written.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, type World } from "../sync/world";
import { addPerson, count, csv, send, xlsx } from "./support";

let w: World;
let admin: string;
const LOCI = "/offices/kalbar/master-data/loci";

beforeAll(async () => {
  w = await createWorld();
  admin = w.people.admin.token;
});
afterAll(async () => {
  await w?.close();
});

async function formulaBook(): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Lokus");
  ws.addRow(["kode", "nama", "jenis"]);
  ws.addRow(["6101", { formula: 'CONCAT("Kab ","Sambas")', result: "Kab Sambas" }, "kabupaten"]);
  ws.addRow([{ formula: "6100+2", result: 6102 }, "Kab Bengkayang", "kabupaten"]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("hostile files", () => {
  it("refuses each with its problems, never a 5xx, and writes nothing", async () => {
    const good = await xlsx({
      Lokus: [
        ["kode", "nama", "jenis"],
        ["6101", "Kab Sambas", "kabupaten"],
      ],
    });
    const cases: [string, Uint8Array<ArrayBuffer>, number, string[]][] = [
      [
        "png",
        new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
        422,
        ["file_type"],
      ],
      ["xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 1, 2]), 422, ["file_type"]],
      ["broken xlsx", good.slice(0, 200), 422, ["file_broken"]],
      ["formulas", await formulaBook(), 422, ["formula", "formula"]],
      ["empty", new Uint8Array(), 422, ["file_empty"]],
      ["empty sheet", await xlsx({ Lokus: [] }), 422, ["file_empty"]],
      ["header only", csv("\uFEFFkode;nama;jenis\r\n"), 422, ["sheet_empty"]],
      ["missing column", csv("kode,nama\n6101,Kab Sambas\n"), 422, ["header_missing"]],
      [
        "duplicate codes",
        csv("kode,nama,jenis\n6101,A,kab\n61.01,B,kab\n6101,C,kab\n"),
        422,
        ["duplicate", "duplicate"],
      ],
      ["50 MB", new Uint8Array(50 * 1024 * 1024), 413, ["file_too_large"]],
    ];
    const before = await count(w, "pemda");
    for (const [name, body, status, codes] of cases) {
      const r = await send(w, admin, "POST", `${LOCI}/import`, body);
      expect([name, r.status]).toEqual([name, status]);
      const problems = r.body.error.details.problems as { code: string; message: string }[];
      expect([name, problems.map((p) => p.code)]).toEqual([name, codes]);
      expect(problems.every((p) => p.message.length > 0)).toBe(true);
    }
    const formulas = await send(w, admin, "POST", `${LOCI}/import`, await formulaBook());
    expect(
      (formulas.body.error.details.problems as { at: { sheet: string; row: number; column: string } }[]).map(
        (p) => p.at,
      ),
    ).toEqual([
      { sheet: "Lokus", row: 2, column: "B" },
      { sheet: "Lokus", row: 3, column: "A" },
    ]);
    expect(await count(w, "pemda")).toBe(before);
  });

  it("reads comma and semicolon CSVs, with or without BOM, alike", async () => {
    for (const text of [
      "kode,nama,jenis\n6101,Kab Sambas,kabupaten\n",
      "\uFEFFkode;nama;jenis\r\n6101;Kab Sambas;kabupaten\r\n",
      "\uFEFFKODE,Nama,JENIS\r\n6101,Kab Sambas,Kabupaten\r\n",
    ]) {
      const r = await send(w, admin, "POST", `${LOCI}/import?dryRun=true`, csv(text));
      expect(r.body.report).toMatchObject({ rows: 1, created: 1, problems: [] });
    }
    expect((await send(w, admin, "POST", `${LOCI}/import?dryRun=maybe`, csv("x"))).status).toBe(400);
  });
});

describe("authorisation", () => {
  it("another office's admin or supervisor can neither import into nor read this office's master data", async () => {
    const otherAdmin = await addPerson(w, "admin-other", "admin", "other");
    const file = csv("kode,nama,jenis\n6102,Kab Bengkayang,kabupaten\n");
    const before = await count(w, "pemda");
    for (const token of [otherAdmin, w.people.sup2.token]) {
      for (const entity of ["loci", "units", "users"]) {
        const base = `/offices/kalbar/master-data/${entity}`;
        expect((await send(w, token, "POST", `${base}/import`, file)).status).toBe(404);
        expect((await send(w, token, "GET", `${base}/export?format=csv`)).status).toBe(404);
      }
      expect((await send(w, token, "GET", "/offices/kalbar/master-data/history")).status).toBe(404);
      expect((await send(w, token, "GET", "/offices/kalbar/setup")).status).toBe(404);
    }
    expect((await send(w, null, "POST", `${LOCI}/import`, file)).status).toBe(401);
    expect((await send(w, w.people.a1.token, "POST", `${LOCI}/import`, file)).status).toBe(403);
    // A supervisor manages loci and units of their office, not accounts.
    expect((await send(w, w.people.sup.token, "GET", `${LOCI}/export?format=csv`)).status).toBe(200);
    expect(
      (await send(w, w.people.sup.token, "GET", "/offices/kalbar/master-data/users/export")).status,
    ).toBe(403);
    expect(await count(w, "pemda")).toBe(before);
  });

  it("the setup checklist says what is done and what is next", async () => {
    const r = await send(w, admin, "GET", "/offices/kalbar/setup");
    expect(r.status).toBe(200);
    const steps = r.body.setup.steps as { step: string; done: boolean }[];
    expect(steps.map((s) => s.step)).toEqual([
      "office",
      "loci",
      "units",
      "users",
      "instrument",
      "scheme",
      "period",
      "sample",
      "teams",
    ]);
    expect(steps.find((s) => s.step === "loci")?.done).toBe(true);
    // The built-in banding schemes are usable by any period: that step is never left undone.
    expect(steps.find((s) => s.step === "scheme")?.done).toBe(true);
    expect(r.body.setup.next).toBe(steps.find((s) => !s.done)?.step ?? null);
  });
});
