import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../../src/server/config";
import { startTestServer, type TestServer } from "../../helpers/test-server";

let s: TestServer;
let staticDir: string;

function expectCommonHeaders(h: Headers) {
  expect(h.get("x-patuh-protocol")).toBe("1");
  const csp = h.get("content-security-policy") ?? "";
  expect(csp).toContain("default-src 'self'");
  expect(csp).toMatch(/script-src 'self'(;|$)/);
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(h.get("x-content-type-options")).toBe("nosniff");
  expect(h.get("referrer-policy")).toBe("no-referrer");
  expect(h.get("x-frame-options")).toBe("DENY");
  expect(h.get("cross-origin-opener-policy")).toBe("same-origin");
}

function errorCode(json: unknown): string | undefined {
  return (json as { error?: { code?: string } } | undefined)?.error?.code;
}

/** A POST whose body is streamed in chunks, without Content-Length. */
function postChunked(
  url: string,
  chunks: number,
  chunkBytes: number,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: "POST", headers: { "content-type": "application/json", "transfer-encoding": "chunked" } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => {
          body += d;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    // The server may answer 413 and close before every chunk is written: that is the point.
    req.on("error", reject);
    const chunk = "x".repeat(chunkBytes);
    let i = 0;
    const writeMore = () => {
      while (i < chunks) {
        i++;
        if (!req.write(chunk)) {
          req.once("drain", writeMore);
          return;
        }
      }
      req.end();
    };
    writeMore();
  });
}

beforeAll(async () => {
  staticDir = mkdtempSync(join(tmpdir(), "patuh-static-"));
  writeFileSync(join(staticDir, "index.html"), "<!doctype html><title>Patuh</title>");
  writeFileSync(join(staticDir, "sw.js"), "self.addEventListener('install', () => {});");
  writeFileSync(join(staticDir, "manifest.webmanifest"), "{}");
  mkdirSync(join(staticDir, "assets"));
  writeFileSync(join(staticDir, "assets", "app-abc123.js"), "console.log('app');");
  writeFileSync(join(tmpdir(), "patuh-secret.txt"), "secret");
  s = await startTestServer({
    config: {
      staticDir,
      limits: { ...DEFAULT_LIMITS, jsonBodyBytes: 4096, mutationsPerPush: 500, evidenceBytes: 1 << 20 },
    },
  });
});
afterAll(async () => {
  await s?.close();
  rmSync(staticDir, { recursive: true, force: true });
});

describe("JSON request bodies", () => {
  it("malformed JSON → 400 invalid_json", async () => {
    const res = await s.client().request("POST", "/api/v1/session", {
      body: '{"username": "a", ',
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect(errorCode(res.json)).toBe("invalid_json");
    expectCommonHeaders(res.headers);
  });

  it("invalid UTF-8 → 400 invalid_json", async () => {
    const res = await s.client().request("POST", "/api/v1/session", {
      body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect(errorCode(res.json)).toBe("invalid_json");
  });

  it("an unknown field → 400 unknown_field with its path", async () => {
    const res = await s.client().post("/api/v1/session", { username: "a", password: "b", remember: true });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      error: { code: "unknown_field", message: expect.any(String), details: { path: "remember" } },
    });
  });

  it("wrong types, missing fields and non-objects → 400 invalid_body with a path", async () => {
    const c = s.client();
    const wrong = await c.post("/api/v1/session", { username: 42, password: "b" });
    expect(wrong.status).toBe(400);
    expect(errorCode(wrong.json)).toBe("invalid_body");
    expect((wrong.json as { error: { details: { path: string } } }).error.details.path).toBe("username");
    const missing = await c.post("/api/v1/session", { username: "a" });
    expect(missing.status).toBe(400);
    expect(errorCode(missing.json)).toBe("invalid_body");
    for (const body of [[], null, "text", 7]) {
      const res = await c.post("/api/v1/session", body);
      expect(res.status).toBe(400);
      expect(errorCode(res.json)).toBe("invalid_body");
    }
  });

  it("a wrong or missing content type → 415", async () => {
    const c = s.client();
    const variants: Record<string, string>[] = [
      { "content-type": "text/plain" },
      {},
      { "content-type": "application/x-www-form-urlencoded" },
    ];
    for (const headers of variants) {
      const res = await c.request("POST", "/api/v1/session", {
        body: '{"username":"a","password":"b"}',
        headers,
      });
      expect(res.status).toBe(415);
      expect(errorCode(res.json)).toBe("unsupported_media_type");
    }
    const withCharset = await c.request("POST", "/api/v1/session", {
      body: '{"username":"a","password":"b"}',
      headers: { "content-type": "application/json; charset=utf-8" },
    });
    expect(withCharset.status).toBe(401);
  });

  it("an oversized body → 413, with Content-Length", async () => {
    const res = await s.client().post("/api/v1/session", { username: "a", password: "x".repeat(5000) });
    expect(res.status).toBe(413);
    expect(errorCode(res.json)).toBe("payload_too_large");
    expectCommonHeaders(res.headers);
  });

  it("an oversized body → 413, streamed without Content-Length", async () => {
    const res = await postChunked(`${s.baseUrl}/api/v1/session`, 64, 1024);
    expect(res.status).toBe(413);
    expect(errorCode(JSON.parse(res.body))).toBe("payload_too_large");
  });
});

describe("routing", () => {
  it("a wrong method on a known API path → 405 with Allow", async () => {
    const res = await s.client().request("PUT", "/api/v1/session", { json: {} });
    expect(res.status).toBe(405);
    expect(errorCode(res.json)).toBe("method_not_allowed");
    expect(res.headers.get("allow")).toBe("DELETE, GET, HEAD, POST");
    expectCommonHeaders(res.headers);
  });

  it("an unknown API path → 404 JSON", async () => {
    for (const path of ["/api/v1/nothing-here", "/api/v2/session", "/api", "/api/"]) {
      const res = await s.client().get(path);
      expect(res.status, path).toBe(404);
      expect(errorCode(res.json), path).toBe("not_found");
      expectCommonHeaders(res.headers);
    }
  });
});

describe("static files", () => {
  it("serves index.html, sw.js and the manifest with no-cache", async () => {
    const c = s.client();
    for (const [path, type] of [
      ["/", "text/html"],
      ["/index.html", "text/html"],
      ["/sw.js", "text/javascript"],
      ["/manifest.webmanifest", "application/manifest+json"],
    ] as const) {
      const res = await c.get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type"), path).toContain(type);
      expect(res.headers.get("cache-control"), path).toBe("no-cache");
      expectCommonHeaders(res.headers);
    }
  });

  it("serves hashed assets as immutable", async () => {
    const res = await s.client().get("/assets/app-abc123.js");
    expect(res.status).toBe(200);
    expect(res.text).toBe("console.log('app');");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expectCommonHeaders(res.headers);
    const missing = await s.client().get("/assets/gone-999.js");
    expect(missing.status).toBe(404);
  });

  it("falls back to index.html for client routes", async () => {
    const res = await s.client().get("/assessments/123/edit?x=1");
    expect(res.status).toBe(200);
    expect(res.text).toContain("<title>Patuh</title>");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expectCommonHeaders(res.headers);
  });

  it("does not escape STATIC_DIR", async () => {
    for (const path of [
      "/../patuh-secret.txt",
      "/%2e%2e/patuh-secret.txt",
      "/assets/..%2f..%2fpatuh-secret.txt",
      "/%2e%2e%2fpatuh-secret.txt",
    ]) {
      const res = await s.client().get(path);
      expect(res.text, path).not.toBe("secret");
    }
  });

  it("answers non-GET methods on pages with 405", async () => {
    const res = await s.client().request("POST", "/somewhere", { body: "x" });
    expect(res.status).toBe(405);
    expectCommonHeaders(res.headers);
  });

  it("without a built client, the API still works and / says so", async () => {
    const bare = await startTestServer({
      testDb: s.testDb,
      config: { staticDir: join(staticDir, "missing") },
    });
    try {
      const root = await bare.client().get("/");
      expect(root.status).toBe(404);
      expect(root.text).toMatch(/not built/);
      expectCommonHeaders(root.headers);
      expect((await bare.client().get("/api/v1/session")).status).toBe(401);
    } finally {
      await bare.close();
    }
  });

  it("never logged a server error", () => {
    expect(s.logged).toEqual([]);
  });
});
