// Bundle budget of the first screen: the JS and CSS a phone must download before it shows login or
// home (or the checklist), gzipped at level 9 (what a good CDN/server sends). Target ≤ 60 KB (KiB) on a cheap phone
// over 3G. Counted from dist/client/index.html: the entry script, its static imports (followed
// through the chunks, whether or not Vite emitted a modulepreload for them), modulepreload links and
// stylesheets. Dynamic imports (later screens) are deliberately not counted.
//
// Standalone: npx tsx bench/bundle.ts (builds dist/client first when it is missing).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";
import { pathToFileURL } from "node:url";
import { constants, gzipSync } from "node:zlib";
import { type BenchResult, root } from "./support";

const BUDGET_KIB = 60;

function ensureBuilt(clientDir: string): void {
  if (existsSync(join(clientDir, "index.html"))) return;
  const vite = join(root, "node_modules", "vite", "bin", "vite.js");
  const r = spawnSync(process.execPath, [vite, "build"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) throw new Error("vite build failed");
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, "i").exec(tag)?.[1];
}

/** Root-relative URLs of the scripts and stylesheets index.html loads up front. */
function htmlAssets(html: string): { scripts: string[]; styles: string[] } {
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, "src");
    if (src) scripts.push(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attr(tag, "rel")?.toLowerCase();
    const href = attr(tag, "href");
    if (!href) continue;
    if (rel === "modulepreload") scripts.push(href);
    if (rel === "stylesheet") styles.push(href);
  }
  return { scripts, styles };
}

function gzipBytes(data: Buffer): number {
  return gzipSync(data, { level: constants.Z_BEST_COMPRESSION }).length;
}

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** Files a set of chunks needs up front: each chunk, its static imports (transitively) and their CSS. */
function closure(manifest: Manifest, keys: string[]): { js: Set<string>; css: Set<string> } {
  const js = new Set<string>();
  const css = new Set<string>();
  const seen = new Set<string>();
  const queue = [...keys];
  while (queue.length > 0) {
    const key = queue.shift() as string;
    if (seen.has(key)) continue;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`bundle bench: ${key} is not in the Vite manifest`);
    js.add(chunk.file);
    for (const c of chunk.css ?? []) css.add(c);
    queue.push(...(chunk.imports ?? []));
  }
  return { js, css };
}

function sizeOf(clientDir: string, files: Iterable<string>): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const data = readFileSync(join(clientDir, file));
    raw += data.length;
    gzip += gzipBytes(data);
  }
  return { raw, gzip };
}

// The routes and the lazily loaded modules each one needs before it shows its first screen. Login
// needs only the entry. The home shows the device's real assignment list, tappable, read from
// IndexedDB without Dexie (screens/home/home-preview.tsx, db/raw-home-read.ts), while the device
// layer (Dexie, the sync engine) loads; "home route with device" adds what its panels (sync,
// storage, account) need, reported for reference. The checklist needs the device layer to paint.
// Budgets: first route ≤ 60 KiB (issue #21), checklist ≤ 100 KiB (issue #20); tests/e2e/bundle-budget
// .test.ts fails the build tier when one is exceeded.
export const ROUTES: { name: string; modules: string[]; budgetKiB: number | undefined }[] = [
  { name: "login route", modules: [], budgetKiB: BUDGET_KIB },
  {
    name: "home route",
    modules: ["src/client/screens/home/home-preview.tsx"],
    budgetKiB: BUDGET_KIB,
  },
  {
    name: "home route with device",
    modules: ["src/client/app/device-session.ts", "src/client/screens/home-screen.tsx"],
    budgetKiB: undefined,
  },
  {
    name: "checklist route",
    modules: ["src/client/app/device-session.ts", "src/client/screens/assessment-screen.tsx"],
    budgetKiB: 100,
  },
];

function readManifest(clientDir: string): Manifest {
  const manifestPath = join(clientDir, ".vite", "manifest.json");
  if (!existsSync(manifestPath)) throw new Error("no .vite/manifest.json: build with build.manifest on");
  return JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
}

function entryKeys(manifest: Manifest): string[] {
  return Object.entries(manifest)
    .filter(([, chunk]) => chunk.isEntry === true && chunk.file.endsWith(".js"))
    .map(([key]) => key)
    .filter((key) => key === "index.html");
}

/** The files (relative to clientDir) a route downloads before its first screen. */
export function routeFiles(clientDir: string, routeName: string): string[] {
  const route = ROUTES.find((r) => r.name === routeName);
  if (!route) throw new Error(`bundle bench: no route ${routeName}`);
  const manifest = readManifest(clientDir);
  const { js, css } = closure(manifest, [...entryKeys(manifest), ...route.modules]);
  return [...js, ...css];
}

export async function benchBundle(clientDir = join(root, "dist", "client")): Promise<BenchResult[]> {
  ensureBuilt(clientDir);
  const manifest = readManifest(clientDir);
  const entries = entryKeys(manifest);
  const kib = (bytes: number) => Math.round((bytes / 1024) * 100) / 100;
  const results: BenchResult[] = [];
  for (const route of ROUTES) {
    const { js, css } = closure(manifest, [...entries, ...route.modules]);
    const jsSize = sizeOf(clientDir, js);
    const cssSize = sizeOf(clientDir, css);
    results.push({
      name: `${route.name} JS+CSS gzip`,
      value: kib(jsSize.gzip + cssSize.gzip),
      unit: "KiB",
      ...(route.budgetKiB === undefined ? {} : { target: route.budgetKiB }),
    });
    results.push({ name: `${route.name} files`, value: js.size + css.size, unit: "files" });
  }
  // Cross-check with what index.html really references (an entry the manifest walk missed would show).
  const { scripts, styles } = htmlAssets(readFileSync(join(clientDir, "index.html"), "utf8"));
  const html = sizeOf(
    clientDir,
    [...scripts, ...styles].map((u) => posix.normalize(u).replace(/^\//, "")),
  );
  results.push({ name: "index.html scripts+styles gzip", value: kib(html.gzip), unit: "KiB" });
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await benchBundle();
  for (const r of results) {
    const target = r.target === undefined ? "" : ` (target ≤ ${r.target} ${r.unit})`;
    console.log(`${r.name}: ${r.value} ${r.unit}${target}`);
  }
  const over = results.filter((r) => r.target !== undefined && r.value > r.target);
  if (over.length > 0) process.exitCode = 1;
}
