import { defineConfig } from "vitest/config";

// Three tiers, run by scripts/test.mjs in order: unit (pure, fast, fake-indexeddb where needed),
// integration (real HTTP against PGlite, then again against a throwaway PostgreSQL cluster:
// PATUH_TEST_DB=pglite|postgres), e2e (playwright-core driving Debian's Chromium against the
// built app served by the real server).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "src/**/*.test.tsx", "tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // 2 cores: PGlite is single-threaded WASM; keep a little parallelism, not more.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
