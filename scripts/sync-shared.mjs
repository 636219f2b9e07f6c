// Copies the default instrument and demo data from ../shared into the project's own assets/,
// so a clone of this repository alone has everything it needs. Run it when ../shared changes;
// tests/unit/shared-assets.test.ts fails while the copies differ.
import { copyFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const shared = join(root, "..", "shared");
const files = [
  ["instrument/ori-kepatuhan-2023.json", "assets/instrument/ori-kepatuhan-2023.json"],
  ["demo/kalbar.json", "assets/demo/kalbar.json"],
];
if (!existsSync(shared)) {
  console.error(`no ${shared}: nothing to copy`);
  process.exit(1);
}
for (const [from, to] of files) {
  copyFileSync(join(shared, from), join(root, to));
  console.log(`copied ${from} -> ${to}`);
}
