import { describe, expect, it } from "vitest";
import { ApiError } from "../api/http";
import { loginErrorFor } from "./login-errors";

describe("loginErrorFor", () => {
  it.each([
    [new ApiError("invalid_credentials", 401, "x"), "errorInvalidCredentials"],
    [new ApiError("rate_limited", 429, "x"), "errorRateLimited"],
    [new ApiError("too_many_attempts", 429, "x"), "errorRateLimited"],
    [new ApiError("network", 0, "Failed to fetch"), "errorNetwork"],
    [new ApiError("server_error", 503, "x"), "errorServer"],
    [new ApiError("unknown_field", 400, "x"), "errorUnexpected"],
    [new Error("boom"), "errorUnexpected"],
  ])("%s → %s", (error, key) => {
    expect(loginErrorFor(error).key).toBe(key);
  });

  it("keeps the code of an unexpected error so it can be quoted", () => {
    expect(loginErrorFor(new ApiError("unknown_field", 400, "x")).code).toBe("unknown_field");
  });
});
