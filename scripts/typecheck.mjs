// Type-checks each tsconfig project on its own, so the compiler keeps the rooms apart:
// domain has neither DOM nor Node types, the client has DOM, the server Node, the worker WebWorker.
import { spawnSync } from "node:child_process";

const projects = [
  "src/domain/tsconfig.json",
  "src/client/tsconfig.json",
  "src/server/tsconfig.json",
  "service-worker/tsconfig.json",
  "tsconfig.tests.json",
];
let failed = 0;
for (const project of projects) {
  const r = spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", project], {
    stdio: "inherit",
  });
  if (r.status !== 0) {
    failed++;
    console.error(`typecheck failed: ${project}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
