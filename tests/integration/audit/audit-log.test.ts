// Issue #16: the audit log. Every audited action writes one row (who, when, what, target, office,
// from where, outcome) and never a password; admins read their office's rows with filters and
// pages, as JSON and as CSV; another office's rows stay hidden; non-admins are refused; the table
// refuses updates and deletes.
import { parse } from "csv-parse/sync";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../helpers/test-server";
import { call, type Who } from "../admin/support";
import { as, create, fakeFile, m, sha256, uuid } from "../sync/api";
import { completeChecklist } from "../sync/complete";
import { createWorld, instrumentJson, type World } from "../sync/world";

let w: World;
const PASSWORD = "kata sandi rahasia 123";
let admin2Token = "";
let kalbarTarget = "";
const UA = "PatuhTest/1.0 (audit)";

interface Entry {
  id: string;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  outcome: string;
  targetKind: string | null;
  targetId: string | null;
  officeId: string | null;
  targetOfficeId: string | null;
  address: string | null;
  userAgent: string | null;
  detail: Record<string, unknown>;
}

async function login(username: string, password: string) {
  const res = await w.app.request("/api/v1/session", {
    method: "POST",
    headers: { "content-type": "application/json", "user-agent": UA },
    body: JSON.stringify({ username, password }),
  });
  return { status: res.status, cookie: res.headers.get("set-cookie")?.split(";")[0] ?? "" };
}

async function readLog(
  who: Exclude<Who, "anonymous"> | "admin2",
  query = "",
): Promise<{ status: number; entries: Entry[]; next: string | null }> {
  const headers = { cookie: `patuh_session=${who === "admin2" ? admin2Token : w.people[who].token}` };
  const res = await w.app.request(`/api/v1/audit-log${query}`, { headers });
  const body = (await res.json()) as { entries?: Entry[]; next?: string | null };
  return { status: res.status, entries: body.entries ?? [], next: body.next ?? null };
}

async function rowsOf(action: string): Promise<Entry[]> {
  return (await readLog("admin", `?action=${action}&limit=200`)).entries;
}

beforeAll(async () => {
  w = await createWorld();
  await addUser(w.db, { username: "kepala", password: PASSWORD, role: "supervisor", officeId: "kalbar" });
  const admin2 = await addUser(w.db, {
    username: "admin-other",
    password: PASSWORD,
    role: "admin",
    officeId: "other",
  });
  const { createSession } = await import("../../../src/server/auth/sessions");
  const { systemClock } = await import("../../../src/server/clock");
  admin2Token = (await createSession(w.db, systemClock, admin2)).token;
  kalbarTarget = await addUser(w.db, { username: "target-kalbar", password: PASSWORD, officeId: "kalbar" });
});
afterAll(async () => {
  await w?.close();
});

describe("the writers", () => {
  it("login success, failure and throttling, and logout, each write a row; no password anywhere", async () => {
    expect((await login("kepala", "salah sekali")).status).toBe(401);
    expect((await login("siapa-ini", "salah sekali")).status).toBe(401);
    const ok = await login("kepala", PASSWORD);
    expect(ok.status).toBe(200);
    const out = await w.app.request("/api/v1/session", { method: "DELETE", headers: { cookie: ok.cookie } });
    expect(out.status).toBe(204);

    const logins = await rowsOf("login");
    const kepala = logins.filter((e) => e.actorUsername === "kepala");
    expect(kepala.map((e) => e.outcome).sort()).toEqual(["failure", "success"]);
    expect(kepala.every((e) => e.officeId === "kalbar" && e.userAgent === UA && e.actorId !== null)).toBe(
      true,
    );
    // A failed login for an unknown name belongs to no office: only the central office reads it.
    expect(logins.some((e) => e.actorUsername === "siapa-ini")).toBe(false);
    const logout = await rowsOf("logout");
    expect(logout.map((e) => [e.actorUsername, e.outcome])).toEqual([["kepala", "success"]]);

    // Throttled: past the per-account limit the answer is 429 and the row says so.
    for (let i = 0; i < 12; i++) await login("kepala", `tebakan-${i}`);
    expect(
      (await rowsOf("login")).some((e) => e.actorUsername === "kepala" && e.outcome === "throttled"),
    ).toBe(true);

    const raw = await sql<{ t: string }>`select string_agg(audit_log::text, ' ') as t from audit_log`.execute(
      w.db,
    );
    expect(raw.rows[0]?.t ?? "").not.toContain(PASSWORD);
    expect(raw.rows[0]?.t ?? "").not.toContain("salah sekali");
  });

  it("user create, role change, disable and password reset name their target and its office", async () => {
    const created = await call(w, "admin", "POST", "/users", {
      username: "baru",
      name: "Baru",
      role: "assessor",
      officeId: "other",
      password: "sandi-awal-panjang",
    });
    expect(created.status).toBe(201);
    const newId = (created.body.user as { id: string }).id;
    expect((await call(w, "admin", "PATCH", `/users/${kalbarTarget}`, { role: "supervisor" })).status).toBe(
      200,
    );
    expect((await call(w, "admin", "PATCH", `/users/${kalbarTarget}`, { active: false })).status).toBe(200);
    expect(
      (await call(w, "admin", "POST", `/users/${kalbarTarget}/password`, { password: "sandi-baru-panjang" }))
        .status,
    ).toBe(200);
    // A refused attempt is recorded as refused, with the supervisor as actor.
    expect((await call(w, "sup", "POST", "/users", { username: "x" })).status).toBe(403);

    const create = (await rowsOf("user.create")).filter((e) => e.outcome === "success");
    expect(create).toHaveLength(1);
    expect(create[0]).toMatchObject({
      targetKind: "user",
      targetId: newId,
      targetOfficeId: "other",
      actorUsername: "admin",
    });
    expect(create[0]?.detail).toEqual({ username: "baru", role: "assessor" });
    const role = await rowsOf("user.role");
    expect(role[0]).toMatchObject({
      targetId: kalbarTarget,
      outcome: "success",
      detail: { role: "supervisor" },
    });
    expect((await rowsOf("user.disable"))[0]).toMatchObject({
      targetId: kalbarTarget,
      detail: { active: false },
    });
    const reset = await rowsOf("user.password_reset");
    expect(reset[0]).toMatchObject({ targetId: kalbarTarget, outcome: "success", detail: {} });
    const refused = (await rowsOf("user.create")).filter((e) => e.outcome === "refused");
    expect(refused.map((e) => e.actorUsername)).toEqual(["sup"]);
  });

  it("period create and close, approve and return, results export and evidence ZIP are recorded", async () => {
    const p = await call(w, "admin", "POST", "/periods", {
      officeId: "kalbar",
      year: 2027,
      name: "Audit",
      instrumentId: instrumentJson.id,
      instrumentVersion: instrumentJson.version,
      schemeId: "opini-2022",
    });
    expect(p.status).toBe(201);
    const pid = (p.body.period as { id: string }).id;
    expect((await rowsOf("period.create"))[0]).toMatchObject({
      targetKind: "period",
      targetId: pid,
      outcome: "success",
    });
    expect((await call(w, "admin", "PATCH", `/periods/${pid}`, { status: "closed" })).status).toBe(200);
    expect((await rowsOf("period.close"))[0]).toMatchObject({
      targetKind: "period",
      targetId: pid,
      outcome: "success",
    });

    // A submitted checklist: approve, undo, return.
    const id = uuid();
    const photo = fakeFile("jpeg", 2000);
    const sha = sha256(photo);
    expect((await as(w, "a1").putEvidence(sha, photo, "image/jpeg")).status).toBe(201);
    const full = [create(1, id, w.asg.a1), ...completeChecklist(id, 2, { sha256: sha, bytes: 2000 })];
    await as(w, "a1").push({
      clientId: uuid(),
      mutations: [...full, m(full.length + 1, "assessment.submit", { assessmentId: id })],
    });
    const rev = async () =>
      (await sql<{ revision: number }>`select revision from assessments where id = ${id}`.execute(w.db))
        .rows[0]?.revision ?? 0;
    expect(
      (
        await call(w, "sup", "POST", `/assessments/${id}/review`, {
          decision: "approve",
          revision: await rev(),
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call(w, "sup", "POST", `/assessments/${id}/review`, {
          decision: "undo_approval",
          revision: await rev(),
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call(w, "sup", "POST", `/assessments/${id}/review`, {
          decision: "return",
          revision: await rev(),
          comment: "Foto kabur",
        })
      ).status,
    ).toBe(200);
    // sup2 of another office cannot review it: refused, and the row points at kalbar's assessment.
    expect(
      (await call(w, "sup2", "POST", `/assessments/${id}/review`, { decision: "approve", revision: 1 }))
        .status,
    ).toBe(404);
    const reviews = await rowsOf("assessment");
    expect(reviews.filter((e) => e.actorUsername === "sup").map((e) => e.action)).toEqual([
      "assessment.return",
      "assessment.undo_approval",
      "assessment.approve",
    ]);
    expect(reviews.every((e) => e.targetId === id)).toBe(true);
    const sup2Row = reviews.find((e) => e.actorUsername === "sup2");
    expect(sup2Row).toMatchObject({ outcome: "refused", officeId: "other", targetOfficeId: "kalbar" });

    const csv = await as(w, "sup").raw(`/exports/report.csv?periodId=${w.periodId}`);
    expect(csv.status).toBe(200);
    await csv.arrayBuffer();
    const zip = await as(w, "sup").raw(`/exports/evidence.zip?assessmentId=${id}`);
    expect(zip.status).toBe(200);
    await zip.arrayBuffer();
    expect((await rowsOf("export.results"))[0]).toMatchObject({
      actorUsername: "sup",
      targetKind: "period",
      targetId: w.periodId,
      outcome: "success",
    });
    expect((await rowsOf("export.evidence_zip"))[0]).toMatchObject({
      targetKind: "assessment",
      targetId: id,
      outcome: "success",
    });
  });

  it("the table is append-only", async () => {
    await expect(sql`update audit_log set action = 'x'`.execute(w.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(w.db)).rejects.toThrow(/append-only/);
  });
});

describe("reading the log", () => {
  it("filters by action, user and time, and pages without overlap", async () => {
    const byUser = await readLog("admin", "?username=SUP&limit=200");
    expect(byUser.entries.length).toBeGreaterThan(0);
    expect(byUser.entries.every((e) => e.actorUsername === "sup")).toBe(true);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await readLog("admin", `?from=${encodeURIComponent(future)}`)).entries).toEqual([]);
    const past = new Date(Date.now() - 3_600_000).toISOString();
    expect((await readLog("admin", `?to=${encodeURIComponent(past)}`)).entries).toEqual([]);
    const all = (await readLog("admin", "?limit=200")).entries;
    const first = await readLog("admin", "?limit=3");
    expect(first.entries).toEqual(all.slice(0, 3));
    const second = await readLog("admin", `?limit=3&before=${first.next}`);
    expect(second.entries).toEqual(all.slice(3, 6));
    expect((await readLog("admin", "?limit=0")).status).toBe(400);
    expect((await readLog("admin", "?from=kemarin")).status).toBe(400);
  });

  it("an office admin sees their office only; the central admin sees all", async () => {
    const mine = (await readLog("admin", "?limit=200")).entries;
    expect(mine.every((e) => e.officeId === "kalbar" || e.targetOfficeId === "kalbar")).toBe(true);
    const theirs = (await readLog("admin2", "?limit=200")).entries;
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((e) => e.officeId === "other" || e.targetOfficeId === "other")).toBe(true);
    // The user created in "other" by kalbar's admin is visible to other's admin too.
    expect(theirs.some((e) => e.action === "user.create" && e.actorUsername === "admin")).toBe(true);
    expect((await readLog("admin2", "?officeId=kalbar")).status).toBe(403);
    const kalbarOnly = mine.find((e) => e.officeId === "kalbar" && e.targetOfficeId === null);
    const res = await w.app.request(`/api/v1/audit-log/${kalbarOnly?.id}`, {
      headers: { cookie: `patuh_session=${admin2Token}` },
    });
    expect(res.status).toBe(404);
    const own = await call(w, "admin", "GET", `/audit-log/${kalbarOnly?.id}`);
    expect(own.status).toBe(200);

    await sql`update offices set is_central = true where id = 'kalbar'`.execute(w.db);
    const every = (await readLog("admin", "?limit=200")).entries;
    expect(every.some((e) => e.actorUsername === "siapa-ini" && e.officeId === null)).toBe(true);
    expect(every.length).toBeGreaterThan(mine.length);
    await sql`update offices set is_central = false where id = 'kalbar'`.execute(w.db);
  });

  it("is refused to everyone but admins", async () => {
    expect((await call(w, "anonymous", "GET", "/audit-log")).status).toBe(401);
    expect((await call(w, "sup", "GET", "/audit-log")).status).toBe(403);
    expect((await call(w, "a1", "GET", "/audit-log.csv")).status).toBe(403);
    expect((await call(w, "admin", "DELETE", "/audit-log/1")).status).toBe(405);
  });

  it("exports CSV with ';', Indonesian headers, one line per row", async () => {
    const res = await as(w, "admin").raw("/audit-log.csv?action=user");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const text = await res.text();
    const records = parse(text.replace(/^\uFEFF/, ""), { delimiter: ";" }) as string[][];
    expect(records[0]?.slice(0, 5)).toEqual(["Waktu (UTC)", "Pengguna", "ID pengguna", "Tindakan", "Hasil"]);
    const json = (await readLog("admin", "?action=user&limit=200")).entries;
    expect(records.length - 1).toBe(json.length);
    expect(records[1]?.[3]).toBe(json[0]?.action);
    const comma = await (await as(w, "admin").raw("/audit-log.csv?action=user&separator=comma")).text();
    expect((parse(comma.replace(/^\uFEFF/, ""), { delimiter: "," }) as string[][])[0]?.[0]).toBe(
      "Waktu (UTC)",
    );
  });
});
