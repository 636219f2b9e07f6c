// Test world for the sync/evidence integration tests: a migrated database from createTestDb (PGlite
// in memory, or a fresh database on the throwaway cluster when PATUH_TEST_DB=postgres), two offices,
// assessors on separate teams, supervisors, an admin, an open and a closed period, and the real
// Hono app with sessions created directly (no scrypt per test).
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { createSession } from "../../../src/server/auth/sessions";
import { systemClock } from "../../../src/server/clock";
import type { Config } from "../../../src/server/config";
import type { Db } from "../../../src/server/db/connection";
import type { BlobStore } from "../../../src/server/evidence/blob-store";
import { createApp } from "../../../src/server/http/app";
import { inProcessConfig } from "../../helpers/in-process-config";
import { createTestDb } from "../../helpers/test-db";

export const instrumentJson = JSON.parse(
  readFileSync(join(import.meta.dirname, "../../../assets/instrument/ori-kepatuhan-2023.json"), "utf8"),
) as { id: string; version: number };

export interface Person {
  id: string;
  token: string;
}

export interface World {
  db: Db;
  app: ReturnType<typeof createApp>;
  dataDir: string;
  people: Record<"admin" | "sup" | "sup2" | "a1" | "a2" | "a3", Person>;
  /** a1's assignment (open period), a2's, a3's (other office), a1's in a closed period. */
  asg: Record<"a1" | "a2" | "a3" | "closed", { id: string; unitId: string }>;
  periodId: string;
  close(): Promise<void>;
}

export async function createWorld(
  opts: { config?: Partial<Config>; evidence?: BlobStore } = {},
): Promise<World> {
  const testDb = await createTestDb();
  const db = testDb.db;
  const dataDir = mkdtempSync(join(tmpdir(), "patuh-sync-"));
  await sql`insert into offices (id, name) values ('kalbar', 'Kalbar'), ('other', 'Other')`.execute(db);
  await sql`insert into banding_schemes (id, definition) values ('opini-2022', '{}'::jsonb)`.execute(db);
  await sql`insert into instruments (id, version, definition)
            values (${instrumentJson.id}, ${instrumentJson.version}, ${JSON.stringify(instrumentJson)}::jsonb)`.execute(
    db,
  );
  const users = [
    ["admin", "admin", "kalbar"],
    ["sup", "supervisor", "kalbar"],
    ["sup2", "supervisor", "other"],
    ["a1", "assessor", "kalbar"],
    ["a2", "assessor", "kalbar"],
    ["a3", "assessor", "other"],
  ] as const;
  const people = {} as World["people"];
  for (const [name, role, office] of users) {
    const id = randomUUID();
    await sql`insert into users (id, username, name, role, office_id, password_hash)
              values (${id}, ${name}, ${name}, ${role}, ${office}, 'x')`.execute(db);
    const { token } = await createSession(db, systemClock, id);
    people[name] = { id, token };
  }
  // Names differ: an office holds one period per year and name (migration 005).
  const period = async (office: string, status: string, name = "P") => {
    const id = randomUUID();
    await sql`insert into periods (id, office_id, year, name, instrument_id, instrument_version, scheme_id, status)
              values (${id}, ${office}, 2026, ${name}, ${instrumentJson.id}, ${instrumentJson.version}, 'opini-2022', ${status})`.execute(
      db,
    );
    return id;
  };
  const periodId = await period("kalbar", "open");
  const otherPeriod = await period("other", "open");
  const closedPeriod = await period("kalbar", "closed", "P lama");
  const pemda = async (office: string) => {
    const id = randomUUID();
    await sql`insert into pemda (id, office_id, code, name, kind) values (${id}, ${office}, ${id.slice(0, 6)}, 'Kab', 'kabupaten')`.execute(
      db,
    );
    return id;
  };
  const pemdaK = await pemda("kalbar");
  const pemdaO = await pemda("other");
  const assignment = async (p: string, pemdaId: string, team: string[]) => {
    const unitId = randomUUID();
    const id = randomUUID();
    await sql`insert into units (id, pemda_id, kind, name) values (${unitId}, ${pemdaId}, 'disdukcapil', 'Unit')`.execute(
      db,
    );
    await sql`insert into assignments (id, period_id, unit_id) values (${id}, ${p}, ${unitId})`.execute(db);
    for (const u of team)
      await sql`insert into assignment_members (assignment_id, user_id) values (${id}, ${u})`.execute(db);
    return { id, unitId };
  };
  const asg = {
    a1: await assignment(periodId, pemdaK, [people.a1.id]),
    a2: await assignment(periodId, pemdaK, [people.a2.id]),
    a3: await assignment(otherPeriod, pemdaO, [people.a3.id]),
    closed: await assignment(closedPeriod, pemdaK, [people.a1.id]),
  };
  const config = inProcessConfig(dataDir, opts.config);
  const quiet = { error: () => undefined, info: () => undefined };
  const app = createApp({
    db,
    config,
    log: process.env.PATUH_TEST_LOG ? undefined : quiet,
    ...(opts.evidence ? { evidence: opts.evidence } : {}),
  });
  return {
    db,
    app,
    dataDir,
    people,
    asg,
    periodId,
    async close() {
      await testDb.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A world where a2 is a second member of a1's assignment: two people, two devices, one checklist. */
export async function createSharedAssignmentWorld(): Promise<World> {
  const w = await createWorld();
  await sql`insert into assignment_members (assignment_id, user_id) values (${w.asg.a1.id}, ${w.people.a2.id})`.execute(
    w.db,
  );
  return w;
}
