import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_LIFETIME_MS } from "../../../src/server/auth/sessions";
import { addUser, startTestServer, type TestServer } from "../../helpers/test-server";

let s: TestServer;
const PASSWORD = "correct horse battery";

beforeAll(async () => {
  s = await startTestServer();
  await addUser(s.db, { username: "andi", password: PASSWORD, name: "Andi Pratama", role: "assessor" });
  await addUser(s.db, { username: "retired", password: PASSWORD, active: false });
});
afterAll(async () => {
  await s?.close();
});

describe("POST /api/v1/session", () => {
  it("logs in and sets a strict, http-only session cookie", async () => {
    const c = s.client();
    const res = await c.post("/api/v1/session", { username: "andi", password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      user: {
        id: expect.any(String),
        username: "andi",
        name: "Andi Pratama",
        role: "assessor",
        officeId: "kalbar",
        officeName: "Office kalbar",
      },
    });
    const cookie = res.headers.getSetCookie().find((x) => x.startsWith("patuh_session=")) ?? "";
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/Max-Age=2592000/);
    expect(cookie).not.toMatch(/Secure/);
    const me = await c.get("/api/v1/session");
    expect(me.status).toBe(200);
    expect(me.json).toEqual(res.json);
  });

  it("usernames are case-insensitive", async () => {
    const res = await s.client().post("/api/v1/session", { username: "ANDI", password: PASSWORD });
    expect(res.status).toBe(200);
  });

  it("ignores a client-sent X-Forwarded-Proto without TRUST_PROXY (no Secure, no HSTS)", async () => {
    const res = await s.client().request("POST", "/api/v1/session", {
      json: { username: "andi", password: PASSWORD },
      headers: { "x-forwarded-proto": "https" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().join("\n")).not.toMatch(/; Secure/);
    expect(res.headers.get("strict-transport-security")).toBeNull();
  });

  it("marks the cookie Secure and sends HSTS behind a trusted https proxy", async () => {
    const proxied = await startTestServer({ testDb: s.testDb, config: { trustProxy: true } });
    try {
      const res = await proxied.client().request("POST", "/api/v1/session", {
        json: { username: "andi", password: PASSWORD },
        headers: { "x-forwarded-proto": "https" },
      });
      expect(res.status).toBe(200);
      expect(res.headers.getSetCookie().join("\n")).toMatch(/; Secure/);
      expect(res.headers.get("strict-transport-security")).toBe("max-age=31536000");
      const plain = await proxied.client().request("GET", "/api/v1/session");
      expect(plain.headers.get("strict-transport-security")).toBeNull();
    } finally {
      await proxied.close();
    }
  });

  it("answers unknown user, wrong password and deactivated user identically", async () => {
    const attempts = [
      { username: "nobody", password: PASSWORD },
      { username: "andi", password: "wrong password" },
      { username: "retired", password: PASSWORD },
    ];
    const answers = [];
    for (const a of attempts) {
      const res = await s.client().post("/api/v1/session", a);
      expect(res.headers.getSetCookie()).toEqual([]);
      answers.push({ status: res.status, body: res.json });
    }
    expect(answers[0]).toEqual({
      status: 401,
      body: { error: { code: "invalid_credentials", message: expect.any(String) } },
    });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it("rate limits after 10 failures in 15 minutes, even with the right password", async () => {
    await addUser(s.db, { username: "target", password: PASSWORD });
    const c = s.client();
    for (let i = 0; i < 10; i++) {
      const res = await c.post("/api/v1/session", { username: "target", password: `nope-${i}` });
      expect(res.status).toBe(401);
    }
    const limited = await c.post("/api/v1/session", { username: "Target", password: "nope" });
    expect(limited.status).toBe(429);
    expect((limited.json as { error: { code: string } }).error.code).toBe("rate_limited");
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    const right = await c.post("/api/v1/session", { username: "target", password: PASSWORD });
    expect(right.status).toBe(429);
    // Other usernames are not affected.
    expect((await c.post("/api/v1/session", { username: "andi", password: PASSWORD })).status).toBe(200);
    // The failures age out of the window.
    s.clock.advance(15 * 60 * 1000 + 1000);
    expect((await c.post("/api/v1/session", { username: "target", password: PASSWORD })).status).toBe(200);
  });
});

describe("GET/DELETE /api/v1/session", () => {
  it("401 without a cookie or with a forged one", async () => {
    const c = s.client();
    const none = await c.get("/api/v1/session");
    expect(none.status).toBe(401);
    expect(none.json).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });
    c.cookies.set("patuh_session", "forged-token");
    expect((await c.get("/api/v1/session")).status).toBe(401);
  });

  it("an expired session is 401; a used one is renewed", async () => {
    const c = s.client();
    expect((await c.post("/api/v1/session", { username: "andi", password: PASSWORD })).status).toBe(200);
    // Used after two days: still valid, and renewed (a fresh cookie is sent).
    s.clock.advance(2 * 24 * 3600 * 1000);
    const renewed = await c.get("/api/v1/session");
    expect(renewed.status).toBe(200);
    expect(renewed.headers.getSetCookie().join("\n")).toMatch(/patuh_session=.+Max-Age=2592000/);
    // 29 days later: would have expired without the renewal, still valid with it.
    s.clock.advance(29 * 24 * 3600 * 1000);
    expect((await c.get("/api/v1/session")).status).toBe(200);
    // Then unused for longer than the lifetime: expired.
    s.clock.advance(SESSION_LIFETIME_MS + 1000);
    const expired = await c.get("/api/v1/session");
    expect(expired.status).toBe(401);
    expect((expired.json as { error: { code: string } }).error.code).toBe("unauthenticated");
  });

  it("a session of a deactivated user stops working at once", async () => {
    const id = await addUser(s.db, { username: "leaver", password: PASSWORD });
    const c = s.client();
    expect((await c.post("/api/v1/session", { username: "leaver", password: PASSWORD })).status).toBe(200);
    await s.db.updateTable("users").set({ active: false }).where("id", "=", id).execute();
    expect((await c.get("/api/v1/session")).status).toBe(401);
  });

  it("logout deletes the session and clears the cookie", async () => {
    const c = s.client();
    expect((await c.post("/api/v1/session", { username: "andi", password: PASSWORD })).status).toBe(200);
    const token = c.cookies.get("patuh_session") ?? "";
    const out = await c.delete("/api/v1/session");
    expect(out.status).toBe(204);
    expect(out.text).toBe("");
    expect(out.headers.getSetCookie().join("\n")).toMatch(/patuh_session=;.*Max-Age=0/);
    // The old token no longer works, even if a client kept it.
    const replay = s.client();
    replay.cookies.set("patuh_session", token);
    expect((await replay.get("/api/v1/session")).status).toBe(401);
    // Logging out again is harmless.
    expect((await c.delete("/api/v1/session")).status).toBe(204);
  });

  it("never logged a server error", () => {
    expect(s.logged).toEqual([]);
  });
});
