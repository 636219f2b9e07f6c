/**
 * Small JPEG thumbnails of evidence photos (issue #20): a review page of 25 photos downloads about
 * 25 × 10 KB instead of 25 × 300 KB before the supervisor opens one.
 *
 * Owns the thumbnail cache directory (`<dataDir>/thumbnails/ab/<sha256>.jpg`). Invariants: a
 * thumbnail is made once per blob (the blob is content-addressed and never changes, so the cached
 * file never goes stale) and written atomically (temp file + rename), so a reader never sees half a
 * file; concurrent requests for the same blob share one decode (single flight). Made lazily on the
 * first request rather than at upload, so evidence uploaded before this module exists gets one too
 * and the upload path stays as it is. Pure JavaScript (jpeg-js): no native image library to
 * install. Only JPEG is thumbnailed — every device photo is re-encoded as JPEG (platform/photo-
 * resize.ts); PNG/WebP evidence is rare and shown full size by the client.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import jpeg from "jpeg-js";

/** Long edge in pixels: 96 CSS px tiles at up to 2.5× device pixel ratio. */
export const THUMBNAIL_EDGE_PX = 240;
const THUMBNAIL_QUALITY = 70;
/** Refuse decoding bombs: a device photo is at most 1600 px on the long edge (~2 MP). */
const MAX_SOURCE_MP = 40;
const MAX_DECODE_MB = 512;

export interface Raster {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, row-major. */
  data: Uint8Array;
}

/** Area-average downscale (each target pixel is the mean of the source pixels it covers). */
export function downscale(src: Raster, maxEdge: number): Raster {
  const scale = Math.min(1, maxEdge / Math.max(src.width, src.height));
  const width = Math.max(1, Math.round(src.width * scale));
  const height = Math.max(1, Math.round(src.height * scale));
  if (width === src.width && height === src.height) return src;
  const out = new Uint8Array(width * height * 4);
  const fx = src.width / width;
  const fy = src.height / height;
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y * fy);
    const y1 = Math.max(y0 + 1, Math.floor((y + 1) * fy));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x * fx);
      const x1 = Math.max(x0 + 1, Math.floor((x + 1) * fx));
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      for (let sy = y0; sy < y1; sy++) {
        let i = (sy * src.width + x0) * 4;
        for (let sx = x0; sx < x1; sx++) {
          r += src.data[i] ?? 0;
          g += src.data[i + 1] ?? 0;
          b += src.data[i + 2] ?? 0;
          n++;
          i += 4;
        }
      }
      const o = (y * width + x) * 4;
      out[o] = Math.round(r / n);
      out[o + 1] = Math.round(g / n);
      out[o + 2] = Math.round(b / n);
      out[o + 3] = 255;
    }
  }
  return { width, height, data: out };
}

/** JPEG bytes → a thumbnail's JPEG bytes (throws on bytes that do not decode). */
export function jpegThumbnail(source: Uint8Array, maxEdge = THUMBNAIL_EDGE_PX): Bytes {
  const decoded = jpeg.decode(source, {
    useTArray: true,
    formatAsRGBA: true,
    maxResolutionInMP: MAX_SOURCE_MP,
    maxMemoryUsageInMB: MAX_DECODE_MB,
  });
  const small = downscale(decoded, maxEdge);
  return new Uint8Array(jpeg.encode(small, THUMBNAIL_QUALITY).data);
}

type Bytes = Uint8Array<ArrayBuffer>;

export class ThumbnailCache {
  private readonly pending = new Map<string, Promise<Bytes>>();

  constructor(private readonly dir: string) {}

  private pathOf(sha256: string): string {
    return join(this.dir, sha256.slice(0, 2), `${sha256}.jpg`);
  }

  /** The cached thumbnail, made from `source()` the first time. */
  get(sha256: string, source: () => Promise<Uint8Array | null>): Promise<Bytes | null> {
    const running = this.pending.get(sha256);
    if (running !== undefined) return running;
    const work = this.load(sha256, source).finally(() => this.pending.delete(sha256));
    // A missing source is not cached as a failure: the next request tries again.
    const shared = work.then((x) => x ?? Promise.reject(new MissingSource()));
    this.pending.set(sha256, shared);
    return shared.catch((error: unknown) => {
      if (error instanceof MissingSource) return null;
      throw error;
    });
  }

  private async load(sha256: string, source: () => Promise<Uint8Array | null>): Promise<Bytes | null> {
    const path = this.pathOf(sha256);
    try {
      return new Uint8Array(await readFile(path));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    const bytes = await source();
    if (bytes === null) return null;
    const thumb = jpegThumbnail(bytes);
    await mkdir(join(this.dir, sha256.slice(0, 2)), { recursive: true });
    const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temp, thumb);
    await rename(temp, path);
    return thumb;
  }
}

class MissingSource extends Error {}
