/**
 * Response compression for a poor link (issue #21): every JSON and text answer the client accepts
 * it for is sent brotli- or gzip-encoded.
 *
 * Owns: the choice of encoding (br before gzip, following Accept-Encoding and its q-values), the
 * size threshold, and streaming for bodies of unknown length (exports).
 * Invariants: a response that already has a Content-Encoding (precompressed static files) or is
 * not text-like (images, zip, xlsx: already compressed) passes untouched; every compressible type
 * carries `Vary: Accept-Encoding`, compressed or not, so a shared cache never hands a brotli body
 * to a client that cannot read it; a compressed body never keeps the identity Content-Length.
 * Dynamic answers use a fast brotli level (4): at a few hundred kbit/s the bytes saved by level 11
 * cost more server CPU than they save link time; precompressed assets (built once) use the best.
 */
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { brotliCompressSync, constants, createBrotliCompress, createGzip, gzipSync } from "node:zlib";
import type { MiddlewareHandler } from "hono";

/**
 * Below this the saving is smaller than the `Content-Encoding` header it costs. Low on purpose: a
 * push reply of ten acknowledgements is ~320 B of JSON and ~85 B brotli-encoded, and on a poor link
 * every sync carries one (issue #21: JSON bytes down per sync). Brotli at level 4 on a few hundred
 * bytes costs microseconds.
 */
export const COMPRESSION_THRESHOLD_BYTES = 150;
const BROTLI_DYNAMIC_QUALITY = 4;

export type Encoding = "br" | "gzip";

const COMPRESSIBLE = /^(application\/(json|[\w.+-]+\+json|javascript|xml)|text\/|image\/svg\+xml)/i;

export function isCompressibleType(contentType: string | null): boolean {
  return contentType !== null && COMPRESSIBLE.test(contentType);
}

/** The encodings the client accepts, best first (br before gzip); honours `q=0` refusals. */
export function acceptedEncodings(acceptEncoding: string | undefined | null): Encoding[] {
  if (!acceptEncoding) return [];
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    let weight = 1;
    for (const p of params) {
      const m = /^\s*q=([0-9.]+)\s*$/.exec(p);
      if (m?.[1] !== undefined) weight = Number(m[1]);
    }
    q.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (e: string) => q.get(e) ?? q.get("*") ?? 0;
  const list: Encoding[] = ["br", "gzip"];
  return list.filter((e) => weightOf(e) > 0).sort((a, b) => weightOf(b) - weightOf(a));
}

/** The best encoding the client accepts, or null. */
export function chooseEncoding(acceptEncoding: string | undefined | null): Encoding | null {
  return acceptedEncodings(acceptEncoding)[0] ?? null;
}

function addVary(headers: Headers): void {
  const vary = headers.get("Vary");
  if (vary === null) headers.set("Vary", "Accept-Encoding");
  else if (!/accept-encoding/i.test(vary)) headers.set("Vary", `${vary}, Accept-Encoding`);
}

function compressBuffer(body: Uint8Array, encoding: Encoding): Buffer<ArrayBuffer> {
  return encoding === "br"
    ? brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: BROTLI_DYNAMIC_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
        },
      })
    : gzipSync(body, { level: 6 });
}

function compressStream(body: ReadableStream<Uint8Array>, encoding: Encoding): ReadableStream<Uint8Array> {
  const compressor =
    encoding === "br"
      ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_DYNAMIC_QUALITY } })
      : createGzip({ level: 6 });
  const source = Readable.fromWeb(body as unknown as NodeReadableStream<Uint8Array>);
  source.on("error", (e) => compressor.destroy(e));
  const piped = source.pipe(compressor);
  // Node's web stream type and the DOM one describe the same object.
  return Readable.toWeb(piped) as unknown as ReadableStream<Uint8Array>;
}

/**
 * Compresses a response for `acceptEncoding`. API answers are compressed at once (and skipped
 * under the threshold); downloads (`Content-Disposition: attachment`, the streamed exports) are
 * compressed as they stream, so a large export is never held in memory.
 */
export async function compressResponse(
  res: Response,
  acceptEncoding: string | undefined,
  method: string,
): Promise<Response> {
  const type = res.headers.get("Content-Type");
  if (!isCompressibleType(type) || res.headers.has("Content-Encoding")) return res;
  const headers = new Headers(res.headers);
  addVary(headers);
  const encoding = chooseEncoding(acceptEncoding);
  const passThrough = () =>
    new Response(res.body, { status: res.status, statusText: res.statusText, headers });
  if (
    encoding === null ||
    method === "HEAD" ||
    res.body === null ||
    res.status === 204 ||
    res.status === 304 ||
    /no-transform/i.test(res.headers.get("Cache-Control") ?? "")
  ) {
    return passThrough();
  }
  headers.set("Content-Encoding", encoding);
  if (/attachment/i.test(res.headers.get("Content-Disposition") ?? "")) {
    // A download (export) is streamed by its route: compressed while it flows, never held whole.
    headers.delete("Content-Length");
    return new Response(compressStream(res.body, encoding), {
      status: res.status,
      statusText: res.statusText,
      headers,
    });
  }
  const body = new Uint8Array(await res.arrayBuffer()) as Uint8Array<ArrayBuffer>;
  if (body.byteLength < COMPRESSION_THRESHOLD_BYTES) {
    headers.delete("Content-Encoding");
    return new Response(body, { status: res.status, statusText: res.statusText, headers });
  }
  const compressed = compressBuffer(body, encoding);
  headers.set("Content-Length", String(compressed.byteLength));
  return new Response(compressed, { status: res.status, statusText: res.statusText, headers });
}

/** Hono middleware: compresses whatever the inner handlers answered. */
export function compression(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const compressed = await compressResponse(c.res, c.req.header("Accept-Encoding"), c.req.method);
    if (compressed === c.res) return;
    // Hono's `res` setter copies the old response's headers over the new one (an identity
    // Content-Length would then describe a compressed body): clear it first.
    c.res = undefined;
    c.res = compressed;
  };
}
