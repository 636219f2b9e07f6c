import { describe, expect, it } from "vitest";
import { edited } from "../../../tests/fixtures/domain/json-edit";
import {
  type BandingScheme,
  BUILTIN_SCHEMES,
  bandFor,
  OPINI_2022,
  parseBandingScheme,
  summariseBand,
  ZONA_2021,
} from "../index";

describe("opini-2022 bands", () => {
  it.each([
    [100, "A", "Hijau"],
    [88.0, "A", "Hijau"],
    [87.99, "B", "Hijau"],
    [78.0, "B", "Hijau"],
    [77.99, "C", "Kuning"],
    [75.78, "C", "Kuning"], // Singkawang 2022
    [54.0, "C", "Kuning"],
    [53.99, "D", "Merah"],
    [32.0, "D", "Merah"],
    [31.99, "E", "Merah"],
    [0, "E", "Merah"],
  ])("%d → %s / %s", (score, category, zone) => {
    const band = bandFor(score, OPINI_2022);
    expect(band?.category).toBe(category);
    expect(band?.zone.label.id).toBe(zone);
  });
});

describe("zona-2021 bands", () => {
  it.each([
    [100, "Hijau", "Kepatuhan Tinggi"],
    [98.78, "Hijau", "Kepatuhan Tinggi"], // Pontianak 2021
    [81.0, "Hijau", "Kepatuhan Tinggi"],
    [80.99, "Kuning", "Kepatuhan Sedang"],
    [68.34, "Kuning", "Kepatuhan Sedang"], // Singkawang 2021
    [51.0, "Kuning", "Kepatuhan Sedang"],
    [50.99, "Merah", "Kepatuhan Rendah"],
    [0, "Merah", "Kepatuhan Rendah"],
  ])("%d → %s (%s)", (score, zone, label) => {
    const band = bandFor(score, ZONA_2021);
    expect(band?.zone.label.id).toBe(zone);
    expect(band?.label.id).toBe(label);
  });
});

describe("bandFor edges", () => {
  it("has no band for scores outside the scale or not a number", () => {
    expect(bandFor(-0.01, OPINI_2022)).toBeNull();
    expect(bandFor(Number.NaN, OPINI_2022)).toBeNull();
  });
  it("does not care about the listing order of a hand-built scheme", () => {
    const reversed: BandingScheme = { ...OPINI_2022, bands: [...OPINI_2022.bands].reverse() };
    expect(bandFor(88, reversed)?.category).toBe("A");
    expect(bandFor(53.99, reversed)?.category).toBe("D");
  });
  it("summarises a band for results", () => {
    expect(summariseBand(bandFor(60.8, OPINI_2022)!)).toEqual({
      category: "C",
      label: "Kualitas Sedang",
      zone: "Kuning",
      colour: "kuning",
    });
  });
});

describe("parseBandingScheme", () => {
  it("accepts the built-in schemes as data (JSON round trip)", () => {
    for (const scheme of Object.values(BUILTIN_SCHEMES)) {
      const parsed = parseBandingScheme(JSON.parse(JSON.stringify(scheme)));
      expect(parsed).toEqual({ ok: true, scheme });
    }
  });

  const good = (): unknown => JSON.parse(JSON.stringify(OPINI_2022));
  const reversedBands = [...OPINI_2022.bands].reverse();
  it.each<[string, unknown, string, RegExp]>([
    ["not an object", [], "$", /must be a JSON object/],
    [
      "bands out of order",
      edited(good(), "$.bands", reversedBands),
      "$.bands[1].min",
      /ordered from the highest/,
    ],
    ["duplicate min", edited(good(), "$.bands[1].min", 88), "$.bands[1].min", /also the min/],
    ["lowest min not 0", edited(good(), "$.bands[4].min", 5), "$.bands", /lowest band must start at 0/],
    ["min above 100", edited(good(), "$.bands[0].min", 101), "$.bands[0].min", /within 0–100/],
    [
      "missing Indonesian label",
      edited(good(), "$.bands[2].label", { en: "Medium" }),
      "$.bands[2].label.id",
      /missing/,
    ],
    [
      "bad colour",
      edited(good(), "$.bands[0].zone.colour", "green"),
      "$.bands[0].zone.colour",
      /hijau, kuning, merah or a #rrggbb/,
    ],
    ["empty bands", edited(good(), "$.bands", []), "$.bands", /at least one band/],
    ["duplicate category", edited(good(), "$.bands[1].category", "A"), "$.bands[1].category", /used twice/],
    ["min not a number", edited(good(), "$.bands[3].min", "32"), "$.bands[3].min", /finite number/],
    ["an unknown field", edited(good(), "$.bands[0].colour", "hijau"), "$.bands[0].colour", /unknown field/],
  ])("rejects %s", (_name, input, path, message) => {
    const result = parseBandingScheme(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it("never throws", () => {
    for (const input of [null, 1, "x", [], {}, { bands: [null, 1, [], {}] }])
      expect(parseBandingScheme(input).ok).toBe(false);
  });

  it("accepts hex colours and a custom 2025-style scheme", () => {
    const result = parseBandingScheme({
      id: "maladmin-2025",
      name: { id: "Penilaian Maladministrasi 2025" },
      bands: [
        {
          category: "Baik",
          min: 70.5,
          label: { id: "Minim Maladministrasi" },
          zone: { label: { id: "Hijau" }, colour: "#1a7f37" },
        },
        {
          category: "Buruk",
          min: 0,
          label: { id: "Rawan Maladministrasi" },
          zone: { label: { id: "Merah" }, colour: "merah" },
        },
      ],
    });
    expect(result.ok).toBe(true);
    if (result.ok) expect(bandFor(70.5, result.scheme)?.category).toBe("Baik");
  });
});
