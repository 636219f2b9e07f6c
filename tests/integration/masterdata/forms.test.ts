// Master data in forms (issue #17): an admin or supervisor of the office creates, edits and retires
// loci and units; every change is one history row with before/after and who, shown with the
// record; field mistakes come back with their paths; another office sees nothing; a retired unit is
// never drawn into a sample.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as } from "../sync/api";
import { createWorld, type World } from "../sync/world";

let w: World;
const BASE = "/offices/kalbar/master-data";

async function call(who: keyof World["people"], method: string, path: string, body?: unknown) {
  const res = await as(w, who).raw(path, {
    method,
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text.startsWith("{") ? JSON.parse(text) : {} };
}
const historyRows = async () =>
  Number((await sql<{ n: string }>`select count(*) as n from master_data_history`.execute(w.db)).rows[0]?.n);

beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => {
  await w?.close();
});

describe("loci and units in forms", () => {
  let locusId = "";
  let unitId = "";

  it("creates a locus with its Kemendagri code normalised, and refuses a taken code on its field", async () => {
    const r = await call("sup", "POST", `${BASE}/loci`, {
      code: "61.72",
      name: "Kota Singkawang",
      kind: "kota",
    });
    expect(r.status).toBe(201);
    expect(r.body.locus).toMatchObject({ code: "6172", name: "Kota Singkawang", kind: "kota", active: true });
    locusId = r.body.locus.id;
    const taken = await call("admin", "POST", `${BASE}/loci`, { code: "6172", name: "Lain", kind: "kota" });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: "already_exists", details: { path: "code" } });
  });

  it("lists every field mistake with its path and writes nothing", async () => {
    const before = await historyRows();
    const bad = await call("admin", "POST", `${BASE}/loci`, { code: "6", name: "", kind: "desa" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_body");
    const paths = bad.body.error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["name", "kind"]));
    const code = await call("admin", "POST", `${BASE}/loci`, { code: "6", name: "X", kind: "kota" });
    expect(code.status).toBe(400);
    expect(code.body.error.details.path).toBe("code");
    expect(await historyRows()).toBe(before);
  });

  it("adds a unit with its products, matches the office's spelling of its kind, refuses a twin name", async () => {
    const r = await call("admin", "POST", `${BASE}/loci/${locusId}/units`, {
      name: "Disdukcapil Kota Singkawang",
      kind: "DISDUKCAPIL",
      address: " Jl. Firdaus  No. 1 ",
      products: ["KTP-el", "Kartu Keluarga", "ktp-el", ""],
    });
    expect(r.status).toBe(201);
    // The world's units are of kind "disdukcapil": one kind is never two spellings.
    expect(r.body.unit).toMatchObject({
      kind: "disdukcapil",
      address: "Jl. Firdaus No. 1",
      products: ["KTP-el", "Kartu Keluarga"],
      locusCode: "6172",
    });
    unitId = r.body.unit.id;
    const twin = await call("admin", "POST", `${BASE}/loci/${locusId}/units`, {
      name: "disdukcapil kota singkawang",
      kind: "RSUD",
    });
    expect(twin.status).toBe(409);
    expect(twin.body.error.details.path).toBe("name");
  });

  it("records each change with before, after and who, shows it with the record, and skips a no-op", async () => {
    const edit = await call("sup", "PATCH", `${BASE}/units/${unitId}`, {
      products: ["KTP-el", "Akta Lahir"],
    });
    expect(edit.status).toBe(200);
    const same = await historyRows();
    const noop = await call("sup", "PATCH", `${BASE}/units/${unitId}`, {
      products: ["KTP-el", "Akta Lahir"],
    });
    expect(noop.status).toBe(200);
    expect(await historyRows()).toBe(same);
    const read = await call("admin", "GET", `${BASE}/units/${unitId}`);
    expect(read.body.unit.products).toEqual(["KTP-el", "Akta Lahir"]);
    expect(read.body.history).toHaveLength(2);
    expect(read.body.history[0]).toMatchObject({
      action: "update",
      source: "form",
      actorName: "sup",
      before: { products: ["KTP-el", "Kartu Keluarga"] },
      after: { products: ["KTP-el", "Akta Lahir"] },
    });
    const locus = await call("admin", "GET", `${BASE}/loci/${locusId}`);
    expect(locus.body.locus.name).toBe("Kota Singkawang");
    expect(locus.body.units.map((u: { id: string }) => u.id)).toEqual([unitId]);
    expect(locus.body.history[0]).toMatchObject({ action: "create", actorName: "sup" });
    const kinds = await call("admin", "GET", `${BASE}/unit-kinds`);
    expect(kinds.body.kinds).toContainEqual({ kind: "disdukcapil", units: 4 });
  });

  it("another office's supervisor can neither read nor change this office's loci; an assessor is refused", async () => {
    expect((await call("sup2", "GET", `${BASE}/loci/${locusId}`)).status).toBe(404);
    expect((await call("sup2", "PATCH", `${BASE}/units/${unitId}`, { name: "X" })).status).toBe(404);
    expect((await call("sup2", "GET", `/offices/other/master-data/units/${unitId}`)).status).toBe(404);
    expect((await call("a1", "GET", `${BASE}/loci`)).status).toBe(403);
    const name = await sql<{ name: string }>`select name from units where id = ${unitId}`.execute(w.db);
    expect(name.rows[0]?.name).toBe("Disdukcapil Kota Singkawang");
  });

  it("a retired unit is kept with its history but never drawn into a sample", async () => {
    const second = await call("admin", "POST", `${BASE}/loci/${locusId}/units`, {
      name: "Disdukcapil Pembantu",
      kind: "Disdukcapil",
    });
    expect(second.status).toBe(201);
    const retire = await call("admin", "PATCH", `${BASE}/units/${unitId}`, { active: false });
    expect(retire.body.unit.active).toBe(false);
    const draw = await call("sup", "POST", `/planning/periods/${w.periodId}/pemda/${locusId}/sample`, {
      seed: "s",
      mix: [{ kind: "disdukcapil", count: 1 }],
    });
    expect(draw.status).toBe(200);
    expect(draw.body.sample.unitIds).toEqual([second.body.unit.id]);
    const handPicked = await call("sup", "PUT", `/planning/periods/${w.periodId}/pemda/${locusId}/sample`, {
      unitIds: [unitId],
    });
    expect(handPicked.status).toBe(400);
    const list = await call("admin", "GET", `${BASE}/loci`);
    expect(list.body.loci.find((l: { id: string }) => l.id === locusId)).toMatchObject({
      units: 2,
      activeUnits: 1,
    });
  });
});
