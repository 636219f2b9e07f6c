// Precompresses the built PWA (dist/client, or the directory given as the first argument): every
// text asset of at least 1 KiB gets a `.br` (brotli, best quality) and a `.gz` (gzip -9) sibling,
// written once at build so the server never spends CPU compressing static files
// (src/server/http/static.ts serves them with Content-Encoding and Vary: Accept-Encoding).
// A sibling is kept only when it is smaller than the file. Stale siblings of a previous build are
// removed first (Vite empties outDir, but a hand-run must not leave old bytes behind).

import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = process.argv[2] ?? join(root, "dist", "client");
const TEXT = new Set([".js", ".mjs", ".css", ".html", ".json", ".webmanifest", ".svg", ".txt", ".map"]);
const MIN_BYTES = 1024;

function* files(d) {
  for (const entry of readdirSync(d, { withFileTypes: true })) {
    const full = join(d, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

let written = 0;
let before = 0;
let after = 0;
for (const file of [...files(dir)]) {
  if (file.endsWith(".br") || file.endsWith(".gz")) {
    rmSync(file);
  }
}
for (const file of [...files(dir)]) {
  if (!TEXT.has(extname(file).toLowerCase()) || statSync(file).size < MIN_BYTES) continue;
  const data = readFileSync(file);
  const br = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
  const gz = gzipSync(data, { level: constants.Z_BEST_COMPRESSION });
  if (br.length < data.length) writeFileSync(`${file}.br`, br);
  if (gz.length < data.length) writeFileSync(`${file}.gz`, gz);
  written += 1;
  before += data.length;
  after += br.length;
}
console.log(
  `precompressed ${written} files in ${dir}: ${(before / 1024).toFixed(1)} KiB → ${(after / 1024).toFixed(1)} KiB brotli`,
);
