/**
 * evidence.zip of one assessment: every attached evidence file, stored (not recompressed, so the
 * bytes are identical to the upload), named by its answer key made safe for file systems plus a
 * per-key counter and the type's extension (`PR.01@product_<id>#physical-1.jpg`), and a
 * manifest.json mapping each file back to its key, SHA-256 and metadata. Owns nothing persistent.
 * Invariant: file names are unique within the archive and contain only [A-Za-z0-9._@#-]; only the
 * blobs in `readable` (the assessment's vouched references, src/server/evidence/ownership.ts) are
 * put in it, the others are listed as missing.
 */
import { type Zip, ZipPassThrough } from "fflate";
import type { AssessmentState, EvidenceMime } from "../../domain/sync/protocol";
import type { BlobStore } from "../evidence/blob-store";
import { zipStream } from "./zip-stream";

const EXT: Record<EvidenceMime, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "application/pdf": "pdf",
};

/** An answer key as a file-name stem: anything outside [A-Za-z0-9._@#-] becomes "_". */
export function safeStem(key: string): string {
  const s = key.replace(/[^A-Za-z0-9._@#-]/g, "_").replace(/^\.+/, "_");
  return s.slice(0, 180) || "evidence";
}

export interface ManifestEntry {
  file: string | null;
  key: string;
  sha256: string;
  mime: EvidenceMime;
  bytes: number;
  takenAt: string;
  caption?: string;
  location?: { lat: number; lon: number; accuracyM: number };
  /** True when the blob was never uploaded (the file is then absent from the archive). */
  missing?: boolean;
}

export function evidenceManifest(state: AssessmentState, stored: ReadonlySet<string>): ManifestEntry[] {
  const used = new Set<string>();
  const counters = new Map<string, number>();
  return state.evidence.map((e) => {
    const stem = safeStem(e.key);
    let file: string;
    do {
      const n = (counters.get(stem) ?? 0) + 1;
      counters.set(stem, n);
      file = `${stem}-${n}.${EXT[e.mime] ?? "bin"}`;
    } while (used.has(file));
    used.add(file);
    const present = stored.has(e.sha256);
    return {
      file: present ? file : null,
      key: e.key,
      sha256: e.sha256,
      mime: e.mime,
      bytes: e.bytes,
      takenAt: e.takenAt,
      ...(e.caption === undefined ? {} : { caption: e.caption }),
      ...(e.location === undefined ? {} : { location: e.location }),
      ...(present ? {} : { missing: true }),
    };
  });
}

/**
 * Adds one blob to `zip` as a stored entry, chunk by chunk from the store, waiting for the reader
 * between chunks: one blob's stream buffer at a time is all the memory an archive takes. False
 * when the store does not hold the blob (nothing is added then).
 */
export async function addBlobEntry(
  zip: Zip,
  drained: () => Promise<void>,
  store: BlobStore,
  name: string,
  sha256: string,
): Promise<boolean> {
  const found = await store.stream(sha256);
  if (found === null) return false;
  const f = new ZipPassThrough(name);
  zip.add(f);
  try {
    for await (const chunk of found.stream) {
      f.push(chunk as Uint8Array);
      await drained();
    }
  } catch (e) {
    found.stream.destroy();
    throw e;
  }
  f.push(new Uint8Array(0), true);
  return true;
}

export function evidenceZipStream(
  state: AssessmentState,
  store: BlobStore,
  readable: ReadonlySet<string>,
): ReadableStream<Uint8Array> {
  return zipStream(async (zip, drained) => {
    const manifest = evidenceManifest(state, readable);
    for (const entry of manifest) {
      if (entry.file === null) continue;
      if (!(await addBlobEntry(zip, drained, store, entry.file, entry.sha256))) {
        entry.file = null;
        entry.missing = true;
      }
    }
    const json = JSON.stringify(
      {
        assessmentId: state.id,
        assignmentId: state.assignmentId,
        unitId: state.unitId,
        pemdaId: state.pemdaId,
        periodId: state.periodId,
        status: state.status,
        revision: state.revision,
        files: manifest,
      },
      null,
      2,
    );
    const m = new ZipPassThrough("manifest.json");
    zip.add(m);
    m.push(new TextEncoder().encode(json), true);
  });
}
