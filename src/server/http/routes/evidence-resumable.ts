/**
 * The resumable form of `PUT /evidence/{sha256}` (protocol step 1.1; docs/api.md "Resumable
 * upload"): a PUT with `Content-Range: bytes START-END/TOTAL` appends to the uploader's staging
 * file; `HEAD` tells a device how much arrived (`Upload-Offset`) after a dropped connection.
 *
 * Owns the HTTP rules of ranged uploads: the range must start at the bytes already received
 * (409 `upload_offset_mismatch` with `details.offset` otherwise), TOTAL within the evidence limit
 * (413), the first bytes must match the type (415). Until the last byte arrives the answer is 202
 * `{sha256, received, total}`; then the whole staged file goes through `BlobStore.put` (hashed again:
 * 400 `hash_mismatch` discards it, the device starts over) and the answer is that of a plain PUT.
 * Invariant: nothing counts as stored (row or blob) before the complete bytes hashed right.
 */
import type { Context } from "hono";
import type { EvidenceMime } from "../../../domain/sync/protocol";
import { recordEvidence } from "../../db/evidence";
import { BlobHashMismatchError, type BlobStore, BlobTooLargeError } from "../../evidence/blob-store";
import { recordCaptureTime } from "../../evidence/capture-time";
import { magicMatches } from "../../evidence/magic";
import {
  parseContentRange,
  RangeStartMismatchError,
  UploadInterruptedError,
  type UploadStaging,
} from "../../evidence/upload-staging";
import type { AppDeps, AppEnv } from "../context";
import { problem } from "../problems";

export interface ResumableDeps {
  deps: AppDeps;
  store: BlobStore;
  staging: UploadStaging;
  limitBytes: number;
}

async function* chunksOf(body: ReadableStream<Uint8Array> | null, first?: (head: Uint8Array) => void) {
  if (body === null) return;
  const reader = body.getReader();
  let seen = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (!seen) {
        seen = true;
        first?.(value);
      }
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

class MagicMismatch extends Error {}

export async function resumablePut(
  c: Context<AppEnv>,
  sha256: string,
  mime: EvidenceMime,
  rangeHeader: string,
  r: ResumableDeps,
): Promise<Response> {
  const range = parseContentRange(rangeHeader);
  if (range === null)
    throw problem("invalid_body", { path: "Content-Range", reason: "bytes START-END/TOTAL" });
  if (range.total > r.limitBytes) throw problem("payload_too_large", { limitBytes: r.limitBytes });
  const userId = c.get("user").id;
  let received: number;
  try {
    received = await r.staging.append(
      sha256,
      userId,
      range.start,
      range.total,
      chunksOf(
        c.req.raw.body,
        range.start === 0
          ? (head) => {
              if (!magicMatches(mime, head)) throw new MagicMismatch();
            }
          : undefined,
      ),
    );
  } catch (error) {
    if (error instanceof RangeStartMismatchError)
      throw problem(
        "upload_offset_mismatch",
        { offset: error.offset },
        { headers: { "Upload-Offset": String(error.offset) } },
      );
    if (error instanceof UploadInterruptedError && error.cause instanceof MagicMismatch) {
      await r.staging.discard(sha256, userId);
      throw problem("unsupported_media_type", { reason: `the bytes are not ${mime}` });
    }
    if (error instanceof UploadInterruptedError)
      throw problem("invalid_body", { reason: "upload interrupted; resume from Upload-Offset" });
    if (error instanceof RangeError)
      throw problem("invalid_body", { path: "Content-Range", reason: error.message });
    throw error;
  }
  if (received < range.total) {
    return c.json({ sha256, received, total: range.total }, 202, { "Upload-Offset": String(received) });
  }
  let stored: { created: boolean; bytes: number };
  try {
    stored = await r.store.put(sha256, r.staging.read(sha256, userId), {
      limitBytes: r.limitBytes,
      inspect: (head) => {
        if (!magicMatches(mime, head)) throw new MagicMismatch();
      },
    });
  } catch (error) {
    // A complete file that is not what it claims is of no use for a resume: start over.
    await r.staging.discard(sha256, userId);
    if (error instanceof BlobTooLargeError) throw problem("payload_too_large", { limitBytes: r.limitBytes });
    if (error instanceof MagicMismatch)
      throw problem("unsupported_media_type", { reason: `the bytes are not ${mime}` });
    if (error instanceof BlobHashMismatchError)
      throw problem("hash_mismatch", { expected: sha256, actual: error.actual });
    throw error;
  }
  await r.staging.discard(sha256, userId);
  const created = await recordEvidence(r.deps.db, { sha256, mime, bytes: stored.bytes, userId });
  if (created) await recordCaptureTime(r.deps.db, r.store, { sha256, mime });
  return c.json({ sha256, mime, bytes: stored.bytes }, created ? 201 : 200);
}
