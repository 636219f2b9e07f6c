// The world both locus-data test files start from, on PGlite or PostgreSQL: the offices, the
// opini-2025 scheme and the test 2025 instrument (instrument.ts) stored, one signed-in user per
// role named by the test, and the app answering in-process. Periods, loci and units are each
// file's own.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { createSession } from "../../../src/server/auth/sessions";
import { systemClock } from "../../../src/server/clock";
import type { Db } from "../../../src/server/db/connection";
import { createApp } from "../../../src/server/http/app";
import { inProcessConfig } from "../../helpers/in-process-config";
import { createTestDb } from "../../helpers/test-db";
import { testInstrument2025 } from "./instrument";

export type Body = Record<string, unknown> & { error?: { code: string; details?: Record<string, unknown> } };

export interface LocusWorld<Who extends string> {
  db: Db;
  ids: Record<Who, string>;
  /** An API call as `who` (their session cookie): a JSON body, or bytes with their content type. */
  call(
    who: Who,
    method: string,
    path: string,
    body?: unknown,
    type?: string,
  ): Promise<{ status: number; body: Body; bytes: Uint8Array; headers: Headers }>;
  close(): Promise<void>;
}

export async function startLocusWorld<Who extends string>(
  offices: readonly (readonly [id: string, name: string])[],
  people: readonly (readonly [who: Who, role: string, officeId: string])[],
): Promise<LocusWorld<Who>> {
  const testDb = await createTestDb();
  const db = testDb.db;
  const dataDir = mkdtempSync(join(tmpdir(), "patuh-locus-"));
  for (const [id, name] of offices)
    await sql`insert into offices (id, name) values (${id}, ${name})`.execute(db);
  await sql`insert into banding_schemes (id, definition) values ('opini-2025', '{}'::jsonb)`.execute(db);
  await sql`insert into instruments (id, version, definition)
            values ('uji-2025', 1, ${JSON.stringify(testInstrument2025)}::jsonb)`.execute(db);
  const ids = {} as Record<Who, string>;
  const tokens = {} as Record<Who, string>;
  for (const [who, role, office] of people) {
    ids[who] = randomUUID();
    await sql`insert into users (id, username, name, role, office_id, password_hash)
              values (${ids[who]}, ${who}, ${who}, ${role}, ${office}, 'x')`.execute(db);
    tokens[who] = (await createSession(db, systemClock, ids[who])).token;
  }
  const config = inProcessConfig(dataDir);
  const app = createApp({ db, config, log: { error: (m, e) => console.error(m, e), info: () => undefined } });
  return {
    db,
    ids,
    async call(who, method, path, body, type = "application/json") {
      const headers: Record<string, string> = { cookie: `patuh_session=${tokens[who]}` };
      if (body !== undefined) headers["content-type"] = type;
      const res = await app.request(`/api/v1${path}`, {
        method,
        headers,
        body:
          body === undefined
            ? undefined
            : body instanceof Uint8Array
              ? new Uint8Array(body)
              : JSON.stringify(body),
      });
      const bytes = new Uint8Array(await res.arrayBuffer());
      let json: Body = {};
      try {
        json = JSON.parse(new TextDecoder().decode(bytes)) as Body;
      } catch {
        // a file
      }
      return { status: res.status, body: json, bytes, headers: res.headers };
    },
    async close() {
      await testDb.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
