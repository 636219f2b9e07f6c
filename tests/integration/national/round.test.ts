// The national round end to end through the real app, on PGlite and PostgreSQL: the Kantor Pusat
// defines a round, two Kantor Perwakilan join it, their supervisors approve, and the national
// ranking per category is checked against the domain (ties, provisional vs final), with office
// scoping before and after publication.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pemdaScore } from "../../../src/domain/scoring/round";
import { scoreAssessment } from "../../../src/domain/scoring/score-assessment";
import type { AssessmentState } from "../../../src/domain/sync/protocol";
import { readXlsx } from "../review/read-zip";
import { instrumentJson } from "../sync/world";
import { createNationalWorld, type NationalWorld, type Who } from "./world";

let w: NationalWorld;
let roundId = "";
const periods: Record<"kalbar" | "jatim", string> = { kalbar: "", jatim: "" };
const loci: Record<string, string> = {};
const assessments: Record<string, string[]> = {};

interface Locus {
  pemdaId: string;
  name: string;
  officeId: string;
  category: string;
  score: number | null;
  final: boolean;
  rank: number | null;
  categoryCount: number | null;
}
interface Results {
  provisional: boolean;
  published: boolean;
  national: boolean;
  loci: Locus[];
  categories: { category: string; count: number }[];
  distribution: { category: string | null; count: number }[];
}

async function results(who: Who, query = ""): Promise<Results> {
  const r = await w.call(who, "GET", `/rounds/${roundId}/results${query}`);
  expect(r.status).toBe(200);
  return r.body as unknown as Results;
}

async function approve(who: Who, ids: string[]) {
  for (const id of ids) {
    const rev = await sql<{ revision: number }>`select revision from assessments where id = ${id}`.execute(
      w.db,
    );
    const r = await w.call(who, "POST", `/assessments/${id}/review`, {
      decision: "approve",
      revision: rev.rows[0]?.revision,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  }
}

/** The locus score as the domain computes it from the stored approved states. */
async function expectedScore(pemdaId: string): Promise<number | null> {
  const r = await sql<{ state: AssessmentState }>`select state from assessments
    where pemda_id = ${pemdaId} and status = 'approved'`.execute(w.db);
  return pemdaScore(r.rows.map((x) => scoreAssessment(w.instrument, x.state).total));
}

beforeAll(async () => {
  w = await createNationalWorld();
}, 120_000);
afterAll(async () => {
  await w?.close();
});

describe("the central office and its round", () => {
  it("lets the first admin name the Kantor Pusat, then only a central admin may move it", async () => {
    expect((await w.call("adminP", "PUT", "/admin/central-office", { officeId: "pusat" })).status).toBe(200);
    const moved = await w.call("adminK", "PUT", "/admin/central-office", { officeId: "kalbar" });
    expect(moved.status).toBe(403);
    const central = await sql<{ id: string }>`select id from offices where is_central`.execute(w.db);
    expect(central.rows).toEqual([{ id: "pusat" }]);
  });

  it("lets only central admins define a round, one per year", async () => {
    const body = {
      year: 2026,
      name: "Penilaian Kepatuhan 2026",
      instrumentId: instrumentJson.id,
      instrumentVersion: instrumentJson.version,
      schemeId: "opini-2022",
      timetable: { fieldworkUntil: "2026-09-30", publicationOn: "2026-12-10" },
    };
    expect((await w.call("adminK", "POST", "/rounds", body)).status).toBe(403);
    expect((await w.call("supK", "POST", "/rounds", body)).status).toBe(403);
    const made = await w.call("adminP", "POST", "/rounds", body);
    expect(made.status).toBe(201);
    roundId = (made.body.round as { id: string }).id;
    expect(made.body.round).toMatchObject({
      year: 2026,
      timetable: body.timetable,
      publishedAt: null,
      final: false,
    });
    expect((await w.call("adminP", "POST", "/rounds", body)).body.error?.code).toBe("already_exists");
    const bad = await w.call("adminP", "POST", "/rounds", { ...body, year: 2027, schemeId: "nope" });
    expect(bad.body.error?.code).toBe("invalid_reference");
  });

  it("joins each office's period: a new one, or an existing one only when it matches the round", async () => {
    await sql`insert into banding_schemes (id, definition) values ('zona-2021', '{}'::jsonb)
              on conflict do nothing`.execute(w.db);
    const other = await sql<{ id: string }>`insert into periods (office_id, year, name, instrument_id,
        instrument_version, scheme_id)
      values ('jatim', 2026, 'Lama', ${instrumentJson.id}, ${instrumentJson.version}, 'zona-2021') returning id`.execute(
      w.db,
    );
    const mismatch = await w.call("adminP", "POST", `/rounds/${roundId}/offices`, {
      officeId: "jatim",
      periodId: other.rows[0]?.id,
    });
    expect(mismatch.status).toBe(409);
    expect(mismatch.body.error?.code).toBe("round_mismatch");
    expect(
      (await w.call("adminK", "POST", `/rounds/${roundId}/offices`, { officeId: "kalbar" })).status,
    ).toBe(403);
    for (const office of ["kalbar", "jatim"] as const) {
      const r = await w.call("adminP", "POST", `/rounds/${roundId}/offices`, { officeId: office });
      expect(r.status).toBe(201);
      periods[office] = r.body.periodId as string;
    }
    const again = await w.call("adminP", "POST", `/rounds/${roundId}/offices`, { officeId: "kalbar" });
    expect([again.status, again.body.periodId]).toEqual([200, periods.kalbar]);
  });

  it("ranks every locus within its category across offices, ties sharing a rank, provisional while periods are open", async () => {
    const specs = [
      ["kalbar", "61.71", "Kota Pontianak", "kota", [11, 12]],
      ["kalbar", "61.72", "Kota Singkawang", "kota", [21, 22]],
      ["kalbar", "61.01", "Kabupaten Sambas", "kabupaten", [31, 32]],
      ["jatim", "35.78", "Kota Surabaya", "kota", [41, 42]],
      ["jatim", "35.73", "Kota Malang", "kota", [21, 22]], // the same answers as Singkawang: a tie
      ["jatim", "35.07", "Kabupaten Malang", "kabupaten", [51, 52]],
    ] as const;
    for (const [office, code, name, kind, seeds] of specs) {
      const p = await w.pemda(office, code, name, kind, 2);
      loci[name] = p.id;
      assessments[name] = await w.submitted(periods[office], office, p.id, p.units, [...seeds]);
    }
    // Sambas: one unit approved, one still submitted (a provisional locus); Kabupaten Malang: none.
    for (const name of ["Kota Pontianak", "Kota Singkawang"]) await approve("supK", assessments[name] ?? []);
    await approve("supK", (assessments["Kabupaten Sambas"] ?? []).slice(0, 1));
    for (const name of ["Kota Surabaya", "Kota Malang"]) await approve("supJ", assessments[name] ?? []);
    // A supervisor of another office cannot approve here.
    expect(
      (
        await w.call("supJ", "POST", `/assessments/${assessments["Kabupaten Sambas"]?.[1]}/review`, {
          decision: "approve",
          revision: 1,
        })
      ).status,
    ).toBe(404);

    const r = await results("adminP");
    expect(r).toMatchObject({ provisional: true, published: false, national: true });
    expect(r.loci).toHaveLength(6);
    const cities = r.loci.filter((l) => l.category === "kota");
    const scores = new Map<string, number | null>();
    for (const l of r.loci) {
      scores.set(l.name, await expectedScore(l.pemdaId));
      expect(l.score).toBe(scores.get(l.name));
    }
    expect(scores.get("Kota Malang")).toBe(scores.get("Kota Singkawang"));
    // Expected competition ranks among the four cities, from the domain's scores.
    for (const l of cities) {
      const above = cities.filter((o) => (scores.get(o.name) ?? -1) > (scores.get(l.name) ?? -1)).length;
      expect(l.rank, l.name).toBe(above + 1);
      expect(l.categoryCount).toBe(4);
    }
    const tie = cities.filter((l) => l.name === "Kota Malang" || l.name === "Kota Singkawang");
    expect(tie[0]?.rank).toBe(tie[1]?.rank);
    const regencies = r.loci.filter((l) => l.category === "kabupaten");
    expect(regencies.find((l) => l.name === "Kabupaten Sambas")).toMatchObject({
      rank: 1,
      categoryCount: 2,
      final: false,
    });
    expect(regencies.find((l) => l.name === "Kabupaten Malang")).toMatchObject({
      score: null,
      rank: null,
      categoryCount: 2,
    });
    expect(r.categories).toEqual([
      { category: "kabupaten", count: 2 },
      { category: "kota", count: 4 },
    ]);
    expect(r.distribution.reduce((n, d) => n + d.count, 0)).toBe(6);
    expect(r.distribution.at(-1)).toEqual({ category: null, count: 1 });
    const filtered = await results("adminP", "?officeId=jatim&category=kota");
    expect(filtered.loci.map((l) => l.name).sort()).toEqual(["Kota Malang", "Kota Surabaya"]);
    expect(filtered.loci.every((l) => l.rank !== null && l.categoryCount === 4)).toBe(true);
    expect((await w.call("adminP", "GET", `/rounds/${roundId}/results?category=desa`)).status).toBe(400);
  });

  it("shows an office only its own loci, without national rank, before publication", async () => {
    for (const who of ["supK", "adminK"] as const) {
      const r = await results(who);
      expect(r.national).toBe(false);
      expect(r.loci.map((l) => l.officeId)).toEqual(["kalbar", "kalbar", "kalbar"]);
      expect(r.loci.every((l) => l.rank === null && l.categoryCount === null)).toBe(true);
      expect(r.categories.reduce((n, c) => n + c.count, 0)).toBe(3);
      expect((await results(who, "?officeId=jatim")).loci).toEqual([]);
    }
    const xlsx = await w.call("supK", "GET", `/rounds/${roundId}/results.xlsx`);
    expect(xlsx.status).toBe(200);
    const text = JSON.stringify(readXlsx(xlsx.bytes));
    expect(text).toContain("Kota Pontianak");
    expect(text).not.toContain("Surabaya");
    expect(text).not.toContain("Jawa Timur");
    const progress = await w.call("supK", "GET", `/rounds/${roundId}`);
    expect((progress.body.offices as { officeId: string }[]).map((o) => o.officeId)).toEqual(["kalbar"]);
    expect((await w.call("assK", "GET", `/rounds/${roundId}/results`)).status).toBe(403);
  });

  it("follows progress per office for the central admins", async () => {
    const r = await w.call("adminP", "GET", `/rounds/${roundId}`);
    expect(r.status).toBe(200);
    const offices = r.body.offices as {
      officeId: string;
      joined: boolean;
      units: number;
      approved: number;
      submitted: number;
      loci: number;
    }[];
    expect(offices.map((o) => [o.officeId, o.joined, o.loci, o.units, o.approved, o.submitted])).toEqual([
      ["jatim", true, 3, 6, 4, 2],
      ["kalbar", true, 3, 6, 5, 1],
    ]);
  });

  it("publishes only a final round; then every office sees the national ranks", async () => {
    const early = await w.call("adminP", "POST", `/rounds/${roundId}/publish`);
    expect([early.status, early.body.error?.code]).toEqual([409, "round_not_final"]);
    for (const id of Object.values(periods))
      expect((await w.call("adminP", "PATCH", `/periods/${id}`, { status: "closed" })).status).toBe(200);
    const before = await results("adminP");
    expect(before.provisional).toBe(false);
    expect(before.loci.every((l) => l.final)).toBe(true);
    expect((await w.call("adminK", "POST", `/rounds/${roundId}/publish`)).status).toBe(403);
    const pub = await w.call("adminP", "POST", `/rounds/${roundId}/publish`);
    expect(pub.status).toBe(200);
    expect((pub.body.round as { publishedAt: string | null }).publishedAt).not.toBeNull();
    const central = await results("adminP");
    for (const who of ["supK", "supJ"] as const) {
      const r = await results(who);
      expect(r).toMatchObject({ national: true, published: true, provisional: false });
      expect(r.loci).toEqual(central.loci);
    }
    const late = await w.call("adminP", "POST", `/rounds/${roundId}/offices`, { officeId: "pusat" });
    expect(late.body.error?.code).toBe("round_published");
  });
});

describe("a locus's years", () => {
  it("shows imported published years, Patuh's years with units and the national rank, never comparing across schemes", async () => {
    const csv = [
      "tahun,kode_lokus,nama,nilai,skema,kategori_terbit,peringkat",
      "2021,61.72,Kota Singkawang,68.34,zona-2021,Kuning,",
      "2022,61.72,Kota Singkawang,75.78,opini-2022,C,",
    ].join("\n");
    const res = await w.call("adminK", "POST", "/admin/history/import?officeId=jatim", undefined);
    expect(res.status).toBe(404);
    const imported = await w.app.request(`/api/v1/admin/history/import`, {
      method: "POST",
      headers: { cookie: `patuh_session=${w.people.adminK.token}`, "content-type": "text/csv" },
      body: csv,
    });
    expect(imported.status).toBe(200);
    const singkawang = loci["Kota Singkawang"] ?? "";
    const h = await w.call("supK", "GET", `/loci/${singkawang}/history`);
    expect(h.status).toBe(200);
    const entries = h.body.entries as {
      year: number;
      source: string;
      schemeId: string;
      score: number | null;
      predicate: { category: string; zone: string } | null;
      methodChanged: boolean;
      delta: number | null;
      nationalRank: { rank: number | null; published: boolean } | null;
      units: unknown[];
      best: { score: number } | null;
    }[];
    expect(entries.map((e) => [e.year, e.source, e.schemeId])).toEqual([
      [2021, "published", "zona-2021"],
      [2022, "published", "opini-2022"],
      [2026, "patuh", "opini-2022"],
    ]);
    expect(entries[0]?.predicate).toMatchObject({ category: "Kuning", zone: "Kuning" });
    expect(entries[1]).toMatchObject({ predicate: { category: "C" }, methodChanged: true, delta: null });
    const current = entries[2];
    const national = (await results("supK")).loci.find((l) => l.name === "Kota Singkawang");
    expect(current?.score).toBe(national?.score);
    expect(current?.nationalRank).toMatchObject({ rank: national?.rank, published: true });
    expect(current?.delta).toBe(Math.round(((current?.score ?? 0) - 75.78) * 100) / 100);
    expect(current?.units).toHaveLength(2);
    expect(current?.best).not.toBeNull();
    // Another office's supervisor cannot read it; an assessor of the office is refused.
    expect((await w.call("supJ", "GET", `/loci/${singkawang}/history`)).status).toBe(404);
    expect((await w.call("assK", "GET", `/loci/${singkawang}/history`)).status).toBe(403);
    // The rapor carries the trend and the (published) national rank.
    const rapor = await w.call(
      "supK",
      "GET",
      `/results/rapor?periodId=${periods.kalbar}&pemdaId=${singkawang}`,
    );
    expect(rapor.status).toBe(200);
    expect((rapor.body.trend as unknown[]).length).toBe(3);
    expect(rapor.body.nationalRank).toMatchObject({
      rank: national?.rank,
      category: "kota",
      published: true,
    });
  });
});
