import { describe, expect, it } from "vitest";
import { StorageFullError } from "../db/errors";
import { classifyFailure } from "./classify";
import { HttpError, NetworkError } from "./transport";

describe("classifyFailure", () => {
  it.each([
    [new NetworkError("refused"), "offline", "offline", true],
    [new HttpError(503, "http_503", "down"), "error", "server_unavailable", true],
    [new HttpError(500, "internal", "bug"), "error", "server_unavailable", true],
    [new HttpError(429, "rate_limited", "slow down"), "error", "rate_limited", true],
    [new HttpError(401, "not_logged_in", "login"), "needs-login", "needs_login", false],
    [new HttpError(403, "client_mismatch", "other user"), "error", "client_mismatch", false],
    [new HttpError(400, "unknown_field", "bad"), "error", "push_refused", false],
    [new StorageFullError(), "error", "storage_full", false],
    [new Error("bug"), "error", "unexpected", true],
  ] as const)("%s → %s / %s (retry %s)", (error, state, key, retry) => {
    const c = classifyFailure(error);
    expect(c).toMatchObject({ state, retry, problem: { key } });
    expect(c.problem.words.id.length).toBeGreaterThan(10);
    expect(c.problem.words.en.length).toBeGreaterThan(10);
  });
});
