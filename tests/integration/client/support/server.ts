// The real server for client integration tests: tests/helpers/test-server.ts (the Hono app over
// real HTTP on an ephemeral port) on a fresh test database (PGlite or PostgreSQL, per
// PATUH_TEST_DB) seeded with the demo data. It can be stopped and started again on the SAME
// database (its port changes; devices follow through their fetch, see cookie-fetch.ts).
import { seedDemo } from "../../../../src/server/demo/seed-demo";
import { createTestDb } from "../../../helpers/test-db";
import { startTestServer, type TestServer } from "../../../helpers/test-server";

export const DEMO_TEST_PASSWORD = "client-it-Demo-2026";

export interface LiveServer {
  url(): string;
  password: string;
  /** Stops listening (open connections are cut); the database stays. */
  stop(): Promise<void>;
  /** Starts the app again on the same database. */
  restart(): Promise<void>;
  /** Stops and disposes of the database. */
  close(): Promise<void>;
  /** Errors the app logged (a 5xx is a bug). */
  logged(): string[];
}

export async function startLiveServer(): Promise<LiveServer> {
  const testDb = await createTestDb();
  const { password } = await seedDemo(testDb.db, { password: DEMO_TEST_PASSWORD });
  let server: TestServer | null = await startTestServer({ testDb });
  let lastUrl = server.baseUrl;
  const logged: string[] = [];
  const stop = async () => {
    const s = server;
    server = null;
    if (s) {
      logged.push(...s.logged);
      await s.close();
    }
  };
  return {
    url: () => server?.baseUrl ?? lastUrl,
    password,
    stop,
    async restart() {
      await stop();
      server = await startTestServer({ testDb });
      lastUrl = server.baseUrl;
    },
    async close() {
      await stop();
      await testDb.close();
    },
    logged: () => [...logged, ...(server?.logged ?? [])],
  };
}
