#!/usr/bin/env node
// Thin launcher: runs the esbuild bundle (dist/server/main.js) when it exists, otherwise the
// TypeScript source through tsx, so `node bin/patuh.js …` works in development and tests too.
// PATUH_FROM_SOURCE=1 forces the source (tests must not pick up a stale bundle).
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bundle = join(root, "dist", "server", "main.js");
const fromSource = process.env.PATUH_FROM_SOURCE === "1" || !existsSync(bundle);

let entry;
if (fromSource) {
  const { register } = await import("tsx/esm/api");
  register();
  entry = await import(pathToFileURL(join(root, "src", "server", "cli", "main.ts")).href);
} else {
  entry = await import(pathToFileURL(bundle).href);
}
await entry.main(process.argv.slice(2));
