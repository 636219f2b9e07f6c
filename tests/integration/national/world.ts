// Test world for the national round: the Kantor Pusat (pusat) and two Kantor Perwakilan (kalbar,
// jatim) with their admins, supervisors and an assessor; pemda with units; the default instrument.
// Assessments are seeded as submitted states with SQL (answeredState) and approved through the real
// review endpoint by each office's supervisor.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { parseInstrument } from "../../../src/domain/instrument/parse-instrument";
import type { Instrument } from "../../../src/domain/instrument/types";
import { createSession } from "../../../src/server/auth/sessions";
import { systemClock } from "../../../src/server/clock";
import type { Db } from "../../../src/server/db/connection";
import { createApp } from "../../../src/server/http/app";
import { answeredState } from "../../helpers/answered-state";
import { inProcessConfig } from "../../helpers/in-process-config";
import { createTestDb } from "../../helpers/test-db";
import { instrumentJson } from "../sync/world";

export const PEOPLE = [
  ["adminP", "admin", "pusat"],
  ["adminK", "admin", "kalbar"],
  ["supK", "supervisor", "kalbar"],
  ["supJ", "supervisor", "jatim"],
  ["assK", "assessor", "kalbar"],
] as const;
export type Who = (typeof PEOPLE)[number][0];

export interface Reply {
  status: number;
  body: Record<string, unknown> & { error?: { code: string; details?: Record<string, unknown> } };
  bytes: Uint8Array;
}

export interface NationalWorld {
  db: Db;
  app: ReturnType<typeof createApp>;
  instrument: Instrument;
  people: Record<Who, { id: string; token: string }>;
  call(who: Who, method: string, path: string, json?: unknown): Promise<Reply>;
  /** A pemda with `units` units of the office; returns its id and unit ids. */
  pemda(
    office: string,
    code: string,
    name: string,
    kind: string,
    units: number,
  ): Promise<{ id: string; units: string[] }>;
  /** Samples the units in the period and seeds a submitted assessment per unit (answers from seeds). */
  submitted(
    periodId: string,
    office: string,
    pemdaId: string,
    units: string[],
    seeds: number[],
  ): Promise<string[]>;
  close(): Promise<void>;
}

export async function createNationalWorld(): Promise<NationalWorld> {
  const testDb = await createTestDb();
  const db = testDb.db;
  const dataDir = mkdtempSync(join(tmpdir(), "patuh-national-"));
  const parsed = parseInstrument(instrumentJson);
  if (!parsed.ok) throw new Error("default instrument does not parse");
  await sql`insert into offices (id, name) values ('pusat', 'Kantor Pusat'), ('kalbar', 'Kalimantan Barat'),
            ('jatim', 'Jawa Timur')`.execute(db);
  await sql`insert into instruments (id, version, definition)
            values (${instrumentJson.id}, ${instrumentJson.version}, ${JSON.stringify(instrumentJson)}::jsonb)`.execute(
    db,
  );
  const people = {} as NationalWorld["people"];
  for (const [name, role, office] of PEOPLE) {
    const id = randomUUID();
    await sql`insert into users (id, username, name, role, office_id, password_hash)
              values (${id}, ${name}, ${name}, ${role}, ${office}, 'x')`.execute(db);
    people[name] = { id, token: (await createSession(db, systemClock, id)).token };
  }
  const config = inProcessConfig(dataDir);
  const app = createApp({ db, config, log: { error: (m, e) => console.error(m, e), info: () => undefined } });
  const call: NationalWorld["call"] = async (who, method, path, json) => {
    const headers: Record<string, string> = { cookie: `patuh_session=${people[who].token}` };
    if (json !== undefined) headers["content-type"] = "application/json";
    const res = await app.request(`/api/v1${path}`, {
      method,
      headers,
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    const bytes = new Uint8Array(await res.arrayBuffer());
    let body: Reply["body"] = {};
    try {
      body = JSON.parse(new TextDecoder().decode(bytes)) as Reply["body"];
    } catch {
      // a file
    }
    return { status: res.status, body, bytes };
  };
  return {
    db,
    app,
    instrument: parsed.instrument,
    people,
    call,
    async pemda(office, code, name, kind, count) {
      const id = randomUUID();
      await sql`insert into pemda (id, office_id, code, name, kind) values (${id}, ${office}, ${code}, ${name}, ${kind})`.execute(
        db,
      );
      const units: string[] = [];
      for (let i = 0; i < count; i++) {
        const unit = randomUUID();
        await sql`insert into units (id, pemda_id, kind, name) values (${unit}, ${id}, 'disdukcapil', ${`Unit ${i + 1}`})`.execute(
          db,
        );
        units.push(unit);
      }
      return { id, units };
    },
    async submitted(periodId, office, pemdaId, units, seeds) {
      const ids: string[] = [];
      const by = people.assK.id;
      for (const [i, unitId] of units.entries()) {
        const assignmentId = randomUUID();
        await sql`insert into assignments (id, period_id, unit_id) values (${assignmentId}, ${periodId}, ${unitId})`.execute(
          db,
        );
        const seed = seeds[i];
        if (seed === undefined) continue;
        const s = answeredState(
          parsed.instrument,
          seed,
          { id: randomUUID(), assignmentId, unitId, pemdaId, periodId },
          by,
          "submitted",
        );
        await sql`insert into assessments (id, assignment_id, period_id, unit_id, pemda_id, office_id, status, revision,
                    state, created_by, updated_at)
                  values (${s.id}, ${assignmentId}, ${periodId}, ${unitId}, ${pemdaId}, ${office}, 'submitted',
                    ${s.revision}, ${JSON.stringify(s)}::jsonb, ${by}, now())`.execute(db);
        ids.push(s.id);
      }
      return ids;
    },
    async close() {
      await testDb.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
