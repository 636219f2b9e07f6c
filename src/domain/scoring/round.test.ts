import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BUILTIN_SCHEMES, bandFor, OPINI_2022, pemdaScore, roundHalfUp, ZONA_2021 } from "../index";

describe("roundHalfUp", () => {
  it.each([
    [52.855, 52.86],
    [52.845, 52.85],
    [1.005, 1.01],
    [0.125, 0.13],
    [60.80142857142857, 60.8],
    [99.99499999, 99.99],
    [99.995, 100],
    [0, 0],
    [100, 100],
    [2.675, 2.68],
    [-1.005, -1.01],
  ])("rounds %d to %d", (value, expected) => {
    expect(roundHalfUp(value, 2)).toBe(expected);
  });

  it.each([
    [1.005, 1.01],
    [0.285, 0.29],
    [1.015, 1.02],
    [8.575, 8.58],
    [10.075, 10.08],
  ])("gets %d right where the naive Math.round(x * 100) / 100 does not", (value, expected) => {
    // The naive form is what the contract warns about: it loses the half to binary representation.
    expect(Math.round(value * 100) / 100).toBeCloseTo(expected - 0.01, 10);
    expect(roundHalfUp(value)).toBe(expected);
  });

  it("rounds to other precisions", () => {
    expect(roundHalfUp(2.5, 0)).toBe(3);
    expect(roundHalfUp(1.2345, 3)).toBe(1.235);
  });

  it("never moves a value by more than half a unit of the last place", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), (x) => {
        const r = roundHalfUp(x, 2);
        expect(Math.abs(r - x)).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(roundHalfUp(r, 2)).toBe(r);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});

describe("pemdaScore", () => {
  it("Maluku Tenggara 2023: seven units → 60.80, category C, zona kuning", () => {
    const units = [49.85, 52.86, 55.09, 59.85, 62.06, 71.08, 74.82];
    const score = pemdaScore(units);
    expect(score).toBe(60.8);
    const opini = bandFor(60.8, OPINI_2022);
    expect(opini?.category).toBe("C");
    expect(opini?.label.id).toBe("Kualitas Sedang");
    expect(opini?.zone.label.id).toBe("Kuning");
    expect(bandFor(60.8, ZONA_2021)?.zone.colour).toBe("kuning");
  });

  it("the built-in schemes are the exported constants", () => {
    expect(BUILTIN_SCHEMES["opini-2022"]).toBe(OPINI_2022);
    expect(BUILTIN_SCHEMES["zona-2021"]).toBe(ZONA_2021);
    expect(JSON.parse(JSON.stringify(BUILTIN_SCHEMES))).toEqual(BUILTIN_SCHEMES);
  });

  it("does not depend on the order of the units", () => {
    expect(pemdaScore([74.82, 49.85, 62.06, 52.86, 71.08, 55.09, 59.85])).toBe(60.8);
  });

  it("is null without units and rounds half-up", () => {
    expect(pemdaScore([])).toBeNull();
    expect(pemdaScore([50.01, 50.02])).toBe(50.02); // 50.015
    expect(pemdaScore([80])).toBe(80);
  });
});
