// The authorisation matrix of every admin endpoint: anonymous → 401, assessor and supervisor → 403
// (of the target's own office and of another office alike), admin → 2xx; and a refused request
// changes nothing.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../helpers/test-server";
import { createWorld, instrumentJson, type World } from "../sync/world";
import { call, type Who } from "./support";

let w: World;
let kalbarUser: string;
let otherUser: string;
let otherPeriod: string;

beforeAll(async () => {
  w = await createWorld();
  // Targets of their own: a password reset ends its account's sessions, and the callers need theirs.
  kalbarUser = await addUser(w.db, { username: "target-kalbar", password: "x", officeId: "kalbar" });
  otherUser = await addUser(w.db, { username: "target-other", password: "x", officeId: "other" });
  const r = await sql<{ id: string }>`select id from periods where office_id = 'other'`.execute(w.db);
  otherPeriod = r.rows[0]?.id ?? "";
});
afterAll(async () => {
  await w?.close();
});

const scheme = (id: string) => ({
  id,
  name: { id: `Skema ${id}` },
  bands: [
    { category: "Baik", min: 50, label: { id: "Baik" }, zone: { label: { id: "Hijau" }, colour: "hijau" } },
    { category: "Buruk", min: 0, label: { id: "Buruk" }, zone: { label: { id: "Merah" }, colour: "merah" } },
  ],
});

interface Endpoint {
  name: string;
  method: string;
  /** The path for a target in the caller's own office (kalbar) and in another office. */
  path: (office: "own" | "other") => string;
  body?: (n: number) => unknown;
  /** What the admin gets. */
  ok: number;
  /** What the (non-central) admin gets for another office's target, when not `ok`. */
  okOther?: number;
}

let n = 0;
const ENDPOINTS: Endpoint[] = [
  { name: "list offices", method: "GET", path: () => "/offices", ok: 200 },
  {
    name: "create office",
    method: "POST",
    path: () => "/offices",
    body: (i) => ({ id: `kp-${i}`, name: "KP" }),
    ok: 201,
  },
  {
    name: "rename office",
    method: "PATCH",
    path: (o) => `/offices/${o === "own" ? "kalbar" : "other"}`,
    body: (i) => ({ name: `Kantor ${i}` }),
    ok: 200,
  },
  {
    name: "list users",
    method: "GET",
    path: (o) => `/users?officeId=${o === "own" ? "kalbar" : "other"}`,
    ok: 200,
  },
  {
    name: "create user",
    method: "POST",
    path: () => "/users",
    body: (i) => ({
      username: `baru${i}`,
      name: "Baru",
      role: "assessor",
      officeId: "kalbar",
      password: "sandi-panjang-1",
    }),
    ok: 201,
  },
  {
    name: "change user",
    method: "PATCH",
    path: (o) => `/users/${o === "own" ? kalbarUser : otherUser}`,
    body: (i) => ({ name: `Nama ${i}` }),
    ok: 200,
  },
  {
    name: "reset password",
    method: "POST",
    path: (o) => `/users/${o === "own" ? kalbarUser : otherUser}/password`,
    body: () => ({ password: "sandi-baru-123" }),
    ok: 200,
  },
  {
    // Issue #16: an office admin resets the second factor of their own office's users only.
    name: "reset a user's second factor",
    method: "DELETE",
    path: (o) => `/users/${o === "own" ? kalbarUser : otherUser}/second-factor`,
    ok: 204,
    okOther: 404,
  },
  { name: "list instruments", method: "GET", path: () => "/instruments", ok: 200 },
  {
    name: "read instrument",
    method: "GET",
    path: () => `/instruments/${instrumentJson.id}/${instrumentJson.version}`,
    ok: 200,
  },
  {
    name: "upload instrument",
    method: "POST",
    path: () => "/instruments",
    body: (i) => ({ ...instrumentJson, version: 100 + i }),
    ok: 201,
  },
  {
    name: "delete instrument",
    method: "DELETE",
    path: () => `/instruments/${instrumentJson.id}/999`,
    ok: 404,
  },
  { name: "list schemes", method: "GET", path: () => "/banding-schemes", ok: 200 },
  {
    name: "save scheme",
    method: "POST",
    path: () => "/banding-schemes",
    body: (i) => scheme(`skema-${i}`),
    ok: 201,
  },
  { name: "list periods", method: "GET", path: () => "/admin/periods", ok: 200 },
  {
    name: "create period",
    method: "POST",
    path: () => "/periods",
    body: (i) => ({
      officeId: "kalbar",
      year: 2027,
      name: `Periode ${i}`,
      instrumentId: instrumentJson.id,
      instrumentVersion: instrumentJson.version,
      schemeId: "opini-2022",
    }),
    ok: 201,
  },
  {
    name: "change period",
    method: "PATCH",
    path: (o) => `/periods/${o === "own" ? w.periodId : otherPeriod}`,
    body: (i) => ({ name: `Periode ${i}` }),
    ok: 200,
  },
];

const DENIED: [Who, number][] = [
  ["anonymous", 401],
  ["a1", 403],
  ["sup", 403],
  ["sup2", 403],
  ["a3", 403],
];

async function snapshot(): Promise<string> {
  const tables = ["offices", "users", "instruments", "banding_schemes", "periods", "sessions"] as const;
  const parts: unknown[] = [];
  for (const t of tables) {
    const r = await sql`select * from ${sql.table(t)} order by 1`.execute(w.db);
    parts.push(r.rows.map((row) => JSON.stringify(row)).sort());
  }
  return JSON.stringify(parts);
}

describe("admin endpoints × roles", () => {
  it.each(ENDPOINTS.map((e) => [e.name, e] as const))("%s: only the admin", async (_name, e) => {
    const before = await snapshot();
    for (const office of ["own", "other"] as const) {
      for (const [who, status] of DENIED) {
        const r = await call(w, who, e.method, e.path(office), e.body?.(++n));
        expect(r.status, `${who} ${e.method} ${e.path(office)}`).toBe(status);
        expect(r.body.error?.code).toBe(status === 401 ? "unauthenticated" : "forbidden");
      }
    }
    expect(await snapshot(), "a refused request changes nothing").toBe(before);
    for (const office of ["own", "other"] as const) {
      const r = await call(w, "admin", e.method, e.path(office), e.body?.(++n));
      const expected = office === "other" ? (e.okOther ?? e.ok) : e.ok;
      expect(r.status, `admin ${e.method} ${e.path(office)} ${JSON.stringify(r.body)}`).toBe(expected);
    }
  });

  it("answers a wrong method on an admin path with 405 and Allow (merged across modules)", async () => {
    const r = await w.app.request("/api/v1/offices", { method: "PUT" });
    expect(r.status).toBe(405);
    expect(r.headers.get("allow")).toBe("GET, HEAD, POST");
  });
});
