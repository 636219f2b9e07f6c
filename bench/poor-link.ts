// Poor-link bench (issue #21): one assessor's day of work — 5 checklists, each created, answered
// with a sync every 10 taps and given 25 photos with a sync every 5 — synced by the real device
// code in Chromium over an emulated poor link (CDP Network.emulateNetworkConditions: 400 kbit/s
// down, 200 kbit/s up, 400 ms RTT) against the real server over real HTTP.
//
// Reports bytes up and down (counted on the server's sockets: headers and bodies as sent), the
// number of requests, the time spent syncing, and beside it the link's own limit: bytes up ÷ up
// bandwidth + bytes down ÷ down bandwidth + requests × RTT. Also the JSON bytes down per sync
// (push + pull answers as they crossed the wire, i.e. compressed when the server compressed them).
//
// Standalone (PGlite, small): PATUH_POOR_LINK_PHOTO_BYTES=4000 npx tsx bench/poor-link.ts
// PATUH_BENCH_DATABASE_URL=postgres://… uses a throwaway database on that server instead.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { serve } from "@hono/node-server";
import { sql } from "kysely";
import { chromium } from "playwright-core";
import { createSession } from "../src/server/auth/sessions";
import { systemClock } from "../src/server/clock";
import { DEFAULT_LIMITS } from "../src/server/config";
import { type Db, openPglite } from "../src/server/db/connection";
import { migrate } from "../src/server/db/migrate";
import { createApp } from "../src/server/http/app";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../tests/e2e/support/browser";
import type { PoorLinkConfig, PoorLinkPageResult } from "./poor-link-page";
import { seedBenchBase, withBenchDatabase } from "./server-support";
import { type BenchResult, bundlePageScript } from "./support";

const DOWN_BPS = 400_000;
const UP_BPS = 200_000;
const RTT_MS = 400;

export interface PoorLinkFigures {
  bytesUp: number;
  bytesDown: number;
  requests: number;
  syncs: number;
  syncSeconds: number;
  limitSeconds: number;
  /** JSON bodies of push + pull answers per sync, the first pull excluded. */
  jsonBytesDownPerSync: number;
  firstPullBytes: number;
  photoBytes: number;
}

function envNumber(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

async function seedAssessor(db: Db, checklists: number): Promise<{ userId: string; token: string }> {
  const base = await seedBenchBase(db, { id: "poorlink", name: "Poorlink", pemdaCode: "9911" });
  const userId = randomUUID();
  await sql`insert into users (id, username, name, role, office_id, password_hash)
            values (${userId}, 'penilai-poor', 'Penilai Poor', 'assessor', 'poorlink', 'x')`.execute(db);
  for (let a = 0; a < checklists; a++) {
    const unitId = randomUUID();
    const id = randomUUID();
    await sql`insert into units (id, pemda_id, kind, name, suggested_products)
              values (${unitId}, ${base.pemdaId}, 'disdukcapil', ${`Unit ${a}`}, '["KTP-el"]'::jsonb)`.execute(
      db,
    );
    await sql`insert into assignments (id, period_id, unit_id) values (${id}, ${base.periodId}, ${unitId})`.execute(
      db,
    );
    await sql`insert into assignment_members (assignment_id, user_id) values (${id}, ${userId})`.execute(db);
  }
  const { token } = await createSession(db, systemClock, userId);
  return { userId, token };
}

export async function runPoorLink(db: Db, dataDir: string): Promise<PoorLinkFigures> {
  const cfg: Omit<PoorLinkConfig, "userId"> = {
    checklists: envNumber("PATUH_POOR_LINK_CHECKLISTS", 5),
    taps: envNumber("PATUH_POOR_LINK_TAPS", 60),
    tapsPerSync: 10,
    photos: envNumber("PATUH_POOR_LINK_PHOTOS", 25),
    photosPerSync: 5,
    photoBytes: envNumber("PATUH_POOR_LINK_PHOTO_BYTES", 30_000),
  };
  const { userId, token } = await seedAssessor(db, cfg.checklists);
  const app = createApp({
    db,
    config: {
      port: 0,
      host: "127.0.0.1",
      databaseUrl: null,
      dataDir,
      staticDir: dataDir,
      demoPassword: null,
      limits: DEFAULT_LIMITS,
      evidence: { kind: "fs" },
      metricsToken: null,
      trustProxy: false,
    },
    log: { error: (m, e) => console.error(m, e), info: () => undefined },
  });
  const js = await bundlePageScript("poor-link-page.ts");
  let requests = 0;
  let counting = false;
  const page = `<!doctype html><meta charset="utf-8"><title>poor link</title>`;
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  // Wire bytes per socket since counting began: closed sockets add their last figures here.
  const sockets = new Map<Socket, { read: number; written: number }>();
  const closed = { up: 0, down: 0 };
  server.on("connection", (socket: Socket) => {
    sockets.set(socket, { read: socket.bytesRead, written: socket.bytesWritten });
    socket.on("close", () => {
      const base = sockets.get(socket);
      if (base !== undefined && counting) {
        closed.up += socket.bytesRead - base.read;
        closed.down += socket.bytesWritten - base.written;
      }
      sockets.delete(socket);
    });
  });
  const startCounting = () => {
    for (const [socket, base] of sockets) {
      base.read = socket.bytesRead;
      base.written = socket.bytesWritten;
    }
    counting = true;
  };
  const stopCounting = () => {
    let up = closed.up;
    let down = closed.down;
    for (const [socket, base] of sockets) {
      up += socket.bytesRead - base.read;
      down += socket.bytesWritten - base.written;
    }
    counting = false;
    return { up, down };
  };
  server.on("request", (req) => {
    if (counting && req.url?.startsWith("/api/")) requests += 1;
  });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext();
    await context.addCookies([{ name: "patuh_session", value: token, url: origin }]);
    const tab = await context.newPage();
    // The page itself comes over the fast link; only the sync is measured.
    await tab.route(`${origin}/bench`, (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: page }),
    );
    await tab.goto(`${origin}/bench`);
    await tab.addScriptTag({ content: js });
    const cdp = await context.newCDPSession(tab);
    await cdp.send("Network.enable");
    // JSON bodies of push and pull answers as they crossed the wire (compressed when the server
    // compressed them): the request's bytes at its end minus those of its headers.
    const syncRequests = new Map<string, { url: string; headerBytes: number; bodyBytes: number }>();
    const syncOrder: string[] = [];
    cdp.on("Network.requestWillBeSent", (e) => {
      if (!/\/api\/v1\/sync\//.test(e.request.url)) return;
      syncRequests.set(e.requestId, { url: e.request.url, headerBytes: 0, bodyBytes: 0 });
      syncOrder.push(e.requestId);
    });
    cdp.on("Network.responseReceived", (e) => {
      const r = syncRequests.get(e.requestId);
      if (r !== undefined) r.headerBytes = e.response.encodedDataLength;
    });
    cdp.on("Network.loadingFinished", (e) => {
      const r = syncRequests.get(e.requestId);
      if (r !== undefined) r.bodyBytes = e.encodedDataLength - r.headerBytes;
      if (r !== undefined && process.env.PATUH_DEBUG_BODIES)
        void cdp
          .send("Network.getResponseBody", { requestId: e.requestId })
          .then((b) => console.log(r.url.slice(-20), r.bodyBytes, b.body.slice(0, 1500)));
    });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: RTT_MS,
      downloadThroughput: DOWN_BPS / 8,
      uploadThroughput: UP_BPS / 8,
    });
    startCounting();
    const result = (await tab.evaluate(
      (c) =>
        (
          globalThis as unknown as { runPoorLink: (c: PoorLinkConfig) => Promise<PoorLinkPageResult> }
        ).runPoorLink(c),
      { ...cfg, userId },
    )) as PoorLinkPageResult;
    const { up: bytesUp, down: bytesDown } = stopCounting();
    if (result.errors.length > 0)
      throw new Error(`poor-link syncs failed: ${result.errors.slice(0, 3).join("; ")}`);
    const syncSeconds = result.syncs.reduce((s, x) => s + x.ms, 0) / 1000;
    const limitSeconds = (bytesUp * 8) / UP_BPS + (bytesDown * 8) / DOWN_BPS + (requests * RTT_MS) / 1000;
    // The first pull (reference data and the instrument) is reported on its own.
    const firstPull = syncOrder.find((id) => syncRequests.get(id)?.url.includes("/sync/pull"));
    let jsonTotal = 0;
    for (const [id, r] of syncRequests) if (id !== firstPull) jsonTotal += r.bodyBytes;
    const firstPullBytes = firstPull === undefined ? 0 : (syncRequests.get(firstPull)?.bodyBytes ?? 0);
    return {
      bytesUp,
      bytesDown,
      requests,
      syncs: result.syncs.length,
      syncSeconds,
      limitSeconds,
      jsonBytesDownPerSync: jsonTotal / Math.max(1, result.syncs.length - 1),
      firstPullBytes,
      photoBytes: cfg.photoBytes,
    };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      if ("closeAllConnections" in server && typeof server.closeAllConnections === "function")
        server.closeAllConnections();
    });
  }
}

function toRows(f: PoorLinkFigures): BenchResult<number | string>[] {
  const r2 = (n: number) => Math.round(n * 100) / 100;
  return [
    {
      name: `poor link: syncs in a day (5 checklists, 25 photos of ${Math.round(f.photoBytes / 1000)} KB)`,
      value: f.syncs,
      unit: "syncs",
    },
    { name: "poor link: bytes up", value: Math.round(f.bytesUp / 1024), unit: "KiB" },
    { name: "poor link: bytes down", value: Math.round(f.bytesDown / 1024), unit: "KiB" },
    { name: "poor link: requests", value: f.requests, unit: "requests" },
    {
      name: "poor link: JSON bytes down per sync (push + pull bodies, after the first pull)",
      value: Math.round(f.jsonBytesDownPerSync),
      unit: "B",
    },
    { name: "poor link: first pull JSON body", value: Math.round(f.firstPullBytes / 1024), unit: "KiB" },
    { name: "poor link: time syncing", value: r2(f.syncSeconds), unit: "s" },
    {
      name: "poor link: the link's limit (bytes ÷ bandwidth + requests × RTT)",
      value: r2(f.limitSeconds),
      unit: "s",
    },
    {
      name: "poor link: time ÷ limit",
      value: r2(f.syncSeconds / f.limitSeconds),
      unit: "×",
      target: "≤ 1.3 ×",
    },
  ];
}

export async function benchPoorLink(databaseUrl: string): Promise<BenchResult<number | string>[]> {
  return toRows(await withBenchDatabase(databaseUrl, "poorlink", runPoorLink));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const url = process.env.PATUH_BENCH_DATABASE_URL;
  let figures: PoorLinkFigures;
  if (url) figures = await withBenchDatabase(url, "poorlink", runPoorLink);
  else {
    const dataDir = mkdtempSync(join(tmpdir(), "patuh-poorlink-"));
    const handle = await openPglite(null);
    try {
      await migrate(handle.db);
      figures = await runPoorLink(handle.db, dataDir);
    } finally {
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  console.log(JSON.stringify(figures, null, 2));
  for (const r of toRows(figures)) console.log(`${r.name}: ${r.value} ${r.unit}`);
}
