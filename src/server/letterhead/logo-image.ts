/**
 * The checks an uploaded letterhead logo must pass before it is stored (issue #20): PNG or JPEG
 * only, told by the file's own signature (never the declared type alone), at most LOGO_MAX_BYTES,
 * and a readable size between LOGO_MIN_PX and LOGO_MAX_PX on each side. Pure; no Node APIs.
 * Why so strict: the logo is printed on every rapor of the office and served to every supervisor,
 * so a wrong file (an SVG with script, a 20-megapixel photo) must never reach the table.
 */

export const LOGO_MAX_BYTES = 256 * 1024;
export const LOGO_MIN_PX = 16;
export const LOGO_MAX_PX = 2000;
export const LOGO_TYPES = ["image/png", "image/jpeg"] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

export type LogoCheck =
  | { ok: true; type: LogoType; width: number; height: number }
  | { ok: false; reason: "not_png_or_jpeg" | "type_mismatch" | "unreadable" | "dimensions" };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngSize(b: Uint8Array): { width: number; height: number } | null {
  // Signature (8) + IHDR length (4) + "IHDR" (4) + width (4) + height (4).
  if (b.length < 24 || b[12] !== 0x49 || b[13] !== 0x48 || b[14] !== 0x44 || b[15] !== 0x52) return null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

// Start-of-frame markers that carry the image size (SOF0..SOF15 except DHT, JPG and DAC).
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    const length = ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0);
    if (SOF.has(marker)) {
      const height = ((b[at + 5] ?? 0) << 8) | (b[at + 6] ?? 0);
      const width = ((b[at + 7] ?? 0) << 8) | (b[at + 8] ?? 0);
      return { width, height };
    }
    if (length < 2) return null;
    at += 2 + length;
  }
  return null;
}

/** Checks the bytes against the declared media type (already lower-cased, parameters removed). */
export function checkLogo(bytes: Uint8Array, declared: string): LogoCheck {
  const isPng = PNG_SIGNATURE.every((x, i) => bytes[i] === x);
  const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!isPng && !isJpeg) return { ok: false, reason: "not_png_or_jpeg" };
  const type: LogoType = isPng ? "image/png" : "image/jpeg";
  if (declared !== type) return { ok: false, reason: "type_mismatch" };
  const size = isPng ? pngSize(bytes) : jpegSize(bytes);
  if (size === null) return { ok: false, reason: "unreadable" };
  const fits = (n: number) => n >= LOGO_MIN_PX && n <= LOGO_MAX_PX;
  if (!fits(size.width) || !fits(size.height)) return { ok: false, reason: "dimensions" };
  return { ok: true, type, ...size };
}
