// Planning test support: the sync test world (two offices, assessors, supervisors, an admin, an
// open and a closed period) plus units to sample, and requests as anyone — or as nobody.
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { AnyBody } from "../sync/api";
import { createWorld, type World } from "../sync/world";

export type Who = keyof World["people"] | null;

export interface PlanningWorld extends World {
  pemda: { kalbar: string; other: string };
  periods: { kalbar: string; other: string; closed: string };
}

export async function createPlanningWorld(): Promise<PlanningWorld> {
  const w = await createWorld();
  const pemdaOf = async (office: string) =>
    (
      await sql<{ id: string }>`select id from pemda where office_id = ${office} order by id limit 1`.execute(
        w.db,
      )
    ).rows[0]?.id ?? "";
  const periodOf = async (office: string, status: string) =>
    (
      await sql<{
        id: string;
      }>`select id from periods where office_id = ${office} and status = ${status}`.execute(w.db)
    ).rows[0]?.id ?? "";
  const pemda = { kalbar: await pemdaOf("kalbar"), other: await pemdaOf("other") };
  // A kabupaten's catalogue: five Puskesmas, two Dinas Kesehatan-like units, one Disdukcapil more.
  for (const [pemdaId, prefix] of [
    [pemda.kalbar, "K"],
    [pemda.other, "O"],
  ] as const) {
    for (let i = 1; i <= 5; i++) await addUnit(w, pemdaId, "puskesmas", `${prefix} Puskesmas ${i}`);
    for (let i = 1; i <= 2; i++) await addUnit(w, pemdaId, "dinkes", `${prefix} Dinkes ${i}`);
  }
  return {
    ...w,
    pemda,
    periods: {
      kalbar: w.periodId,
      other: await periodOf("other", "open"),
      closed: await periodOf("kalbar", "closed"),
    },
  };
}

export async function addUnit(w: World, pemdaId: string, kind: string, name: string): Promise<string> {
  const id = randomUUID();
  const products = kind === "puskesmas" ? ["Imunisasi", "Pemeriksaan Umum", "KIA", "Surat Sehat"] : ["Izin"];
  await sql`insert into units (id, pemda_id, kind, name, suggested_products)
            values (${id}, ${pemdaId}, ${kind}, ${name}, ${JSON.stringify(products)}::jsonb)`.execute(w.db);
  return id;
}

/** An assignment (open period of `periodId`) of a fresh unit, with this team. */
export async function addAssignment(
  w: PlanningWorld,
  periodId: string,
  pemdaId: string,
  team: string[],
): Promise<{ id: string; unitId: string }> {
  const unitId = await addUnit(w, pemdaId, "dinsos", `Dinsos ${randomUUID().slice(0, 4)}`);
  const id = randomUUID();
  await sql`insert into assignments (id, period_id, unit_id) values (${id}, ${periodId}, ${unitId})`.execute(
    w.db,
  );
  for (const u of team)
    await sql`insert into assignment_members (assignment_id, user_id) values (${id}, ${u})`.execute(w.db);
  return { id, unitId };
}

export interface Reply {
  status: number;
  body: AnyBody;
}

export async function call(w: World, who: Who, method: string, path: string, json?: unknown): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (who !== null) headers.cookie = `patuh_session=${w.people[who].token}`;
  if (json !== undefined) headers["content-type"] = "application/json";
  const res = await w.app.request(`/api/v1${path}`, {
    method,
    headers,
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
  const text = await res.text();
  let body: AnyBody = {};
  try {
    if (text !== "") body = JSON.parse(text) as AnyBody;
  } catch {
    // not JSON: assertions on the body fail readably
  }
  return { status: res.status, body };
}
