// Issue #16: the optional TOTP second factor of staff accounts, over real HTTP on both databases.
// Enrolment takes effect only after a confirmed code and hands out ten recovery codes once; the
// password alone then opens no session; the second step takes a TOTP code (once per step) or a
// recovery code (once); wrong codes are throttled per account, atomically; the user disables it
// with a code; an admin of the user's office (or the central admin) resets it, another office's
// admin gets 404; and every step is in the audit log, without a secret or code.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOGIN_MAX_FAILURES } from "../../../src/server/auth/rate-limit";
import { totpCodeAt } from "../../../src/server/auth/totp";
import { addUser, type CookieClient, startTestServer, type TestServer } from "../../helpers/test-server";

let s: TestServer;
const PASSWORD = "kata sandi kepala 2026";
const ids: Record<string, string> = {};

beforeAll(async () => {
  s = await startTestServer();
  for (const [username, role, officeId] of [
    ["kepala", "supervisor", "kalbar"],
    ["kepala2", "supervisor", "kalbar"],
    ["kepala3", "supervisor", "kalbar"],
    ["admin-k", "admin", "kalbar"],
    ["admin-o", "admin", "other"],
    ["admin-p", "admin", "pusat"],
    ["penilai", "assessor", "kalbar"],
  ] as const) {
    ids[username] = await addUser(s.db, { username, password: PASSWORD, role, officeId });
  }
  await sql`update offices set is_central = true where id = 'pusat'`.execute(s.db);
});
afterAll(async () => {
  await s?.close();
});

interface Enrolled {
  secret: string;
  recoveryCodes: string[];
}

const api = (path: string) => `/api/v1${path}`;
const errorCode = (json: unknown) => (json as { error?: { code?: string } } | undefined)?.error?.code;
const now = () => s.clock.now();
/** The next 30-second step: a code the account has not used yet. */
const nextStep = () => s.clock.advance(30_000);

async function loggedIn(username: string): Promise<CookieClient> {
  const c = s.client();
  const r = await c.post(api("/session"), { username, password: PASSWORD });
  expect(r.status, r.text).toBe(200);
  return c;
}

async function enrol(username: string): Promise<Enrolled> {
  const c = await loggedIn(username);
  const start = await c.post(api("/account/second-factor/enrolment"), {});
  expect(start.status, start.text).toBe(201);
  const { secret } = start.json as { secret: string };
  nextStep();
  const confirm = await c.post(api("/account/second-factor/confirm"), { code: totpCodeAt(secret, now()) });
  expect(confirm.status, confirm.text).toBe(200);
  return { secret, recoveryCodes: (confirm.json as { recoveryCodes: string[] }).recoveryCodes };
}

/** The password step of a login: the client then holds the challenge cookie. */
async function passwordStep(username: string): Promise<CookieClient> {
  const c = s.client();
  const r = await c.post(api("/session"), { username, password: PASSWORD });
  expect(r.status, r.text).toBe(401);
  expect(errorCode(r.json)).toBe("second_factor_required");
  return c;
}

async function auditRows(action: string, username: string) {
  const r = await sql<{ outcome: string; detail: Record<string, unknown>; target_office_id: string | null }>`
    select outcome, detail, target_office_id from audit_log
    where action = ${action} and actor_username = ${username} order by id`.execute(s.db);
  return r.rows;
}

describe("enrolment", () => {
  let kepala: Enrolled;

  it("shows a QR code and the secret, and takes effect only once a code is confirmed", async () => {
    const c = await loggedIn("kepala");
    const status = await c.get(api("/account/second-factor"));
    expect(status.json).toEqual({ available: true, enabled: false, enabledAt: null, recoveryCodesLeft: 0 });
    const start = await c.post(api("/account/second-factor/enrolment"), {});
    expect(start.status).toBe(201);
    expect(start.headers.get("cache-control")).toBe("no-store");
    const body = start.json as { secret: string; secretGrouped: string; otpauthUri: string; qrSvg: string };
    expect(body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(body.secretGrouped.replaceAll(" ", "")).toBe(body.secret);
    expect(body.otpauthUri).toContain(`secret=${body.secret}`);
    expect(body.otpauthUri).toContain("Patuh:kepala");
    expect(body.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);

    // Not confirmed: the password alone still logs in.
    expect((await s.client().post(api("/session"), { username: "kepala", password: PASSWORD })).status).toBe(
      200,
    );

    const wrong = await c.post(api("/account/second-factor/confirm"), { code: "000000" });
    expect(wrong.status).toBe(400);
    expect(errorCode(wrong.json)).toBe("second_factor_code_wrong");
    nextStep();
    const ok = await c.post(api("/account/second-factor/confirm"), { code: totpCodeAt(body.secret, now()) });
    expect(ok.status, ok.text).toBe(200);
    const codes = (ok.json as { recoveryCodes: string[] }).recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    kepala = { secret: body.secret, recoveryCodes: codes };

    const after = (await c.get(api("/account/second-factor"))).json as Record<string, unknown>;
    expect(after).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    // Shown once: a second enrolment or confirmation is refused, the codes are not sent again.
    expect((await c.post(api("/account/second-factor/enrolment"), {})).status).toBe(409);
    expect((await c.post(api("/account/second-factor/confirm"), { code: "123456" })).status).toBe(409);
    // Stored hashed only.
    const stored = await sql<{ code_hash: string }>`
      select code_hash from user_recovery_codes where user_id = ${ids.kepala}`.execute(s.db);
    expect(stored.rows).toHaveLength(10);
    for (const row of stored.rows) {
      expect(row.code_hash).toMatch(/^[0-9a-f]{64}$/);
      for (const code of codes) expect(row.code_hash).not.toContain(code.replace("-", ""));
    }
  });

  it("is for staff only: an assessor cannot enrol", async () => {
    const c = await loggedIn("penilai");
    expect((await c.get(api("/account/second-factor"))).json).toMatchObject({
      available: false,
      enabled: false,
    });
    const r = await c.post(api("/account/second-factor/enrolment"), {});
    expect(r.status).toBe(403);
  });

  describe("login in two steps", () => {
    it("the right password alone opens no session; a current code does", async () => {
      const c = s.client();
      const first = await c.post(api("/session"), { username: "kepala", password: PASSWORD });
      expect(first.status).toBe(401);
      expect(first.json).toMatchObject({
        error: {
          code: "second_factor_required",
          details: { methods: ["totp", "recovery"], expiresInSeconds: 300 },
        },
      });
      const setCookie = first.headers.getSetCookie().join("\n");
      expect(setCookie).toMatch(/patuh_login_challenge=[^;]+;.*HttpOnly/i);
      expect(setCookie).toMatch(/Path=\/api\/v1\/session/);
      expect(setCookie).not.toContain("patuh_session=");
      expect((await c.get(api("/session"))).status).toBe(401);

      const wrong = await c.post(api("/session/second-factor"), { code: "000000" });
      expect(wrong.status).toBe(401);
      expect(errorCode(wrong.json)).toBe("second_factor_invalid");
      nextStep();
      const code = totpCodeAt(kepala.secret, now());
      const ok = await c.post(api("/session/second-factor"), { code });
      expect(ok.status, ok.text).toBe(200);
      expect(ok.json).toMatchObject({ user: { username: "kepala", role: "supervisor", officeId: "kalbar" } });
      expect((await c.get(api("/session"))).status).toBe(200);
      // The challenge is spent: the cookie is cleared and cannot be used again.
      expect(c.cookies.has("patuh_login_challenge")).toBe(false);

      // Replay: the same code on a fresh password step is refused, in the same 30 s window.
      const again = await passwordStep("kepala");
      const replay = await again.post(api("/session/second-factor"), { code });
      expect(replay.status).toBe(401);
      expect(errorCode(replay.json)).toBe("second_factor_invalid");
      // …and the code of the previous step too (older than the last used one).
      const older = totpCodeAt(kepala.secret, new Date(now().getTime() - 30_000));
      expect((await again.post(api("/session/second-factor"), { code: older })).status).toBe(401);
      // The next step's code, one step of drift ahead, is accepted.
      const ahead = totpCodeAt(kepala.secret, new Date(now().getTime() + 30_000));
      expect((await again.post(api("/session/second-factor"), { code: ahead })).status).toBe(200);
      s.clock.advance(60_000);
    });

    it("a recovery code works once", async () => {
      const code = kepala.recoveryCodes[3] ?? "";
      const c = await passwordStep("kepala");
      // Typed in capitals with a space instead of the hyphen: still the code.
      const ok = await c.post(api("/session/second-factor"), { code: code.toUpperCase().replace("-", " ") });
      expect(ok.status, ok.text).toBe(200);
      expect((await c.get(api("/account/second-factor"))).json).toMatchObject({ recoveryCodesLeft: 9 });
      const again = await passwordStep("kepala");
      const reused = await again.post(api("/session/second-factor"), { code });
      expect(reused.status).toBe(401);
      expect(errorCode(reused.json)).toBe("second_factor_invalid");
    });

    it("the step expires after five minutes, and there is none without the password", async () => {
      const c = await passwordStep("kepala");
      s.clock.advance(5 * 60_000 + 1000);
      const late = await c.post(api("/session/second-factor"), { code: totpCodeAt(kepala.secret, now()) });
      expect(late.status).toBe(401);
      expect(errorCode(late.json)).toBe("second_factor_expired");
      const none = await s
        .client()
        .post(api("/session/second-factor"), { code: totpCodeAt(kepala.secret, now()) });
      expect(errorCode(none.json)).toBe("second_factor_expired");
      nextStep();
    });
  });

  it("wrong codes are throttled per account, atomically, without spending the password budget", async () => {
    const enrolled = await enrol("kepala3");
    const c = await passwordStep("kepala3");
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        c.post(api("/session/second-factor"), { code: String(100000 + i) }).then((r) => r.status),
      ),
    );
    const checked = answers.filter((x) => x === 401).length;
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(LOGIN_MAX_FAILURES);
    expect(answers.filter((x) => x === 429).length).toBe(30 - checked);
    nextStep();
    const right = await c.post(api("/session/second-factor"), { code: totpCodeAt(enrolled.secret, now()) });
    expect(right.status).toBe(429);
    expect(right.headers.get("retry-after")).toBe("900");
    // The password itself is not locked: the owner still gets to the second step.
    await passwordStep("kepala3");
    // Once the window has passed, the right code gets through.
    s.clock.advance(15 * 60_000 + 1000);
    const later = await passwordStep("kepala3");
    const ok = await later.post(api("/session/second-factor"), { code: totpCodeAt(enrolled.secret, now()) });
    expect(ok.status, ok.text).toBe(200);
    expect((await auditRows("login.second_factor", "kepala3")).some((r) => r.outcome === "throttled")).toBe(
      true,
    );
  });

  it("the user disables it with a current code; the password alone then logs in again", async () => {
    const enrolled = await enrol("kepala2");
    nextStep();
    const c = await passwordStep("kepala2");
    expect(
      (await c.post(api("/session/second-factor"), { code: totpCodeAt(enrolled.secret, now()) })).status,
    ).toBe(200);
    const wrong = await c.post(api("/account/second-factor/disable"), { code: "000000" });
    expect(wrong.status).toBe(400);
    nextStep();
    const off = await c.post(api("/account/second-factor/disable"), {
      code: totpCodeAt(enrolled.secret, now()),
    });
    expect(off.status, off.text).toBe(204);
    expect((await c.get(api("/account/second-factor"))).json).toMatchObject({
      enabled: false,
      recoveryCodesLeft: 0,
    });
    expect((await s.client().post(api("/session"), { username: "kepala2", password: PASSWORD })).status).toBe(
      200,
    );
    const rows = await sql`select 1 from user_recovery_codes where user_id = ${ids.kepala2}`.execute(s.db);
    expect(rows.rows).toHaveLength(0);
  });

  it("an admin resets it: own office or central only; another office's admin gets 404, a supervisor 403", async () => {
    await enrol("kepala2");
    const reset = (who: CookieClient) => who.delete(api(`/users/${ids.kepala2}/second-factor`));
    const other = await loggedIn("admin-o");
    const refused = await reset(other);
    expect(refused.status).toBe(404);
    expect((await reset(await loggedIn("penilai"))).status).toBe(403);
    expect((await reset(s.client())).status).toBe(401);
    await passwordStep("kepala2"); // still on
    const own = await loggedIn("admin-k");
    expect((await reset(own)).status).toBe(204);
    expect((await s.client().post(api("/session"), { username: "kepala2", password: PASSWORD })).status).toBe(
      200,
    );
    // The central admin resets any office's user.
    await enrol("kepala2");
    expect((await reset(await loggedIn("admin-p"))).status).toBe(204);
    expect((await s.client().post(api("/session"), { username: "kepala2", password: PASSWORD })).status).toBe(
      200,
    );
    expect((await own.delete(api(`/users/${crypto.randomUUID()}/second-factor`))).status).toBe(404);

    const resets = await sql<{
      actor_username: string;
      outcome: string;
      target_id: string;
      target_office_id: string | null;
    }>`
      select actor_username, outcome, target_id, target_office_id from audit_log
      where action = 'second_factor.reset' order by id`.execute(s.db);
    expect(resets.rows.map((r) => [r.actor_username, r.outcome])).toEqual([
      ["admin-o", "refused"],
      ["penilai", "refused"],
      ["admin-k", "success"],
      ["admin-p", "success"],
      ["admin-k", "refused"],
    ]);
    expect(resets.rows[2]?.target_id).toBe(ids.kepala2);
    expect(resets.rows[3]?.target_office_id).toBe("kalbar");
  });
});

describe("the audit log", () => {
  it("records enrolment, both login steps, replay, disable and reset, never a secret or a code", async () => {
    const password = await auditRows("login.password", "kepala");
    expect(password.length).toBeGreaterThan(0);
    expect(password[0]).toMatchObject({ outcome: "success", detail: { secondFactor: "required" } });
    const second = await auditRows("login.second_factor", "kepala");
    expect(second.map((r) => [r.outcome, r.detail.method ?? r.detail.reason])).toEqual(
      expect.arrayContaining([
        ["failure", "wrong"],
        ["success", "totp"],
        ["failure", "replay"],
        ["success", "recovery"],
      ]),
    );
    // A wrong code, the right one, then a second confirmation (409: already on).
    expect((await auditRows("second_factor.enable", "kepala")).map((r) => r.outcome)).toEqual([
      "failure",
      "success",
      "failure",
    ]);
    expect((await auditRows("second_factor.disable", "kepala2")).map((r) => r.outcome)).toEqual([
      "failure",
      "success",
    ]);
    const everything = await sql<{
      row: string;
    }>`select row_to_json(a)::text as row from audit_log a`.execute(s.db);
    const secrets = await sql<{ secret: string }>`select secret from user_totp`.execute(s.db);
    for (const { row } of everything.rows) {
      for (const { secret } of secrets.rows) expect(row).not.toContain(secret);
      expect(row).not.toMatch(/"code"/);
    }
  });
});
