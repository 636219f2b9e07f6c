import { describe, expect, it } from "vitest";
import { canonicalJson, sameJson, uuidParam } from "./guard";

describe("sameJson (idempotent re-uploads)", () => {
  it("ignores key order, as jsonb does", () => {
    expect(sameJson({ a: 1, b: { c: [1, { d: 2, e: 3 }] } }, { b: { c: [1, { e: 3, d: 2 }] }, a: 1 })).toBe(
      true,
    );
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it("sees any change of value or array order", () => {
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(sameJson({ a: "1" }, { a: 1 })).toBe(false);
  });
});

describe("uuidParam", () => {
  it("lower-cases a uuid and answers anything else with 404", () => {
    expect(uuidParam("0D4F8A2E-1B3C-4D5E-8F90-A1B2C3D4E5F6")).toBe("0d4f8a2e-1b3c-4d5e-8f90-a1b2c3d4e5f6");
    expect(() => uuidParam("42")).toThrow(expect.objectContaining({ code: "not_found", status: 404 }));
  });
});
