// The preview's made-up sheet must make the assessor's card show every item exactly as it will be
// asked: once per item (one sample instance), interview items under their own role, secondary-data
// items with no answer block, and nothing answered.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { outlineOf } from "../../checklist/outline";
import { cardInstances } from "../../checklist/role-instances";
import { previewOf } from "./preview-model";

const ROOT = join(import.meta.dirname, "../../../../..");
const load = (name: string): unknown =>
  JSON.parse(readFileSync(join(ROOT, "assets", "instrument", name), "utf8"));

describe("the admin's instrument preview model", () => {
  it("a 2025 instrument: roles with quota, scope and phone; every item shown once, secondary items without a block", () => {
    const result = previewOf(load("maladministrasi-2025.json"), "Produk contoh");
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { instrument, sheet, roles } = result.preview;
    expect(roles.map((r) => [r.id, r.quota, r.scope, r.phone])).toEqual([
      ["pejabat", 4, "unit", false],
      ["petugas_pengaduan", 2, "unit", false],
      ["pengguna", 30, "locus", true],
    ]);
    expect(sheet.respondents.map((r) => r.profile.role)).toEqual([
      "pejabat",
      "petugas_pengaduan",
      "pengguna",
    ]);
    expect(sheet.products.map((p) => p.name)).toEqual(["Produk contoh"]);
    expect(sheet.answers).toEqual({});
    const entries = outlineOf(instrument).flatMap((s) => s.entries);
    expect(entries.length).toBeGreaterThan(10);
    let secondary = 0;
    let interviews = 0;
    for (const entry of entries) {
      const { instances, role } = cardInstances(instrument, entry, sheet);
      const source = entry.indicator.source;
      if (source?.kind === "secondary") {
        secondary += 1;
        expect(instances).toEqual([]);
      } else {
        expect(instances, entry.indicator.id).toHaveLength(1);
      }
      if (source?.kind === "interview") {
        interviews += 1;
        expect(role?.id).toBe(source.role);
      }
    }
    expect(secondary).toBeGreaterThan(0);
    expect(interviews).toBeGreaterThan(0);
  });

  it("a format-1 instrument: one sample official and one sample user, no roles", () => {
    const result = previewOf(load("ori-kepatuhan-2023.json"), "Sample");
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { instrument, sheet, roles } = result.preview;
    expect(roles).toEqual([]);
    expect(sheet.respondents.map((r) => r.kind)).toEqual(["official", "user"]);
    for (const entry of outlineOf(instrument).flatMap((s) => s.entries)) {
      expect(cardInstances(instrument, entry, sheet).instances, entry.indicator.id).toHaveLength(1);
    }
  });

  it("an instrument the device could not read is not previewed: the parser's errors with their paths", () => {
    const broken = load("maladministrasi-2025.json") as Record<string, unknown>;
    const result = previewOf({ ...broken, roles: "none" }, "x");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.some((e) => e.path.startsWith("$.roles"))).toBe(true);
  });
});
