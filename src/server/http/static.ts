/**
 * Serves the built PWA from STATIC_DIR. Cache policy: hashed `/assets/*` are immutable for a year;
 * everything else (index.html, sw.js, manifest, icons) is `no-cache` so a deploy is picked up on
 * the next visit (the service worker does the offline caching). Unknown non-API paths fall back to
 * index.html (client-side routes). Invariant: a resolved file must stay inside STATIC_DIR.
 * Precompressed siblings written at build (`file.br`, `file.gz`, scripts/precompress.mjs) are sent
 * instead of the file when the client accepts their encoding, with `Content-Encoding` and
 * `Vary: Accept-Encoding`; the compression middleware then leaves them alone.
 */
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { acceptedEncodings, isCompressibleType } from "./compression";

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".wasm": "application/wasm",
};

const IMMUTABLE = "public, max-age=31536000, immutable";
const NO_CACHE = "no-cache";

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Maps a URL path to a file path inside root, or null if it would escape or is malformed. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return null;
  // Dot-files and dot-folders (e.g. the build's .vite/manifest.json) are build metadata, not the app.
  if (decoded.split("/").some((segment) => segment.startsWith("."))) return null;
  const full = normalize(join(root, decoded));
  const rootWithSep = root.endsWith(sep) ? root : root + sep;
  if (full !== root && !full.startsWith(rootWithSep)) return null;
  return full;
}

/** The precompressed sibling to send for this Accept-Encoding, if the build wrote one. */
async function precompressed(
  path: string,
  acceptEncoding: string | undefined,
): Promise<{ path: string; encoding: string } | null> {
  for (const encoding of acceptedEncodings(acceptEncoding)) {
    const candidate = `${path}.${encoding === "br" ? "br" : "gz"}`;
    if (await isFile(candidate)) return { path: candidate, encoding };
  }
  return null;
}

async function fileResponse(
  path: string,
  cacheControl: string,
  head: boolean,
  acceptEncoding?: string,
): Promise<Response> {
  const type = MIME[extname(path).toLowerCase()] ?? "application/octet-stream";
  const headers: Record<string, string> = { "Content-Type": type, "Cache-Control": cacheControl };
  if (isCompressibleType(type)) headers.Vary = "Accept-Encoding";
  const sibling = isCompressibleType(type) ? await precompressed(path, acceptEncoding) : null;
  if (sibling !== null) headers["Content-Encoding"] = sibling.encoding;
  const body = await readFile(sibling?.path ?? path);
  headers["Content-Length"] = String(body.byteLength);
  return new Response(head ? null : body, { status: 200, headers });
}

function notBuilt(): Response {
  return new Response(
    "Patuh: the web client is not built (STATIC_DIR has no index.html). Run `npm run build`; the API under /api/v1 works regardless.\n",
    { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": NO_CACHE } },
  );
}

function notFound(): Response {
  return new Response("Not found\n", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": NO_CACHE },
  });
}

export async function serveStatic(
  root: string,
  urlPath: string,
  head: boolean,
  acceptEncoding?: string,
): Promise<Response> {
  const index = join(root, "index.html");
  const target = resolveInside(root, urlPath);
  if (target !== null && urlPath !== "/" && (await isFile(target))) {
    const hashed = urlPath.startsWith("/assets/");
    return fileResponse(target, hashed ? IMMUTABLE : NO_CACHE, head, acceptEncoding);
  }
  // A missing hashed asset must not be answered with HTML (the browser would try to run it).
  if (urlPath.startsWith("/assets/")) return notFound();
  if (!(await isFile(index))) return notBuilt();
  return fileResponse(index, NO_CACHE, head, acceptEncoding);
}
