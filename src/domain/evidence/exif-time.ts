// When a photo was taken, by its own EXIF (issue #16 item 7: an attached photo's time is checked
// against the file). Pure: reads and writes bytes, no DOM, no Node APIs; used by the device (which
// re-encodes every photo and would otherwise drop the camera's time) and by the server (which reads
// the stored file's time and compares it with the time the device claims).
//
// Only what that needs: JPEG APP1 "Exif", TIFF little or big endian, IFD0 → Exif IFD →
// DateTimeOriginal (0x9003) and OffsetTimeOriginal (0x9011), IFD0 DateTime (0x0132) as a fallback.
// Anything malformed reads as "no time"; nothing here throws on hostile bytes.

/** A capture time as the camera wrote it: local wall-clock time, and its UTC offset when known. */
export interface CaptureTime {
  /** "YYYY-MM-DDTHH:MM:SS", the camera's local time. */
  local: string;
  /** "+07:00" when the camera recorded it (OffsetTimeOriginal), else null. */
  offset: string | null;
}

const TAG_EXIF_IFD = 0x8769;
const TAG_DATETIME = 0x0132;
const TAG_DATETIME_ORIGINAL = 0x9003;
const TAG_OFFSET_ORIGINAL = 0x9011;
const TYPE_ASCII = 2;
const TYPE_LONG = 4;
const EXIF_HEADER = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00]; // "Exif\0\0"

const EXIF_DATE = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const OFFSET = /^[+-]\d{2}:\d{2}$/;

/** The APP1 Exif payload's TIFF bytes (after "Exif\0\0"), or null. Scans markers up to the image data. */
function tiffOf(jpeg: Uint8Array): Uint8Array | null {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return null;
  let at = 2;
  while (at + 4 <= jpeg.length) {
    if (jpeg[at] !== 0xff) return null;
    const marker = jpeg[at + 1] as number;
    if (marker === 0xda || marker === 0xd9) return null; // image data / end: no Exif before it
    const length = ((jpeg[at + 2] as number) << 8) | (jpeg[at + 3] as number);
    if (length < 2) return null;
    const body = at + 4;
    if (marker === 0xe1 && EXIF_HEADER.every((b, i) => jpeg[body + i] === b)) {
      return jpeg.subarray(body + EXIF_HEADER.length, Math.min(jpeg.length, at + 2 + length));
    }
    at += 2 + length;
  }
  return null;
}

interface Entry {
  tag: number;
  type: number;
  count: number;
  /** Offset of the 4-byte value/offset field within the TIFF bytes. */
  field: number;
}

function reader(tiff: Uint8Array) {
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  const big = tiff[0] === 0x4d && tiff[1] === 0x4d;
  if (!little && !big) return null;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const u16 = (at: number) => (at + 2 <= tiff.length ? view.getUint16(at, little) : null);
  const u32 = (at: number) => (at + 4 <= tiff.length ? view.getUint32(at, little) : null);
  if (u16(2) !== 42) return null;
  const entries = (ifd: number | null): Entry[] => {
    if (ifd === null) return [];
    const count = u16(ifd);
    if (count === null || count > 1000) return [];
    const out: Entry[] = [];
    for (let i = 0; i < count; i++) {
      const at = ifd + 2 + i * 12;
      const tag = u16(at);
      const type = u16(at + 2);
      const n = u32(at + 4);
      if (tag === null || type === null || n === null) break;
      out.push({ tag, type, count: n, field: at + 8 });
    }
    return out;
  };
  const ascii = (e: Entry | undefined): string | null => {
    if (!e || e.type !== TYPE_ASCII || e.count === 0 || e.count > 64) return null;
    const start = e.count <= 4 ? e.field : u32(e.field);
    if (start === null || start + e.count > tiff.length) return null;
    let text = "";
    for (let i = 0; i < e.count; i++) {
      const c = tiff[start + i] as number;
      if (c === 0) break;
      text += String.fromCharCode(c);
    }
    return text.trim();
  };
  return { u32, entries, ascii };
}

/** The photo's capture time from its EXIF, or null when it has none (or it cannot be read). */
export function readCaptureTime(jpeg: Uint8Array): CaptureTime | null {
  const tiff = tiffOf(jpeg);
  if (!tiff) return null;
  const r = reader(tiff);
  if (!r) return null;
  const ifd0 = r.entries(r.u32(4));
  const exifPointer = ifd0.find((e) => e.tag === TAG_EXIF_IFD);
  const exif = exifPointer ? r.entries(r.u32(exifPointer.field)) : [];
  const original = r.ascii(exif.find((e) => e.tag === TAG_DATETIME_ORIGINAL));
  const text = original ?? r.ascii(ifd0.find((e) => e.tag === TAG_DATETIME));
  const m = text ? EXIF_DATE.exec(text) : null;
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const local = `${y}-${mo}-${d}T${h}:${mi}:${s}`;
  if (Number.isNaN(Date.parse(`${local}Z`))) return null;
  const offset = original ? r.ascii(exif.find((e) => e.tag === TAG_OFFSET_ORIGINAL)) : null;
  return { local, offset: offset && OFFSET.test(offset) ? offset : null };
}

/**
 * The capture time as an instant. Without a recorded offset the camera's zone is unknown: it is
 * read as WIB (+07:00), and a caller comparing instants allows for Indonesia's three zones (WITA
 * and WIT photos read 1 and 2 hours late, far inside CAPTURE_TOLERANCE_MS, so never a false
 * warning). The device fills in its own zone before upload (withDeviceOffset), so this guess only
 * applies to files from elsewhere (an older app, a direct upload).
 */
export function captureInstant(time: CaptureTime): string {
  return new Date(`${time.local}${time.offset ?? "+07:00"}`).toISOString();
}

/**
 * The capture time with the device's own UTC offset when the camera recorded none; a recorded
 * offset is kept. `minutesEast` is the device zone's offset at that wall-clock time (in a browser,
 * `-new Date(local).getTimezoneOffset()`: the local-time parse picks the offset of that date).
 * Why the device's zone: a phone's camera writes the phone's own wall-clock time, so the phone's
 * zone is the camera's zone, in a WITA or WIT office and on a phone set to the wrong zone alike;
 * the server's WIB guess would show a WITA photo an hour late in the reviewer's caption. An
 * offset outside ±14 h (no such zone) leaves the time without one.
 */
export function withDeviceOffset(time: CaptureTime, minutesEast: number): CaptureTime {
  if (time.offset !== null) return time;
  if (!Number.isInteger(minutesEast) || Math.abs(minutesEast) > 14 * 60) return time;
  const abs = Math.abs(minutesEast);
  const two = (n: number) => String(n).padStart(2, "0");
  return { ...time, offset: `${minutesEast < 0 ? "-" : "+"}${two(Math.floor(abs / 60))}:${two(abs % 60)}` };
}

/**
 * The JPEG with a minimal EXIF holding only the capture time (DateTimeOriginal, and its offset when
 * known), inserted after SOI. The device re-encodes every photo, which drops the camera's EXIF (its
 * GPS too, on purpose); this puts back the one field the server checks.
 */
export function withCaptureTime(jpeg: Uint8Array, time: CaptureTime): Uint8Array {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return jpeg;
  const date = `${time.local.replace("T", " ").replace(/-/g, ":")}\0`; // 20 bytes
  const offset = time.offset ? `${time.offset}\0` : null; // 7 bytes
  const exifEntries = offset ? 2 : 1;
  // TIFF: header 8, IFD0 (1 entry) 2+12+4 = 18, Exif IFD 2+12n+4, then the strings.
  const ifd0At = 8;
  const exifAt = ifd0At + 18;
  const dataAt = exifAt + 2 + 12 * exifEntries + 4;
  const tiff = new Uint8Array(dataAt + date.length + (offset?.length ?? 0));
  const view = new DataView(tiff.buffer);
  tiff.set([0x4d, 0x4d], 0); // big endian
  view.setUint16(2, 42);
  view.setUint32(4, ifd0At);
  view.setUint16(ifd0At, 1);
  view.setUint16(ifd0At + 2, TAG_EXIF_IFD);
  view.setUint16(ifd0At + 4, TYPE_LONG);
  view.setUint32(ifd0At + 6, 1);
  view.setUint32(ifd0At + 10, exifAt);
  view.setUint32(ifd0At + 14, 0);
  view.setUint16(exifAt, exifEntries);
  const put = (i: number, tag: number, text: string, at: number) => {
    const e = exifAt + 2 + i * 12;
    view.setUint16(e, tag);
    view.setUint16(e + 2, TYPE_ASCII);
    view.setUint32(e + 4, text.length);
    view.setUint32(e + 8, at);
    for (let k = 0; k < text.length; k++) tiff[at + k] = text.charCodeAt(k);
  };
  put(0, TAG_DATETIME_ORIGINAL, date, dataAt);
  if (offset) put(1, TAG_OFFSET_ORIGINAL, offset, dataAt + date.length);
  view.setUint32(exifAt + 2 + 12 * exifEntries, 0);
  const length = 2 + EXIF_HEADER.length + tiff.length;
  const out = new Uint8Array(jpeg.length + 2 + length);
  out.set([0xff, 0xd8, 0xff, 0xe1, length >> 8, length & 0xff], 0);
  out.set(EXIF_HEADER, 6);
  out.set(tiff, 6 + EXIF_HEADER.length);
  out.set(jpeg.subarray(2), 6 + EXIF_HEADER.length + tiff.length);
  return out;
}

/** A photo taken more than this before (or after) it was attached is marked for the reviewer. */
export const CAPTURE_TOLERANCE_MS = 24 * 3600 * 1000;

/**
 * How far the file's own capture time is from the time the device says the photo was attached
 * (positive: taken earlier), or null when the file has no time. Beyond CAPTURE_TOLERANCE_MS the
 * reviewer is warned (a gallery photo from another day); the work is never refused for it, since a
 * camera's clock can be wrong.
 */
export function captureGapMs(capturedAt: string | null, attachedAt: string): number | null {
  if (capturedAt === null) return null;
  const gap = Date.parse(attachedAt) - Date.parse(capturedAt);
  return Number.isNaN(gap) ? null : gap;
}
