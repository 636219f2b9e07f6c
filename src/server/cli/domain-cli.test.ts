import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import {
  bestAnswer,
  buildAssessment,
  DEFAULT_INSTRUMENT_PATH,
  defaultInstrumentJson,
  loadDefaultInstrument,
} from "../../../tests/fixtures/domain/full-assessment";
import { OPINI_2022 } from "../../domain/index";
import { instrumentCheckCommand } from "./instrument-check";
import { scoreCommand } from "./score";

const dir = mkdtempSync(join(tmpdir(), "patuh-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

async function run(command: typeof scoreCommand, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const instrument = loadDefaultInstrument();
const header = {
  id: "0f8e1c2a-5b6d-4e7f-8a9b-0c1d2e3f4a5b",
  unitId: "unit-1",
  status: "submitted",
  visit: { date: "2026-08-01", mode: "scheduled" },
};

describe("instrument-check", () => {
  it("summarises the default instrument", async () => {
    const r = await run(instrumentCheckCommand, [DEFAULT_INSTRUMENT_PATH]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Instrument ori-kepatuhan-2023 version 1 (ori-kepatuhan-2023@1): valid");
    expect(r.out).toMatch(/IN\s+Dimensi Input\s+weight\s+21\.85\s+2 variables, 16 indicators/);
    expect(r.out).toMatch(/total\s+weight 100\.00/);
    expect(r.out).toContain("Indicators per level: unit 25, product 5, official 6, user 5 (total 41)");
    expect(r.out).toContain("Required per assessment: 2 products, 4 officials, 5 users");
  });

  it("lists errors with paths and exits 1", async () => {
    const bad = defaultInstrumentJson() as { dimensions: { weight: number }[] };
    if (bad.dimensions[0]) bad.dimensions[0].weight = 30;
    const r = await run(instrumentCheckCommand, [file("bad.json", bad)]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/invalid instrument \(1 error\)/);
    expect(r.err).toContain("$.dimensions: dimension weights must sum to 100, but they sum to 108.15");
  });

  it("prints JSON with --json", async () => {
    const r = await run(instrumentCheckCommand, [DEFAULT_INSTRUMENT_PATH, "--json"]);
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, key: "ori-kepatuhan-2023@1", indicators: 41 });
  });

  it("reports unreadable files and invalid JSON (1) and usage errors (2)", async () => {
    expect((await run(instrumentCheckCommand, [join(dir, "missing.json")])).code).toBe(1);
    const notJson = await run(instrumentCheckCommand, [file("x.json", "{ nope")]);
    expect(notJson.code).toBe(1);
    expect(notJson.err).toMatch(/not valid JSON/);
    expect((await run(instrumentCheckCommand, [])).code).toBe(2);
    expect((await run(instrumentCheckCommand, ["a", "b"])).code).toBe(2);
    const unknown = await run(instrumentCheckCommand, ["--verbose", "a"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown option --verbose[\s\S]*usage:/);
  });
});

describe("score", () => {
  it("scores a complete assessment file", async () => {
    const content = buildAssessment(instrument, {
      products: 4,
      choose: (entry, key) => (key === "OUT.01@user:u1" ? "experienced" : bestAnswer(entry)),
    });
    const path = file("complete.json", { ...header, ...content });
    const r = await run(scoreCommand, ["--instrument", DEFAULT_INSTRUMENT_PATH, "--assessment", path]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out).toEqual({
      instrument: "ori-kepatuhan-2023@1",
      scheme: "opini-2022",
      total: 99.03,
      dimensions: [
        { id: "IN", points: 21.85 },
        { id: "PR", points: 32.37 },
        { id: "OUT", points: 23.27 },
        { id: "PGD", points: 21.54 },
      ],
      band: { category: "A", label: "Kualitas Tertinggi", zone: "Hijau", colour: "hijau" },
      complete: true,
      problems: [],
    });
  });

  it("scores the documented example file (docs/assessment-file.md) to 94.76", async () => {
    const example = join(
      import.meta.dirname,
      "..",
      "..",
      "..",
      "tests",
      "fixtures",
      "domain",
      "example-assessment.json",
    );
    const r = await run(scoreCommand, ["--instrument", DEFAULT_INSTRUMENT_PATH, "--assessment", example]);
    const out = JSON.parse(r.out);
    // IN (0.97222 + 0.92857) / 2 × 21.85 = 20.766; PR (10 + 5/6) / 11 × 32.37 = 31.879 (PR.08 na);
    // OUT 4.8 / 5 × 24.24 = 23.270; PGD 7/8 × 21.54 = 18.848 → 94.763
    expect(out.dimensions).toEqual([
      { id: "IN", points: 20.77 },
      { id: "PR", points: 31.88 },
      { id: "OUT", points: 23.27 },
      { id: "PGD", points: 18.85 },
    ]);
    expect(out.total).toBe(94.76);
    expect(out.complete).toBe(true);
  });

  it("uses --scheme zona-2021 or a scheme file, and lists problems of an incomplete file", async () => {
    const content = buildAssessment(instrument, {
      users: 0,
      choose: (entry) => (entry.scale.kind === "checklist" ? [] : bestAnswer(entry)),
    });
    const path = file("partial.json", content);
    const zona = JSON.parse(
      (
        await run(scoreCommand, [
          "--instrument",
          DEFAULT_INSTRUMENT_PATH,
          "--assessment",
          path,
          "--scheme",
          "zona-2021",
        ])
      ).out,
    );
    // IN.SP.08 and IN.SP.09 unticked: IN.SP = 8/10 → IN = 0.9 × 21.85; OUT has no users → 0.
    expect(zona.total).toBe(73.58);
    expect(zona.band).toMatchObject({ category: "Kuning", zone: "Kuning" });
    expect(zona.complete).toBe(false);
    expect(zona.problems.map((p: { code: string }) => p.code)).toEqual(["too_few_respondents"]);
    const schemeFile = file("scheme.json", { ...OPINI_2022, id: "custom" });
    const custom = JSON.parse(
      (
        await run(scoreCommand, [
          `--scheme=${schemeFile}`,
          "--instrument",
          DEFAULT_INSTRUMENT_PATH,
          "--assessment",
          path,
        ])
      ).out,
    );
    expect(custom.scheme).toBe("custom");
    expect(custom.band.category).toBe("C");
  });

  it("rejects bad inputs with paths (1) and bad command lines (2)", async () => {
    const bad = file("bad-assessment.json", {
      instrumentId: "x",
      instrumentVersion: 1,
      answers: { a: { x: 1 } },
    });
    const r = await run(scoreCommand, ["--instrument", DEFAULT_INSTRUMENT_PATH, "--assessment", bad]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      "$.answers.a: an answer is a number, a code, a list of sub-item ids or null, not an object",
    );
    expect((await run(scoreCommand, ["--instrument", DEFAULT_INSTRUMENT_PATH])).code).toBe(2);
    expect(
      (
        await run(scoreCommand, [
          "--instrument",
          DEFAULT_INSTRUMENT_PATH,
          "--assessment",
          bad,
          "--scheme",
          "opini-2099",
        ])
      ).code,
    ).toBe(2);
    expect((await run(scoreCommand, ["--instrument"])).code).toBe(2);
  });

  it("runs as a script through tsx on a temp file", async () => {
    const content = buildAssessment(instrument);
    const path = file("tsx.json", content);
    // .mts: top-level await needs ESM, and the temp dir has no package.json saying "module".
    const script = file(
      "run-score.mts",
      `import { scoreCommand } from ${JSON.stringify(join(import.meta.dirname, "score.ts"))};\n` +
        "process.exitCode = await scoreCommand(process.argv.slice(2), { out: (s) => console.log(s), err: (s) => console.error(s) });\n",
    );
    const tsx = join(import.meta.dirname, "..", "..", "..", "node_modules", "tsx", "dist", "cli.mjs");
    const { stdout } = await promisify(execFile)(process.execPath, [
      tsx,
      script,
      "--instrument",
      DEFAULT_INSTRUMENT_PATH,
      "--assessment",
      path,
    ]);
    expect(JSON.parse(stdout)).toMatchObject({ total: 100, complete: true, band: { category: "A" } });
  }, 30_000);
});
