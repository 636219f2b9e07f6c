// Bundle budget of the first screen: the JS and CSS a phone must download before it shows login or
// home, gzipped at level 9 (what a good CDN/server sends). Target ≤ 60 KB (KiB) on a cheap phone
// over 3G. Counted from dist/client/index.html: the entry script, its static imports (followed
// through the chunks, whether or not Vite emitted a modulepreload for them), modulepreload links and
// stylesheets. Dynamic imports (later screens) are deliberately not counted.
//
// Standalone: npx tsx bench/bundle.ts (builds dist/client first when it is missing).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { constants, gzipSync } from "node:zlib";

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target?: number;
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
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

/** Static imports of an ES module chunk: `import x from "./a.js"`, `import"./b.js"`, `export * from`. */
function staticImports(code: string): string[] {
  const found: string[] = [];
  const pattern = /\b(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.m?js)["']/g;
  for (const match of code.matchAll(pattern)) if (match[1]) found.push(match[1]);
  return found;
}

function toFile(clientDir: string, url: string): string {
  return join(clientDir, ...url.replace(/^\//, "").split("/"));
}

function gzipBytes(data: Buffer): number {
  return gzipSync(data, { level: constants.Z_BEST_COMPRESSION }).length;
}

export async function benchBundle(clientDir = join(root, "dist", "client")): Promise<BenchResult[]> {
  ensureBuilt(clientDir);
  const { scripts, styles } = htmlAssets(readFileSync(join(clientDir, "index.html"), "utf8"));

  const js = new Set<string>();
  const queue = scripts.map((s) => posix.normalize(s.startsWith("/") ? s : `/${s}`));
  while (queue.length > 0) {
    const url = queue.shift() as string;
    if (js.has(url) || /^[a-z]+:/i.test(url)) continue;
    js.add(url);
    const code = readFileSync(toFile(clientDir, url), "utf8");
    for (const spec of staticImports(code)) {
      if (spec.startsWith(".") || spec.startsWith("/")) queue.push(posix.resolve(posix.dirname(url), spec));
    }
  }

  let jsRaw = 0;
  let jsGzip = 0;
  for (const url of js) {
    const data = readFileSync(toFile(clientDir, url));
    jsRaw += data.length;
    jsGzip += gzipBytes(data);
  }
  let cssRaw = 0;
  let cssGzip = 0;
  for (const url of new Set(styles)) {
    const data = readFileSync(toFile(clientDir, url));
    cssRaw += data.length;
    cssGzip += gzipBytes(data);
  }

  const kib = (bytes: number) => Math.round((bytes / 1024) * 100) / 100;
  return [
    { name: "login/home route JS+CSS gzip", value: kib(jsGzip + cssGzip), unit: "KiB", target: BUDGET_KIB },
    { name: "login/home route JS gzip", value: kib(jsGzip), unit: "KiB" },
    { name: "login/home route CSS gzip", value: kib(cssGzip), unit: "KiB" },
    { name: "login/home route JS+CSS raw", value: kib(jsRaw + cssRaw), unit: "KiB" },
    { name: "login/home route file count", value: js.size + styles.length, unit: "files" },
  ];
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
