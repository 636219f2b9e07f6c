// Bundles the server CLI (src/server/cli/main.ts) into dist/server/main.js. npm packages stay
// external (resolved from node_modules at run time); assets/ are read at run time from the package
// root, which the bundle finds by walking up to package.json.

import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// `--outdir DIR` (relative to the package root) builds elsewhere, e.g. to check a bundle without
// replacing the one `node bin/patuh.js` would pick up.
const outArg = process.argv.indexOf("--outdir");
const outdir = outArg > 0 ? join(root, process.argv[outArg + 1] ?? "") : join(root, "dist", "server");
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [join(root, "src", "server", "cli", "main.ts")],
  outfile: join(outdir, "main.js"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
  legalComments: "none",
});
console.log(`built ${join(outdir, "main.js")}`);
