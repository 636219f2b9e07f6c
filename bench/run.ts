// `npm run bench`: every figure the issues ask for, in one table. Builds the app when needed,
// starts a throwaway PostgreSQL cluster for the server figures, and drives Debian's Chromium for
// the device figures. Prints the table, writes bench-results/latest.{json,md}, and with --readme
// replaces the table in README.md between the bench markers. `--only=server,review` (areas, comma
// separated; `sync` is an alias of `server`) runs just those sections, e.g. `npm run bench -- --only=sync`.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startPgCluster } from "../scripts/lib/pg-cluster.mjs";
import { ensureSystemDeps } from "../scripts/lib/system-deps.mjs";
import { benchBundle } from "./bundle";
import { benchClientEdit } from "./client-edit";
import { benchDeviceField } from "./device-field";
import { benchDomain } from "./domain";
import { benchLoad } from "./load";
import { benchMasterData } from "./master-data";
import { benchNational } from "./national";
import { benchPoorLink } from "./poor-link";
import { benchReview } from "./review";
import { benchScale } from "./scale";
import { benchSyncServer } from "./sync-server";

interface Row {
  area: string;
  name: string;
  value: number;
  unit: string;
  target: string;
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function targetText(target: string | number | undefined, unit: string): string {
  if (target === undefined) return "";
  if (typeof target === "string") return target;
  // Numeric targets are ceilings, except rates, which are floors.
  return `${unit.endsWith("/s") ? "≥" : "≤"} ${target} ${unit}`;
}

const AREAS = [
  "bundle",
  "domain",
  "device",
  "field",
  "server",
  "poor-link",
  "load",
  "review",
  "national",
  "master",
  "scale",
] as const;

/** The areas named by --only (all when absent); exits on an unknown name. */
function selectedAreas(argv: readonly string[]): Set<string> {
  const arg = argv.find((a) => a.startsWith("--only="));
  if (arg === undefined) return new Set(AREAS);
  const names = arg
    .slice("--only=".length)
    .split(",")
    .map((n) => (n.trim() === "sync" ? "server" : n.trim()))
    .filter((n) => n !== "");
  const unknown = names.filter((n) => !(AREAS as readonly string[]).includes(n));
  if (unknown.length > 0) {
    console.error(`unknown bench area(s): ${unknown.join(", ")}; known: ${AREAS.join(", ")}, sync`);
    process.exit(2);
  }
  return new Set(names);
}

const selected = selectedAreas(process.argv.slice(2));

async function section(area: string, fn: () => Promise<Row[]>, rows: Row[]): Promise<void> {
  if (!selected.has(area)) return;
  const started = Date.now();
  try {
    rows.push(...(await fn()));
  } catch (err) {
    console.error(`${area}: failed:`, err);
    rows.push({ area, name: "failed (see log)", value: Number.NaN, unit: "", target: "" });
  }
  console.error(`${area}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function buildApp(): void {
  const r = spawnSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) throw new Error("build failed");
}

function toMarkdown(rows: Row[], measuredAt: string): string {
  const lines = [
    `Measured ${measuredAt} on this 2-core machine (\`npm run bench\`).`,
    "",
    "| area | figure | value | target |",
    "| --- | --- | ---: | --- |",
  ];
  for (const r of rows) lines.push(`| ${r.area} | ${r.name} | ${r.value} ${r.unit} | ${r.target} |`);
  return lines.join("\n");
}

function pgUrl(cluster: { url: string } | null): string {
  if (cluster === null) throw new Error("no PostgreSQL cluster started");
  return cluster.url;
}

function pgPid(cluster: { pid: number } | null): number {
  if (cluster === null) throw new Error("no PostgreSQL cluster started");
  return cluster.pid;
}

async function main(): Promise<void> {
  ensureSystemDeps();
  // Only the Chromium and bundle figures need a fresh build.
  if (["bundle", "device", "field"].some((a) => selected.has(a))) buildApp();
  const rows: Row[] = [];
  await section(
    "bundle",
    async () =>
      (await benchBundle()).map((r) => ({ area: "bundle", ...r, target: targetText(r.target, r.unit) })),
    rows,
  );
  await section(
    "domain",
    async () =>
      (await benchDomain()).map((r) => ({ area: "domain", ...r, target: targetText(r.target, r.unit) })),
    rows,
  );
  await section(
    "device",
    async () => {
      const r = await benchClientEdit();
      return [
        {
          area: "device",
          name: "one local edit, Chromium, median",
          value: r.medianMs,
          unit: "ms",
          target: `≤ ${r.targetMs} ms`,
        },
        { area: "device", name: "one local edit, Chromium, p95", value: r.p95Ms, unit: "ms", target: "" },
      ];
    },
    rows,
  );
  await section(
    "field",
    async () =>
      (await benchDeviceField()).map((r) => ({ area: "field", ...r, target: targetText(r.target, r.unit) })),
    rows,
  );
  const needsPg = ["server", "poor-link", "load", "review", "national", "master", "scale"].some((a) =>
    selected.has(a),
  );
  const cluster = needsPg ? await startPgCluster() : null;
  try {
    await section(
      "server",
      async () =>
        (await benchSyncServer(pgUrl(cluster))).map((r) => ({
          area: "server",
          ...r,
          target: targetText(r.target, r.unit),
        })),
      rows,
    );
    await section(
      "poor-link",
      async () =>
        (await benchPoorLink(pgUrl(cluster))).map((r) => ({
          area: "poor-link",
          ...r,
          target: targetText(r.target, r.unit),
        })),
      rows,
    );
    await section(
      "load",
      async () =>
        (await benchLoad(pgUrl(cluster), pgPid(cluster))).map((r) => ({
          area: "load",
          ...r,
          target: targetText(r.target, r.unit),
        })),
      rows,
    );
    await section(
      "review",
      async () =>
        (await benchReview(pgUrl(cluster))).map((r) => ({
          area: "review",
          ...r,
          target: targetText(r.target, r.unit),
        })),
      rows,
    );
    await section(
      "national",
      async () =>
        (await benchNational(pgUrl(cluster))).map((r) => ({
          area: "national",
          ...r,
          target: targetText(r.target, r.unit),
        })),
      rows,
    );
    await section(
      "master",
      async () =>
        (await benchMasterData(pgUrl(cluster))).map((r) => ({
          area: "master",
          ...r,
          target: targetText(r.target, r.unit),
        })),
      rows,
    );
    await section(
      "scale",
      async () =>
        (await benchScale(pgUrl(cluster))).map((r) => ({
          area: "scale",
          ...r,
          target: targetText(r.target, r.unit),
        })),
      rows,
    );
  } finally {
    cluster?.stop();
  }

  const measuredAt = new Date().toISOString().slice(0, 10);
  const md = toMarkdown(rows, measuredAt);
  console.log(`\n${md}\n`);
  // A partial run must not overwrite the full table.
  if (selected.size < AREAS.length) return;
  mkdirSync(join(root, "bench-results"), { recursive: true });
  writeFileSync(join(root, "bench-results", "latest.json"), JSON.stringify({ measuredAt, rows }, null, 2));
  writeFileSync(join(root, "bench-results", "latest.md"), `${md}\n`);
  if (process.argv.includes("--readme")) {
    const readmePath = join(root, "README.md");
    const readme = readFileSync(readmePath, "utf8");
    const start = "<!-- bench:start -->";
    const end = "<!-- bench:end -->";
    const a = readme.indexOf(start);
    const b = readme.indexOf(end);
    if (a >= 0 && b > a) {
      writeFileSync(readmePath, `${readme.slice(0, a + start.length)}\n${md}\n${readme.slice(b)}`);
      console.log("README.md table updated");
    }
  }
}

await main();
