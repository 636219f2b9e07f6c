// Byte budgets of the built app (issues #20 and #21), checked on the production build that
// scripts/test.mjs makes right before the e2e tier: every route's first download (JS + CSS, gzip
// level 9, the chunk graph followed from dist/client/.vite/manifest.json by bench/bundle.ts) within
// its budget, and every emitted chunk in the service worker's precache, so a chunk split off the
// first download (staff words, edit code, workbox-window, Dexie behind the home's first read) still
// loads offline.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { benchBundle, ROUTES, routeFiles } from "../../bench/bundle";
import { root } from "../../bench/support";

const clientDir = join(root, "dist", "client");

describe("bundle budgets of the built app", () => {
  it("keeps each route's first download within its budget (home/login ≤ 60 KiB, checklist ≤ 100 KiB gzip)", async () => {
    expect(existsSync(join(clientDir, ".vite", "manifest.json")), "run the build first").toBe(true);
    const results = await benchBundle(clientDir);
    const budgeted = ROUTES.filter((route) => route.budgetKiB !== undefined);
    expect(budgeted.map((route) => route.name)).toEqual(["login route", "home route", "checklist route"]);
    for (const route of budgeted) {
      const row = results.find((r) => r.name === `${route.name} JS+CSS gzip`);
      expect(row, route.name).toBeDefined();
      // A real figure (an empty walk would pass any budget): the entry alone is well over 10 KiB.
      expect(row?.value ?? 0, route.name).toBeGreaterThan(10);
      expect(row?.value ?? Number.POSITIVE_INFINITY, `${route.name} in KiB gzip`).toBeLessThanOrEqual(
        route.budgetKiB ?? 0,
      );
    }
  });

  it("shows the home's list without Dexie: the device layer is not on the home route's download", () => {
    // "MissingAPIError" is one of Dexie's own error names: in a built chunk it means Dexie is in it.
    const dexieIn = (file: string) => readFileSync(join(clientDir, file), "utf8").includes("MissingAPIError");
    expect(routeFiles(clientDir, "home route with device").some(dexieIn), "the marker finds Dexie").toBe(
      true,
    );
    expect(routeFiles(clientDir, "home route").filter(dexieIn)).toEqual([]);
  });

  it("precaches every emitted script and stylesheet, so lazily loaded parts work offline", () => {
    const sw = readFileSync(join(clientDir, "sw.js"), "utf8");
    const assets = readdirSync(join(clientDir, "assets")).filter((file) => /\.(js|css)$/.test(file));
    expect(assets.length).toBeGreaterThan(20);
    expect(assets.filter((file) => !sw.includes(`assets/${file}`))).toEqual([]);
  });
});
