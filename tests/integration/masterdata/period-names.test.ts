// Published names stay published (issue #17): closing a period freezes the names of its sampled
// loci and units; renaming them afterwards (in the forms) changes the open period's results, rapor
// and exports but never the closed period's.
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as } from "../sync/api";
import { createWorld, instrumentJson, type World } from "../sync/world";

let w: World;
let pemdaId: string;
let closedId: string;

async function json(method: string, path: string, body?: unknown) {
  const res = await as(w, "admin").raw(path, {
    method,
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text.startsWith("{") ? JSON.parse(text) : {}, text };
}

beforeAll(async () => {
  w = await createWorld();
  const r = await sql<{ pemda_id: string }>`select pemda_id from units where id = ${w.asg.a1.unitId}`.execute(
    w.db,
  );
  pemdaId = r.rows[0]?.pemda_id ?? "";
  closedId = randomUUID();
  await sql`insert into periods (id, office_id, year, name, instrument_id, instrument_version, scheme_id, status)
    values (${closedId}, 'kalbar', 2025, 'Tahun lalu', ${instrumentJson.id}, ${instrumentJson.version}, 'opini-2022', 'open')`.execute(
    w.db,
  );
  await sql`insert into assignments (id, period_id, unit_id) values (${randomUUID()}, ${closedId}, ${w.asg.a1.unitId})`.execute(
    w.db,
  );
});
afterAll(async () => {
  await w?.close();
});

describe("names of a closed period", () => {
  it("closing freezes the sampled locus and unit as they were", async () => {
    await sql`update pemda set code = '6171', name = 'Kota Pontianak' where id = ${pemdaId}`.execute(w.db);
    const closed = await json("PATCH", `/periods/${closedId}`, { status: "closed" });
    expect(closed.status).toBe(200);
    const frozen = await sql<{ name: string; code: string; kind: string }>`
      select name, code, kind from period_locus_names where period_id = ${closedId}`.execute(w.db);
    expect(frozen.rows).toEqual([{ name: "Kota Pontianak", code: "6171", kind: "kabupaten" }]);
    const units = await sql<{
      name: string;
    }>`select name from period_unit_names where period_id = ${closedId}`.execute(w.db);
    expect(units.rows).toEqual([{ name: "Unit" }]);
  });

  it("a rename after the close shows in the open period only: results, rapor and exports", async () => {
    const locus = await json("PATCH", `/offices/kalbar/master-data/loci/${pemdaId}`, {
      name: "Pemerintah Kota Pontianak",
    });
    expect(locus.status).toBe(200);
    const unit = await json("PATCH", `/offices/kalbar/master-data/units/${w.asg.a1.unitId}`, {
      name: "Disdukcapil Kota Pontianak",
    });
    expect(unit.status).toBe(200);

    const old = await json("GET", `/results?periodId=${closedId}`);
    expect(old.status).toBe(200);
    expect(old.body.pemda).toHaveLength(1);
    expect(old.body.pemda[0]).toMatchObject({ name: "Kota Pontianak", final: true });
    expect(old.body.pemda[0].units.map((u: { name: string }) => u.name)).toEqual(["Unit"]);

    const now = await json("GET", `/results?periodId=${w.periodId}`);
    expect(now.body.pemda[0].name).toBe("Pemerintah Kota Pontianak");
    expect(now.body.pemda[0].units.map((u: { name: string }) => u.name)).toContain(
      "Disdukcapil Kota Pontianak",
    );

    const rapor = await json("GET", `/results/rapor?periodId=${closedId}&pemdaId=${pemdaId}`);
    expect(rapor.status).toBe(200);
    expect(rapor.body.pemda.name).toBe("Kota Pontianak");
    expect(rapor.body.units.map((u: { name: string }) => u.name)).toEqual(["Unit"]);

    const oldCsv = await json("GET", `/exports/results.csv?periodId=${closedId}`);
    expect(oldCsv.status).toBe(200);
    expect(oldCsv.text).toContain("Kota Pontianak");
    expect(oldCsv.text).not.toContain("Pemerintah Kota Pontianak");
    expect(oldCsv.text).not.toContain("Disdukcapil Kota Pontianak");
    const nowCsv = await json("GET", `/exports/results.csv?periodId=${w.periodId}`);
    expect(nowCsv.text).toContain("Pemerintah Kota Pontianak");
  });

  it("a code changed after the close keeps the closed period's code", async () => {
    const r = await json("PATCH", `/offices/kalbar/master-data/loci/${pemdaId}`, { code: "61.72" });
    expect(r.status).toBe(200);
    expect(r.body.locus.code).toBe("6172");
    const old = await json("GET", `/exports/results.csv?periodId=${closedId}`);
    expect(old.text).toContain("6171");
    expect(old.text).not.toContain("6172");
  });

  it("closing twice freezes nothing new (the first names stay)", async () => {
    const again = await json("PATCH", `/periods/${closedId}`, { status: "closed", name: "Tahun lalu" });
    expect(again.status).toBe(200);
    const frozen = await sql<{
      name: string;
    }>`select name from period_locus_names where period_id = ${closedId}`.execute(w.db);
    expect(frozen.rows).toEqual([{ name: "Kota Pontianak" }]);
  });
});
