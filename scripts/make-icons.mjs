// Generates the PWA icons in public/icons/ with no dependencies (zlib deflate + a hand-written PNG
// encoder), so the icons can be regenerated on any machine and the PNGs stay committed.
// Run: node scripts/make-icons.mjs
//
// Drawing: a white check mark on the brand blue. "any" icons are a rounded square on transparency;
// maskable icons are full-bleed with the mark inside the 80 % safe zone, as the maskable spec asks.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const BRAND = [0x12, 0x46, 0x7a]; // same as theme_color in manifest.webmanifest
const MARK = [0xff, 0xff, 0xff];
const SUPERSAMPLE = 4; // 4×4 samples per pixel: smooth edges without an anti-aliasing library

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "public", "icons");

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Distance from point p to segment ab, all in unit coordinates. */
function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideRoundedSquare(x, y, inset, radius) {
  const lo = inset + radius;
  const hi = 1 - inset - radius;
  const cx = Math.max(lo, Math.min(hi, x));
  const cy = Math.max(lo, Math.min(hi, y));
  return Math.hypot(x - cx, y - cy) <= radius;
}

/** The check mark, scaled around the centre by `scale` (1 = fills most of the icon). */
function insideMark(x, y, scale) {
  const u = 0.5 + (x - 0.5) / scale;
  const v = 0.5 + (y - 0.5) / scale;
  const half = 0.07;
  return (
    segmentDistance(u, v, 0.22, 0.52, 0.42, 0.72) <= half ||
    segmentDistance(u, v, 0.42, 0.72, 0.8, 0.3) <= half
  );
}

function render(size, maskable) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let mark = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          const inBg = maskable || insideRoundedSquare(x, y, 0.04, 0.18);
          if (!inBg) continue;
          bg++;
          if (insideMark(x, y, maskable ? 0.62 : 0.8)) mark++;
        }
      }
      const i = (py * size + px) * 4;
      const markShare = bg === 0 ? 0 : mark / bg;
      for (let c = 0; c < 3; c++) {
        rgba[i + c] = Math.round(BRAND[c] * (1 - markShare) + MARK[c] * markShare);
      }
      rgba[i + 3] = Math.round((255 * bg) / n);
    }
  }
  return encodePng(size, rgba);
}

const icons = [
  ["icon-192.png", 192, false],
  ["icon-512.png", 512, false],
  ["icon-maskable-192.png", 192, true],
  ["icon-maskable-512.png", 512, true],
  ["apple-touch-icon-180.png", 180, true],
];

mkdirSync(outDir, { recursive: true });
for (const [name, size, maskable] of icons) {
  const png = render(size, maskable);
  writeFileSync(join(outDir, name), png);
  console.log(`wrote public/icons/${name} (${png.length} bytes)`);
}
