// What the admin does and what it guarantees: users (deactivation ends sessions at once, no
// self-lockout, password reset), instruments and schemes (validation errors reach the client with
// their JSON paths, used versions are immutable), periods (references checked with paths; closing
// makes sync push refuse further mutations with period_closed; closed is final).
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, create, setAnswer, uuid } from "../sync/api";
import { createWorld, instrumentJson, type World } from "../sync/world";
import { call, issuesOf } from "./support";

let w: World;

beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => {
  await w?.close();
});

const sessionsOf = async (userId: string) =>
  Number(
    (await sql<{ n: string }>`select count(*) as n from sessions where user_id = ${userId}`.execute(w.db))
      .rows[0]?.n,
  );

describe("offices", () => {
  it("creates, lists, renames; a taken id is 409, a bad slug 400 with its path", async () => {
    expect((await call(w, "admin", "POST", "/offices", { id: "kalsel", name: "KP Kalsel" })).status).toBe(
      201,
    );
    const dup = await call(w, "admin", "POST", "/offices", { id: "kalsel", name: "Lagi" });
    expect(dup.status).toBe(409);
    expect(dup.body.error?.code).toBe("already_exists");
    const bad = await call(w, "admin", "POST", "/offices", { id: "Kal Sel", name: "x" });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.details?.path).toBe("id");
    const extra = await call(w, "admin", "POST", "/offices", { id: "kalteng", name: "x", extra: 1 });
    expect(extra.body.error?.code).toBe("unknown_field");
    const renamed = await call(w, "admin", "PATCH", "/offices/kalsel", { name: "Kantor Perwakilan Kalsel" });
    expect(renamed.body).toMatchObject({
      office: { id: "kalsel", name: "Kantor Perwakilan Kalsel", userCount: 0 },
    });
    expect((await call(w, "admin", "PATCH", "/offices/nowhere", { name: "x" })).status).toBe(404);
    const list = await call(w, "admin", "GET", "/offices");
    expect((list.body.offices as { id: string }[]).map((o) => o.id)).toEqual(["kalbar", "kalsel", "other"]);
  });
});

describe("users", () => {
  it("creates a user; usernames are unique case-insensitively; short passwords and unknown offices are refused", async () => {
    const body = {
      username: "Budi.S",
      name: "Budi",
      role: "assessor",
      officeId: "kalbar",
      password: "sepuluh-kar",
    };
    const r = await call(w, "admin", "POST", "/users", body);
    expect(r.status).toBe(201);
    expect(r.body.user).toMatchObject({
      username: "Budi.S",
      role: "assessor",
      officeId: "kalbar",
      active: true,
    });
    expect(JSON.stringify(r.body)).not.toMatch(/scrypt|hash/);
    const dup = await call(w, "admin", "POST", "/users", { ...body, username: "budi.s" });
    expect([dup.status, dup.body.error?.code, dup.body.error?.details?.path]).toEqual([
      409,
      "already_exists",
      "username",
    ]);
    const short = await call(w, "admin", "POST", "/users", { ...body, username: "c", password: "123456789" });
    expect([short.status, short.body.error?.details?.path]).toEqual([400, "password"]);
    const office = await call(w, "admin", "POST", "/users", { ...body, username: "d", officeId: "nowhere" });
    expect([office.status, office.body.error?.code, office.body.error?.details?.path]).toEqual([
      400,
      "invalid_reference",
      "officeId",
    ]);
    const login = await call(w, "anonymous", "POST", "/session", {
      username: "BUDI.s",
      password: "sepuluh-kar",
    });
    expect(login.status).toBe(200);
    const filtered = await call(w, "admin", "GET", "/users?officeId=other");
    expect((filtered.body.users as { username: string }[]).map((u) => u.username).sort()).toEqual([
      "a3",
      "sup2",
    ]);
  });

  it("deactivating a user ends their sessions at once: their next request is 401", async () => {
    expect((await call(w, "a2", "GET", "/session")).status).toBe(200);
    expect(await sessionsOf(w.people.a2.id)).toBe(1);
    const r = await call(w, "admin", "PATCH", `/users/${w.people.a2.id}`, { active: false });
    expect(r.status).toBe(200);
    expect(r.body.user).toMatchObject({ active: false });
    expect(await sessionsOf(w.people.a2.id)).toBe(0);
    const next = await call(w, "a2", "GET", "/session");
    expect([next.status, next.body.error?.code]).toEqual([401, "unauthenticated"]);
    const push = await as(w, "a2").push({ clientId: uuid(), mutations: [create(1, uuid(), w.asg.a2)] });
    expect(push.status).toBe(401);
    // Reactivated, they log in again with a fresh session (the old one stays gone).
    await call(w, "admin", "PATCH", `/users/${w.people.a2.id}`, { active: true });
    expect((await call(w, "a2", "GET", "/session")).status).toBe(401);
  });

  it("an admin can neither deactivate themself nor drop their own admin role", async () => {
    for (const patch of [{ active: false }, { role: "supervisor" }]) {
      const r = await call(w, "admin", "PATCH", `/users/${w.people.admin.id}`, patch);
      expect([r.status, r.body.error?.code]).toEqual([409, "self_lockout"]);
    }
    expect((await call(w, "admin", "GET", "/session")).status).toBe(200);
    const renamed = await call(w, "admin", "PATCH", `/users/${w.people.admin.id}`, { name: "Admin Pusat" });
    expect(renamed.status).toBe(200);
  });

  it("changes role and office; an unknown id is 404", async () => {
    const r = await call(w, "admin", "PATCH", `/users/${w.people.sup.id}`, {
      role: "assessor",
      officeId: "other",
    });
    expect(r.body.user).toMatchObject({ role: "assessor", officeId: "other" });
    const me = await call(w, "sup", "GET", "/session");
    expect(me.body.user).toMatchObject({ role: "assessor", officeId: "other" });
    await call(w, "admin", "PATCH", `/users/${w.people.sup.id}`, { role: "supervisor", officeId: "kalbar" });
    expect((await call(w, "admin", "PATCH", `/users/${uuid()}`, { name: "x" })).status).toBe(404);
    expect((await call(w, "admin", "PATCH", "/users/not-a-uuid", { name: "x" })).status).toBe(404);
  });

  it("moving an assessor to another office ends their teams there: the assignments leave their device", async () => {
    const moved = await createWorld();
    try {
      const a2 = as(moved, "a2");
      const device = uuid();
      const assessmentId = uuid();
      const started = await a2.push({ clientId: device, mutations: [create(1, assessmentId, moved.asg.a2)] });
      expect(started.body.results?.[0]?.status).toBe("applied");
      const before = await a2.pull(device);
      const r = await call(moved, "admin", "PATCH", `/users/${moved.people.a2.id}`, { officeId: "other" });
      expect(r.status).toBe(200);
      const teams = await sql<{ n: string }>`select count(*) as n from assignment_members
        where user_id = ${moved.people.a2.id}`.execute(moved.db);
      expect(Number(teams.rows[0]?.n)).toBe(0);
      // The office changed, so the next pull starts the device over (a reset) from what the user
      // may now see: neither the old office's assignment nor its checklist is in it.
      const after = await a2.pull(device, before.body.cursor);
      expect(after.status).toBe(200);
      expect(after.body.reset).toBe(true);
      const put = (type: string) =>
        (after.body.patch ?? []).flatMap((op) => (op.op === "put" && op.type === type ? [op.value] : []));
      expect(put("assignment")).toEqual([]);
      expect(put("assessment")).toEqual([]);
      // …and an edit queued on the device is refused in words, never applied.
      const late = await a2.push({
        clientId: device,
        mutations: [setAnswer(2, assessmentId, "IN.SP.01", 2)],
      });
      expect(late.body.results?.[0]).toMatchObject({
        status: "rejected",
        error: { code: "assignment_removed" },
      });
      // Renaming without a move leaves teams alone.
      const a1Teams = async () =>
        Number(
          (
            await sql<{ n: string }>`select count(*) as n from assignment_members
              where user_id = ${moved.people.a1.id}`.execute(moved.db)
          ).rows[0]?.n,
        );
      const kept = await a1Teams();
      await call(moved, "admin", "PATCH", `/users/${moved.people.a1.id}`, {
        name: "A Satu",
        officeId: "kalbar",
      });
      expect(await a1Teams()).toBe(kept);
    } finally {
      await moved.close();
    }
  });

  it("a password reset ends the user's sessions and the new password works", async () => {
    const created = await call(w, "admin", "POST", "/users", {
      username: "reset-me",
      name: "R",
      role: "assessor",
      officeId: "kalbar",
      password: "lama-lama-lama",
    });
    const id = (created.body.user as { id: string }).id;
    await call(w, "anonymous", "POST", "/session", { username: "reset-me", password: "lama-lama-lama" });
    expect(await sessionsOf(id)).toBe(1);
    const r = await call(w, "admin", "POST", `/users/${id}/password`, { password: "baru-baru-baru" });
    expect(r.body).toEqual({ sessionsEnded: 1 });
    expect(await sessionsOf(id)).toBe(0);
    const old = await call(w, "anonymous", "POST", "/session", {
      username: "reset-me",
      password: "lama-lama-lama",
    });
    expect(old.status).toBe(401);
    const fresh = await call(w, "anonymous", "POST", "/session", {
      username: "reset-me",
      password: "baru-baru-baru",
    });
    expect(fresh.status).toBe(200);
  });
});

describe("instruments", () => {
  it("lists the stored version as in use (a period uses it) and reads it", async () => {
    const list = await call(w, "admin", "GET", "/instruments");
    expect(list.body.instruments).toEqual([
      expect.objectContaining({ id: instrumentJson.id, version: instrumentJson.version, inUse: true }),
    ]);
    const one = await call(w, "admin", "GET", `/instruments/${instrumentJson.id}/${instrumentJson.version}`);
    expect(one.body.definition).toEqual(instrumentJson);
    expect((await call(w, "admin", "GET", `/instruments/${instrumentJson.id}/77`)).status).toBe(404);
  });

  it("sends the domain parser's errors with their JSON paths", async () => {
    const bad = { ...instrumentJson, version: 0, extra: true, title: { en: "No Indonesian" } };
    const r = await call(w, "admin", "POST", "/instruments", bad);
    expect([r.status, r.body.error?.code]).toEqual([400, "invalid_instrument"]);
    const issues = issuesOf(r);
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(["$.version", "$.extra", "$.title.id"]));
    expect(issues.every((i) => i.message.length > 0)).toBe(true);
    const notJson = await call(w, "admin", "POST", "/instruments", "{ not json");
    expect(notJson.body.error?.code).toBe("invalid_json");
    const notObject = await call(w, "admin", "POST", "/instruments", [1, 2]);
    expect(issuesOf(notObject)[0]?.path).toBe("$");
  });

  it("new version → 201; identical re-upload → 200; a used version cannot change; an unused one can be deleted", async () => {
    const v9 = { ...instrumentJson, version: 9 };
    const first = await call(w, "admin", "POST", "/instruments", v9);
    expect([first.status, first.body.created]).toEqual([201, true]);
    const again = await call(w, "admin", "POST", "/instruments", v9);
    expect([again.status, again.body.created]).toEqual([200, false]);
    const changed = { ...v9, title: { id: "Judul lain" } };
    const differs = await call(w, "admin", "POST", "/instruments", changed);
    expect([differs.status, differs.body.error?.code]).toEqual([409, "already_exists"]);
    const used = await call(w, "admin", "POST", "/instruments", {
      ...instrumentJson,
      title: { id: "Diubah" },
    });
    expect([used.status, used.body.error?.code]).toEqual([409, "instrument_in_use"]);
    const usedDelete = await call(
      w,
      "admin",
      "DELETE",
      `/instruments/${instrumentJson.id}/${instrumentJson.version}`,
    );
    expect([usedDelete.status, usedDelete.body.error?.code]).toEqual([409, "instrument_in_use"]);
    expect((await call(w, "admin", "DELETE", `/instruments/${instrumentJson.id}/9`)).status).toBe(204);
    expect((await call(w, "admin", "POST", "/instruments", changed)).status).toBe(201);
  });
});

const goodScheme = {
  id: "maladmin-2025",
  name: { id: "Maladministrasi 2025" },
  bands: [
    {
      category: "Baik",
      min: 70.5,
      label: { id: "Minim" },
      zone: { label: { id: "Hijau" }, colour: "#1a7f37" },
    },
    { category: "Buruk", min: 0, label: { id: "Rawan" }, zone: { label: { id: "Merah" }, colour: "merah" } },
  ],
};

describe("banding schemes", () => {
  it("lists the built-ins first, marked; saves a valid scheme; errors carry JSON paths", async () => {
    const list = await call(w, "admin", "GET", "/banding-schemes");
    const schemes = list.body.schemes as { id: string; builtin: boolean; inUse: boolean; bands: unknown[] }[];
    expect(schemes.slice(0, 2).map((s) => [s.id, s.builtin, s.inUse])).toEqual([
      ["opini-2022", true, true],
      ["zona-2021", true, false],
    ]);
    expect(schemes[0]?.bands).toHaveLength(5);
    const bad = {
      ...goodScheme,
      bands: [goodScheme.bands[1], { ...goodScheme.bands[0], zone: { label: { id: "H" }, colour: "green" } }],
    };
    const r = await call(w, "admin", "POST", "/banding-schemes", bad);
    expect([r.status, r.body.error?.code]).toEqual([400, "invalid_scheme"]);
    const paths = issuesOf(r).map((i) => i.path);
    expect(paths).toContain("$.bands[1].zone.colour");
    expect((await call(w, "admin", "POST", "/banding-schemes", goodScheme)).status).toBe(201);
    expect((await call(w, "admin", "POST", "/banding-schemes", goodScheme)).status).toBe(200);
    const builtin = await call(w, "admin", "POST", "/banding-schemes", { ...goodScheme, id: "zona-2021" });
    expect([builtin.status, builtin.body.error?.code, builtin.body.error?.details?.reason]).toEqual([
      409,
      "scheme_immutable",
      "builtin",
    ]);
  });
});

describe("periods", () => {
  const base = {
    officeId: "kalbar",
    year: 2027,
    name: "Penilaian Kepatuhan 2027",
    instrumentId: instrumentJson.id,
    instrumentVersion: instrumentJson.version,
    schemeId: "maladmin-2025",
  };

  it("refuses references to nothing with the path of the wrong field", async () => {
    for (const [patch, path] of [
      [{ officeId: "nowhere" }, "officeId"],
      [{ instrumentVersion: 55 }, "instrumentVersion"],
      [{ schemeId: "no-such-scheme" }, "schemeId"],
      [{ year: 1999 }, "year"],
    ] as const) {
      const r = await call(w, "admin", "POST", "/periods", { ...base, ...patch });
      expect(r.status, path).toBe(400);
      expect(r.body.error?.details?.path, path).toBe(path);
    }
  });

  it("creates an open period; a scheme it uses becomes immutable; a built-in scheme is stored on first use", async () => {
    const r = await call(w, "admin", "POST", "/periods", base);
    expect(r.status).toBe(201);
    expect(r.body.period).toMatchObject({ ...base, status: "open", assessmentCount: 0 });
    const changed = await call(w, "admin", "POST", "/banding-schemes", {
      ...goodScheme,
      name: { id: "Lain" },
    });
    expect([changed.status, changed.body.error?.details?.reason]).toEqual([409, "in_use"]);
    await sql`delete from banding_schemes where id = 'zona-2021'`.execute(w.db);
    // Another name: the same office, year and name twice is refused (409 period_exists, desk tests).
    const zona = await call(w, "admin", "POST", "/periods", {
      ...base,
      name: "Penilaian Kepatuhan 2027 (zona)",
      schemeId: "zona-2021",
    });
    expect(zona.status).toBe(201);
    const listed = await call(w, "admin", "GET", "/admin/periods?officeId=kalbar");
    expect((listed.body.periods as unknown[]).length).toBe(4);
  });

  it("instrument and scheme change only while the period has no assessment", async () => {
    const a1 = as(w, "a1");
    const assessmentId = uuid();
    const pushed = await a1.push({ clientId: uuid(), mutations: [create(1, assessmentId, w.asg.a1)] });
    expect(pushed.body.results?.[0]?.status).toBe("applied");
    const r = await call(w, "admin", "PATCH", `/periods/${w.periodId}`, { schemeId: "zona-2021" });
    expect([r.status, r.body.error?.code, r.body.error?.details?.path]).toEqual([
      409,
      "period_has_assessments",
      "schemeId",
    ]);
  });

  it("closing a period makes push refuse further mutations with period_closed; closed is final", async () => {
    const a1 = as(w, "a1");
    const assessmentId = uuid();
    const clientId = uuid();
    const before = await a1.push({ clientId, mutations: [create(1, assessmentId, w.asg.a1)] });
    // a1 already created one assessment for this assignment in the test above: either way, open.
    expect(before.body.results?.[0]?.error?.code).not.toBe("period_closed");
    const closed = await call(w, "admin", "PATCH", `/periods/${w.periodId}`, { status: "closed" });
    expect(closed.body.period).toMatchObject({ status: "closed" });
    const after = await a1.push({
      clientId: uuid(),
      mutations: [setAnswer(1, assessmentId, "IN.SP.01", 1), create(2, uuid(), w.asg.a1)],
    });
    expect(after.status).toBe(200);
    expect(after.body.results?.map((x) => x.error?.code)).toEqual(["period_closed", "period_closed"]);
    const reopen = await call(w, "admin", "PATCH", `/periods/${w.periodId}`, { status: "open" });
    expect([reopen.status, reopen.body.error?.code]).toEqual([409, "period_closed"]);
    const rename = await call(w, "admin", "PATCH", `/periods/${w.periodId}`, { name: "Ditutup" });
    expect(rename.status).toBe(200);
    const notFound = await call(w, "admin", "PATCH", `/periods/${uuid()}`, { name: "x" });
    expect(notFound.status).toBe(404);
  });
});

describe("hostile input is a 4xx, never a 500, and changes nothing", () => {
  it("refuses NUL characters, odd path ids, wrong media types and oversized bodies", async () => {
    const cases: [string, string, unknown, number][] = [
      ["POST", "/offices", { id: "nul", name: "a\u0000b" }, 400],
      [
        "POST",
        "/users",
        { username: "nul", name: "a\u0000", role: "admin", officeId: "kalbar", password: "0123456789" },
        400,
      ],
      ["POST", "/instruments", { ...instrumentJson, version: 40, title: { id: "a\u0000" } }, 400],
      ["POST", "/banding-schemes", { ...goodScheme, id: "nul-scheme", name: { id: "a\u0000" } }, 400],
      // A NUL anywhere, path included, is refused at the edge (400 invalid_text, issue #16).
      ["GET", "/instruments/%00/1", undefined, 400],
      ["GET", `/instruments/${instrumentJson.id}/0`, undefined, 404],
      ["GET", `/instruments/${instrumentJson.id}/99999999999999`, undefined, 404],
      ["DELETE", "/instruments/a%20b/1", undefined, 404],
      ["PATCH", "/offices/%00", { name: "x" }, 400],
      ["PATCH", "/periods/%00", { name: "x" }, 400],
      ["GET", "/users?officeId=%00", undefined, 400],
    ];
    for (const [method, path, body, status] of cases) {
      const r = await call(w, "admin", method, path, body);
      expect(r.status, `${method} ${path}`).toBe(status);
    }
    const text = await w.app.request("/api/v1/instruments", {
      method: "POST",
      headers: { cookie: `patuh_session=${w.people.admin.token}`, "content-type": "text/plain" },
      body: JSON.stringify(instrumentJson),
    });
    expect(text.status).toBe(415);
    const huge = await call(w, "admin", "POST", "/instruments", {
      ...instrumentJson,
      pad: "x".repeat(1_100_000),
    });
    expect([huge.status, huge.body.error?.code]).toEqual([413, "payload_too_large"]);
    const offices = await call(w, "admin", "GET", "/offices");
    expect((offices.body.offices as { id: string }[]).some((o) => o.id === "nul")).toBe(false);
  });
});
