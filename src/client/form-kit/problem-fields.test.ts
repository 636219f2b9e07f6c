import { describe, expect, it } from "vitest";
import { byField, differs, problemMessages } from "./problem-fields";

describe("problemMessages", () => {
  const fields = ["code", "name", "kind", "products"];

  it("puts each body issue under its field, the first per field, and keeps unknown paths form-level", () => {
    const m = problemMessages(
      {
        code: "invalid_body",
        path: "name",
        issues: [
          { path: "name", message: "required" },
          { path: "name", message: "too long" },
          { path: "products.2", message: "Invalid length" },
          { path: "secret", message: "x" },
        ],
      },
      fields,
    );
    expect(m).toEqual([
      { field: "name", code: "invalid_body", detail: "required" },
      { field: "products", code: "invalid_body", detail: "Invalid length" },
      { field: undefined, code: "invalid_body", detail: "x" },
    ]);
    expect(Object.keys(byField(m))).toEqual(["name", "products"]);
  });

  it("maps a conflict with a path (a taken code) to that field", () => {
    expect(problemMessages({ code: "already_exists", path: "code" }, fields)).toEqual([
      { field: "code", code: "already_exists", detail: undefined },
    ]);
  });

  it("keeps an error without a path (network, forbidden) at form level", () => {
    expect(problemMessages({ code: "network" }, fields)).toEqual([
      { field: undefined, code: "network", detail: undefined },
    ]);
  });

  it("reads JSON-path style paths ($.name)", () => {
    expect(problemMessages({ code: "invalid_body", path: "$.kind" }, fields)[0]?.field).toBe("kind");
  });
});

describe("differs", () => {
  it("sees a changed list and an unchanged object", () => {
    expect(differs({ a: ["x", "y"] }, { a: ["y", "x"] })).toBe(true);
    expect(differs({ a: "1", b: true }, { a: "1", b: true })).toBe(false);
  });
});
