/**
 * /evidence/{sha256}: content-addressed upload (PUT), existence check (HEAD), download (GET).
 *
 * Owns the HTTP rules of evidence: the path must be 64 lowercase hex digits (anything else is 404:
 * no path tricks reach the store); type in the accepted list and magic bytes matching it (415);
 * size limit on Content-Length and on the streamed count (413); server hash = path (else 400
 * hash_mismatch). The bytes are verified on every PUT, also for a blob already stored, because a
 * PUT also registers the caller as an uploader (who may then GET it).
 * GET and HEAD answer 404 unless the user may read the blob (src/server/evidence/ownership.ts:
 * they uploaded it, or can see an assessment whose reference to it is vouched for), so a known
 * hash neither opens the bytes nor reveals that they exist; a device told 404 by HEAD uploads the
 * bytes, which proves it holds them. GET honours one `Range: bytes=…` (206, for the viewer and
 * resumed downloads). When the evidence store cannot be reached, PUT and GET answer 503
 * evidence_store_unavailable with Retry-After: the device keeps the photo and retries; answers
 * sync meanwhile (push never touches the store).
 * Bytes are served as a download (`Content-Disposition: attachment`) under a sandboxing CSP: a
 * JPEG look-alike or a PDF with scripts is never rendered as a page of this origin.
 */

import { join } from "node:path";
import { Readable } from "node:stream";
import type { Context } from "hono";
import { requireUser } from "../../auth/middleware";
import { findEvidence, recordEvidence } from "../../db/evidence";
import {
  BlobHashMismatchError,
  BlobStoreUnavailableError,
  BlobTooLargeError,
  type ByteRange,
} from "../../evidence/blob-store";
import { checkUploadCapacity, isDiskFull } from "../../evidence/capacity";
import { recordCaptureTime } from "../../evidence/capture-time";
import { baseMime, EVIDENCE_MIME_TYPES, isEvidenceMime, magicMatches } from "../../evidence/magic";
import { mayReadEvidence } from "../../evidence/ownership";
import { UploadStaging } from "../../evidence/upload-staging";
import { metrics } from "../../ops/metrics";
import type { AppEnv, RouteModule } from "../context";
import { problem } from "../problems";
import { resumablePut } from "./evidence-resumable";

const PATH = "/evidence/:sha256{[0-9a-f]{64}}";

class MagicMismatch extends Error {}

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "application/pdf": "pdf",
};

async function* chunks(body: ReadableStream<Uint8Array> | null): AsyncGenerator<Uint8Array> {
  if (body === null) return;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

function sha256Of(c: Context<AppEnv>): string {
  const sha = c.req.param("sha256");
  if (sha === undefined || !/^[0-9a-f]{64}$/.test(sha)) throw problem("not_found");
  return sha;
}

/** A store outage is the server's condition, not the client's: 503, retry later. */
function storeProblem(error: unknown, log: { error(m: string, e?: unknown): void }): unknown {
  if (!(error instanceof BlobStoreUnavailableError)) return error;
  log.error("evidence store unavailable", error.message);
  metrics.evidenceUnavailable.inc({});
  return problem("evidence_store_unavailable", undefined, { headers: { "Retry-After": "30" } });
}

/**
 * One `bytes=` range of a file of `size` bytes: null when absent or not a single byte range
 * (served whole, as RFC 9110 allows), "unsatisfiable" when it starts past the end.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | null | "unsatisfiable" {
  if (header === undefined) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return null;
  if (m[1] === "") {
    const suffix = Number(m[2]);
    if (suffix === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size) return "unsatisfiable";
  if (end < start) return null;
  return { start, end };
}

export const evidenceRoutes: RouteModule = {
  name: "evidence",
  mount(api, deps) {
    const store = deps.evidence;
    const init = () => store.init();
    // Free space is checked where uploads are spooled and, for the file store, kept: DATA_DIR.
    const root = deps.config.dataDir;
    const limit = deps.config.limits.evidenceBytes;
    // Resumable uploads (Content-Range): evidence-resumable.ts.
    const staging = new UploadStaging(join(deps.config.dataDir, "evidence-staging"));

    api.put(PATH, requireUser(deps), async (c) => {
      const sha256 = sha256Of(c);
      const mime = baseMime(c.req.header("content-type"));
      if (!isEvidenceMime(mime)) throw problem("unsupported_media_type", { expected: EVIDENCE_MIME_TYPES });
      const declared = c.req.header("content-length");
      if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) > limit) {
        throw problem("payload_too_large", { limitBytes: limit });
      }
      await init();
      // Quota and disk reserve before a byte is written; a blob already stored costs nothing. An
      // upload without Content-Length counts as the size limit for the disk reserve.
      if ((await findEvidence(deps.db, sha256)) === undefined) {
        const incoming = declared !== undefined && /^\d+$/.test(declared) ? Number(declared) : null;
        const verdict = await checkUploadCapacity(deps.db, c.get("user"), root, incoming, deps.config.limits);
        if (!verdict.ok) {
          const { ok: _ok, code, ...details } = verdict;
          throw problem(code, details, { headers: { "Retry-After": "3600" } });
        }
      }
      const range = c.req.header("content-range");
      if (range !== undefined)
        return resumablePut(c, sha256, mime, range, { deps, store, staging, limitBytes: limit });
      let stored: { created: boolean; bytes: number };
      try {
        stored = await store.put(sha256, chunks(c.req.raw.body), {
          limitBytes: limit,
          inspect: (head) => {
            if (!magicMatches(mime, head)) throw new MagicMismatch();
          },
        });
      } catch (error) {
        if (error instanceof BlobTooLargeError) throw problem("payload_too_large", { limitBytes: limit });
        if (error instanceof MagicMismatch)
          throw problem("unsupported_media_type", { reason: `the bytes are not ${mime}` });
        if (error instanceof BlobHashMismatchError)
          throw problem("hash_mismatch", { expected: sha256, actual: error.actual });
        // The store wrote to a temporary file and removed it: nothing half-stored, nothing recorded.
        if (isDiskFull(error))
          throw problem("insufficient_storage", undefined, { headers: { "Retry-After": "3600" } });
        throw storeProblem(error, deps.log);
      }
      if (stored.bytes === 0) throw problem("unsupported_media_type", { reason: "empty body" });
      metrics.evidenceBytes.inc({ direction: "in" }, stored.bytes);
      // The row is written only now, after the bytes are durably in place: row ⇒ bytes.
      const created = await recordEvidence(deps.db, {
        sha256,
        mime,
        bytes: stored.bytes,
        userId: c.get("user").id,
      });
      if (created) await recordCaptureTime(deps.db, store, { sha256, mime });
      return c.json({ sha256, mime, bytes: stored.bytes }, created ? 201 : 200);
    });

    // Hono routes HEAD to the GET handler; HEAD is the device's "already uploaded?" check.
    api.get(PATH, requireUser(deps), async (c) => {
      const sha256 = sha256Of(c);
      const user = c.get("user");
      const row = await findEvidence(deps.db, sha256);
      if (row === undefined && c.req.method === "HEAD") {
        // A resumable upload in progress: how far it got (Upload-Offset), so the device resumes.
        const offset = await staging.offset(sha256, user.id);
        throw problem("not_found", undefined, { headers: { "Upload-Offset": String(offset) } });
      }
      if (row === undefined || !(await mayReadEvidence(deps.db, sha256, user))) throw problem("not_found");
      if (c.req.method === "HEAD") {
        return c.body(null, 200, { "Content-Length": String(row.bytes), "Content-Type": row.mime });
      }
      const range = parseRange(c.req.header("range"), row.bytes);
      if (range === "unsatisfiable") {
        throw problem("range_not_satisfiable", undefined, {
          headers: { "Content-Range": `bytes */${row.bytes}` },
        });
      }
      // If-Range with another validator: the whole file (RFC 9110 §13.1.5).
      const ifRange = c.req.header("if-range");
      const part = range !== null && (ifRange === undefined || ifRange === `"${sha256}"`) ? range : null;
      let file: Awaited<ReturnType<typeof store.stream>>;
      try {
        await init();
        file = await store.stream(sha256, part ?? undefined);
      } catch (error) {
        throw storeProblem(error, deps.log);
      }
      if (file === null) throw problem("not_found");
      const headers: Record<string, string> = {
        "Content-Type": row.mime,
        "Content-Length": String(part ? part.end - part.start + 1 : file.bytes),
        "Cache-Control": "private, max-age=31536000, immutable",
        ETag: `"${sha256}"`,
        "Accept-Ranges": "bytes",
        "Content-Disposition": `attachment; filename="${sha256.slice(0, 16)}.${EXTENSIONS[row.mime] ?? "bin"}"`,
        // Overrides the app's CSP for this response: no script, no plugin, a unique origin.
        "Content-Security-Policy": "default-src 'none'; img-src 'self'; sandbox",
      };
      metrics.evidenceBytes.inc({ direction: "out" }, part ? part.end - part.start + 1 : file.bytes);
      if (part) headers["Content-Range"] = `bytes ${part.start}-${part.end}/${file.bytes}`;
      return new Response(Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, {
        status: part ? 206 : 200,
        headers,
      });
    });
  },
};
