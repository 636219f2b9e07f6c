import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DELETE, edited } from "../../../tests/fixtures/domain/json-edit";
import {
  type AnswerValue,
  type AssessmentContent,
  computeDimensionScores,
  type Instrument,
  orderedIndicators,
  parseInstrument,
  serialiseInstrument,
} from "../index";

const FILE = join(import.meta.dirname, "..", "..", "..", "assets", "instrument", "maladministrasi-2025.json");
const json = (): unknown => JSON.parse(readFileSync(FILE, "utf8"));

function load(): Instrument {
  const parsed = parseInstrument(json());
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.instrument;
}
const instrument = load();

/** Every interview and observation answered at its best (or worst) option, one user, 4+2 officials. */
function content(best: boolean): AssessmentContent {
  const respondents = [
    ...["p1", "p2", "p3", "p4"].map((id) => ({
      id,
      kind: "official" as const,
      profile: { role: "pejabat" },
    })),
    ...["k1", "k2"].map((id) => ({ id, kind: "official" as const, profile: { role: "petugas_pengaduan" } })),
    {
      id: "u1",
      kind: "user" as const,
      profile: { role: "pengguna", mode: "phone", callAt: "2025-08-01T09:00:00Z" },
    },
  ];
  const answers: Record<string, AnswerValue> = {};
  for (const { indicator, scale } of orderedIndicators(instrument)) {
    if (indicator.source?.kind === "secondary") continue;
    const options = scale.kind === "options" ? scale.options.filter((o) => o.value !== null) : [];
    const sorted = [...options].sort((a, b) => (a.value ?? 0) - (b.value ?? 0));
    const pick = best ? sorted[sorted.length - 1] : sorted[0];
    const value = pick?.code ?? pick?.value ?? null;
    const ids =
      indicator.source?.kind === "interview"
        ? respondents
            .filter(
              (r) => r.profile.role === (indicator.source?.kind === "interview" ? indicator.source.role : ""),
            )
            .map((r) => `${indicator.id}@${indicator.level}:${r.id}`)
        : [indicator.id];
    for (const base of ids) {
      if (indicator.media === undefined) answers[base] = value;
      else for (const part of indicator.media) answers[`${base}#${part}`] = value;
    }
  }
  return {
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    answers,
    notes: {},
    products: [],
    respondents,
    evidence: [],
  };
}

describe("maladministrasi-2025 (the shipped 2025 instrument)", () => {
  it("is a format-2 file that serialises back to itself", () => {
    expect(instrument.format).toBe(2);
    expect(serialiseInstrument(instrument)).toEqual(json());
  });

  it("weighs the four dimensions 70 % and public trust 30 %, every unpublished weight marked inferred", () => {
    expect(instrument.groups?.map((g) => [g.id, g.weight, g.weightProvenance])).toEqual([
      ["DIM", 70, "sourced"],
      ["KP", 30, "sourced"],
    ]);
    expect(instrument.dimensions.map((d) => [d.id, d.weight, d.weightProvenance])).toEqual([
      ["IN", 17.5, "inferred"],
      ["PR", 17.5, "inferred"],
      ["OUT", 17.5, "inferred"],
      ["PG", 17.5, "inferred"],
      ["KP", 30, "sourced"],
    ]);
    const out = instrument.dimensions.find((d) => d.id === "OUT");
    expect(out?.variables.flatMap((v) => v.indicators.map((i) => i.source?.kind))).toEqual(
      Array(4).fill("secondary"),
    );
    expect(orderedIndicators(instrument).every((e) => e.indicator.weightProvenance === "inferred")).toBe(
      true,
    );
    expect(instrument.roles?.find((r) => r.id === "pengguna")).toMatchObject({
      scope: "locus",
      quota: 30,
      modes: ["on_site", "phone"],
    });
  });

  it("scores 100 with every answer and every secondary value at its best, and marks Output as secondary", () => {
    const secondary = { "OUT.SD.01": 3, "OUT.SD.02": 3, "OUT.SD.03": 3, "OUT.SD.04": 3 };
    const s = computeDimensionScores(instrument, content(true), { secondary });
    expect(s.total).toBe(100);
    expect(s.composite?.map((g) => [g.id, g.points])).toEqual([
      ["DIM", 70],
      ["KP", 30],
    ]);
    expect(s.dimensions.find((d) => d.id === "OUT")).toMatchObject({ points: 17.5, secondary: true });
  });

  it("takes the locus's secondary values: without them Output gives 0 points (never re-weighted)", () => {
    const without = computeDimensionScores(instrument, content(true));
    expect(without.total).toBe(82.5); // 70 × 3/4 + 30
    const half = computeDimensionScores(instrument, content(true), {
      secondary: { "OUT.SD.01": 3, "OUT.SD.02": 0, "OUT.SD.03": 3, "OUT.SD.04": 0 },
    });
    expect(half.total).toBe(91.25); // 70 × (3 + 0.5)/4 + 30
    expect(computeDimensionScores(instrument, content(false), { secondary: {} }).total).toBe(0);
  });

  it("reports every error with its JSON path", () => {
    const broken = edited(
      edited(
        edited(json(), "$.groups[1].weight", 31),
        "$.groups[0].groups[0].groups[0].indicators[0].source.role",
        "kepala",
      ),
      "$.groups[0].groups[1].weightProvenance",
      DELETE,
    );
    const result = parseInstrument(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { path: "$.groups", message: expect.stringMatching(/sum to 100, but they sum to 101/) },
        {
          path: "$.groups[0].groups[0].groups[0].indicators[0].source.role",
          message: expect.stringMatching(/unknown role "kepala"/),
        },
        { path: "$.groups[0].groups[1].weightProvenance", message: expect.stringMatching(/missing/) },
      ]),
    );
  });
});
