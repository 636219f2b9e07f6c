import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The project ships its own copies of ../shared data; when ../shared is beside the clone they must match.
const root = join(import.meta.dirname, "..", "..");
const shared = join(root, "..", "shared");
const pairs = [
  ["instrument/ori-kepatuhan-2023.json", "assets/instrument/ori-kepatuhan-2023.json"],
  ["demo/kalbar.json", "assets/demo/kalbar.json"],
] as const;

describe("shipped assets", () => {
  for (const [from, to] of pairs) {
    it(`${to} is present and valid JSON`, () => {
      const own = readFileSync(join(root, to), "utf8");
      expect(() => JSON.parse(own)).not.toThrow();
    });
    it(`${to} follows ../shared/${from} (run scripts/sync-shared.mjs when this fails)`, () => {
      const sharedPath = join(shared, from);
      if (!existsSync(sharedPath)) return; // a clone without ../shared keeps its own copy
      expect(JSON.parse(readFileSync(join(root, to), "utf8"))).toEqual(
        JSON.parse(readFileSync(sharedPath, "utf8")),
      );
    });
  }
});
