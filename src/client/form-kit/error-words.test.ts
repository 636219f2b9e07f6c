import { beforeAll, describe, expect, it } from "vitest";
import { AdminApiError } from "../api/admin-api";
import { ApiError } from "../api/http";
import { preloadStaffTexts, type Translate, translate } from "../i18n/i18n";
import { codeWords, errorWords, problemByField, problemTexts } from "./error-words";

const t: Translate = (key, vars) => translate("id", key, vars);

// The form kit serves staff screens, whose words load with the staff UI (i18n.ts).
beforeAll(() => preloadStaffTexts());

describe("the one table of error words", () => {
  it("words a known code the same for a page and for a form", () => {
    expect(errorWords(t, new ApiError("already_exists", 409, "x"))).toBe("Sudah dipakai; pilih yang lain.");
    expect(codeWords(t, "period_closed")).toBe("Periode sudah ditutup; hasilnya final.");
  });

  it("names an unknown code instead of saying nothing, and treats a non-API error as unexpected", () => {
    expect(codeWords(t, "teapot")).toContain("teapot");
    expect(errorWords(t, new Error("boom"))).toContain("unexpected");
  });
});

describe("problemByField (admin screens with their own state)", () => {
  const fields = ["username", "name", "officeId"] as const;

  it("puts every body issue under its field and keeps the rest form-level", () => {
    const error = new AdminApiError(new ApiError("invalid_body", 400, "x"), "name", [
      { path: "name", message: "required" },
      { path: "officeId", message: "Invalid type" },
      { path: "secret", message: "Unknown" },
    ]);
    const found = problemByField(t, error, fields);
    expect(found.fields).toEqual({ name: "Wajib diisi.", officeId: "Isian tidak sah. (Invalid type)" });
    expect(found.form).toBe("Isian tidak sah. (Unknown)");
  });

  it("maps a taken username (details.path) to the username field", () => {
    const error = new AdminApiError(new ApiError("already_exists", 409, "x"), "username", []);
    expect(problemTexts(t, error, fields)).toEqual([
      { field: "username", text: "Sudah dipakai; pilih yang lain." },
    ]);
  });

  it("keeps a network failure at form level", () => {
    const found = problemByField(t, new ApiError("network", 0, "offline"), fields);
    expect(found.fields).toEqual({});
    expect(found.form).toBe("Tidak ada sambungan ke server; coba lagi.");
  });
});
