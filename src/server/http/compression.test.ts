import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { acceptedEncodings, COMPRESSION_THRESHOLD_BYTES, compressResponse } from "./compression";
import { serveStatic } from "./static";

const bigJson = JSON.stringify({
  patch: Array.from({ length: 400 }, (_, i) => ({ key: `IN.SP.${i}`, value: 3 })),
});

function jsonResponse(body: string, extra: Record<string, string> = {}): Response {
  return new Response(body, { headers: { "Content-Type": "application/json", ...extra } });
}

describe("acceptedEncodings", () => {
  it("prefers br, honours q-values and refusals", () => {
    expect(acceptedEncodings("gzip, deflate, br")).toEqual(["br", "gzip"]);
    expect(acceptedEncodings("gzip")).toEqual(["gzip"]);
    expect(acceptedEncodings("br;q=0, gzip")).toEqual(["gzip"]);
    expect(acceptedEncodings("br;q=0.5, gzip;q=0.9")).toEqual(["gzip", "br"]);
    expect(acceptedEncodings("identity")).toEqual([]);
    expect(acceptedEncodings(undefined)).toEqual([]);
    expect(acceptedEncodings("*")).toEqual(["br", "gzip"]);
  });
});

describe("compressResponse", () => {
  it("brotli-encodes a large JSON answer, with the compressed length and Vary", async () => {
    const res = await compressResponse(jsonResponse(bigJson), "gzip, deflate, br", "GET");
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(res.headers.get("vary")).toMatch(/accept-encoding/i);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get("content-length"))).toBe(bytes.length);
    expect(bytes.length).toBeLessThan(bigJson.length / 4);
    expect(brotliDecompressSync(bytes).toString("utf8")).toBe(bigJson);
  });

  it("gzip when the client takes only gzip; identity when it takes neither", async () => {
    const gz = await compressResponse(jsonResponse(bigJson), "gzip", "GET");
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString("utf8")).toBe(bigJson);
    const plain = await compressResponse(jsonResponse(bigJson), undefined, "GET");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.headers.get("vary")).toMatch(/accept-encoding/i);
    expect(await plain.text()).toBe(bigJson);
  });

  it("compresses a push reply of ten acknowledgements to well under half", async () => {
    const reply = JSON.stringify({
      lastMutationId: 21,
      results: Array.from({ length: 10 }, (_, i) => ({ id: 12 + i, status: "applied" })),
    });
    const res = await compressResponse(jsonResponse(reply), "gzip, br", "POST");
    expect(res.headers.get("content-encoding")).toBe("br");
    const wire = Buffer.from(await res.arrayBuffer());
    expect(brotliDecompressSync(wire).toString("utf8")).toBe(reply);
    expect(wire.length).toBeLessThan(reply.length / 2);
  });

  it("leaves small answers, images and already-encoded bodies alone", async () => {
    const small = "x".repeat(COMPRESSION_THRESHOLD_BYTES - 10);
    const s = await compressResponse(jsonResponse(JSON.stringify(small)), "br", "GET");
    expect(s.headers.get("content-encoding")).toBeNull();
    expect(await s.json()).toBe(small);
    const jpeg = new Response(new Uint8Array(5000), { headers: { "Content-Type": "image/jpeg" } });
    expect((await compressResponse(jpeg, "br", "GET")).headers.get("content-encoding")).toBeNull();
    const pre = gzipSync(bigJson);
    const encoded = new Response(pre, {
      headers: { "Content-Type": "application/json", "Content-Encoding": "gzip" },
    });
    const out = await compressResponse(encoded, "br", "GET");
    expect(out.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await out.arrayBuffer())).toString("utf8")).toBe(bigJson);
  });

  it("streams a download (export) through the compressor", async () => {
    const rows = Array.from({ length: 200 }, (_, i) => `row ${i},pemda,unit,${i % 7}\r\n`.repeat(25));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const r of rows) controller.enqueue(new TextEncoder().encode(r));
        controller.close();
      },
    });
    const res = new Response(stream, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="x.csv"',
      },
    });
    const out = await compressResponse(res, "gzip, br", "GET");
    expect(out.headers.get("content-encoding")).toBe("br");
    expect(out.headers.get("content-length")).toBeNull();
    expect(brotliDecompressSync(Buffer.from(await out.arrayBuffer())).toString("utf8")).toBe(rows.join(""));
  });
});

describe("precompressed static files", () => {
  const dir = mkdtempSync(join(tmpdir(), "patuh-precompressed-"));
  const js = `console.log(${JSON.stringify("patuh ".repeat(500))});`;
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>Patuh</title>");
  writeFileSync(join(dir, "app.js"), js);
  writeFileSync(join(dir, "app.js.br"), brotliCompressSync(js));
  writeFileSync(join(dir, "app.js.gz"), gzipSync(js));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("sends the .br sibling to a br client, the .gz one to a gzip client, the file otherwise", async () => {
    const br = await serveStatic(dir, "/app.js", false, "gzip, br");
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.headers.get("vary")).toBe("Accept-Encoding");
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString("utf8")).toBe(js);
    const gz = await serveStatic(dir, "/app.js", false, "gzip");
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString("utf8")).toBe(js);
    const plain = await serveStatic(dir, "/app.js", false, undefined);
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe(js);
    // The compression middleware must not encode it twice.
    const again = await compressResponse(await serveStatic(dir, "/app.js", false, "br"), "br", "GET");
    expect(brotliDecompressSync(Buffer.from(await again.arrayBuffer())).toString("utf8")).toBe(js);
  });
});
