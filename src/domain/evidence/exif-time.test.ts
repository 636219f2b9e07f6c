import { describe, expect, it } from "vitest";
import {
  CAPTURE_TOLERANCE_MS,
  captureGapMs,
  captureInstant,
  readCaptureTime,
  withCaptureTime,
  withDeviceOffset,
} from "./exif-time";

const SOI = [0xff, 0xd8];
const APP0 = [
  0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
];
const SCAN = [0xff, 0xda, 0x00, 0x08, 1, 2, 3, 4, 5, 6, 0x11, 0x22, 0x33, 0xff, 0xd9];

/** A camera-like APP1, little endian: IFD0 with Make and the Exif pointer, Exif IFD with the times. */
function cameraExif(fields: { original?: string; offset?: string; ifd0Date?: string }): number[] {
  const strings: { tag: number; text: string; ifd: 0 | 1 }[] = [{ tag: 0x010f, text: "Samsung\0", ifd: 0 }];
  if (fields.ifd0Date) strings.push({ tag: 0x0132, text: `${fields.ifd0Date}\0`, ifd: 0 });
  if (fields.original) strings.push({ tag: 0x9003, text: `${fields.original}\0`, ifd: 1 });
  if (fields.offset) strings.push({ tag: 0x9011, text: `${fields.offset}\0`, ifd: 1 });
  const ifd0 = strings.filter((s) => s.ifd === 0);
  const exif = strings.filter((s) => s.ifd === 1);
  const ifd0At = 8;
  const exifAt = ifd0At + 2 + 12 * (ifd0.length + 1) + 4;
  let dataAt = exifAt + 2 + 12 * exif.length + 4;
  const tiff = new Uint8Array(dataAt + strings.reduce((n, s) => n + s.text.length, 0));
  const view = new DataView(tiff.buffer);
  tiff.set([0x49, 0x49]);
  view.setUint16(2, 42, true);
  view.setUint32(4, ifd0At, true);
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    view.setUint16(at, tag, true);
    view.setUint16(at + 2, type, true);
    view.setUint32(at + 4, count, true);
    view.setUint32(at + 8, value, true);
  };
  const writeIfd = (at: number, list: typeof strings, pointer?: number) => {
    view.setUint16(at, list.length + (pointer === undefined ? 0 : 1), true);
    list.forEach((s, i) => {
      entry(at + 2 + i * 12, s.tag, 2, s.text.length, dataAt);
      for (let k = 0; k < s.text.length; k++) tiff[dataAt + k] = s.text.charCodeAt(k);
      dataAt += s.text.length;
    });
    if (pointer !== undefined) entry(at + 2 + list.length * 12, 0x8769, 4, 1, pointer);
  };
  writeIfd(ifd0At, ifd0, exifAt);
  writeIfd(exifAt, exif);
  const payload = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const length = payload.length + 2;
  return [0xff, 0xe1, length >> 8, length & 0xff, ...payload];
}

const jpeg = (...parts: number[][]) => new Uint8Array(parts.flat());

describe("a photo's own capture time (EXIF)", () => {
  it("reads DateTimeOriginal and its offset from a little-endian camera file", () => {
    const file = jpeg(SOI, APP0, cameraExif({ original: "2026:08:03 09:14:05", offset: "+08:00" }), SCAN);
    const time = readCaptureTime(file);
    expect(time).toEqual({ local: "2026-08-03T09:14:05", offset: "+08:00" });
    expect(captureInstant(time as NonNullable<typeof time>)).toBe("2026-08-03T01:14:05.000Z");
  });

  it("falls back to IFD0 DateTime, and reads a time with no offset as WIB", () => {
    const file = jpeg(SOI, cameraExif({ ifd0Date: "2026:08:03 09:14:05" }), SCAN);
    const time = readCaptureTime(file);
    expect(time).toEqual({ local: "2026-08-03T09:14:05", offset: null });
    expect(captureInstant(time as NonNullable<typeof time>)).toBe("2026-08-03T02:14:05.000Z");
  });

  it("finds no time in a file without EXIF, a PNG, or garbage, and never throws on cut or hostile bytes", () => {
    expect(readCaptureTime(jpeg(SOI, APP0, SCAN))).toBeNull();
    expect(readCaptureTime(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(readCaptureTime(jpeg(SOI, cameraExif({ original: "not a date at all!!" }), SCAN))).toBeNull();
    const full = jpeg(SOI, APP0, cameraExif({ original: "2026:08:03 09:14:05", offset: "+07:00" }), SCAN);
    for (let cut = 0; cut < full.length; cut++)
      expect(() => readCaptureTime(full.subarray(0, cut))).not.toThrow();
    for (let seed = 1; seed < 200; seed++) {
      const noisy = full.slice();
      for (let i = 0; i < 6; i++) noisy[(seed * 7919 * (i + 1)) % noisy.length] = (seed * 31 + i) & 0xff;
      expect(() => readCaptureTime(noisy)).not.toThrow();
    }
  });

  it("writes the time back into a re-encoded JPEG, where it reads the same, and keeps the image bytes", () => {
    const reencoded = jpeg(SOI, APP0, SCAN);
    for (const time of [
      { local: "2026-12-06T10:20:30", offset: "+09:00" },
      { local: "2025-01-31T23:59:59", offset: null },
    ]) {
      const out = withCaptureTime(reencoded, time);
      expect(readCaptureTime(out)).toEqual(time);
      expect([...out.subarray(out.length - reencoded.length + 2)]).toEqual([...reencoded.subarray(2)]);
    }
    expect(
      withCaptureTime(new Uint8Array([1, 2, 3]), { local: "2026-12-06T10:20:30", offset: null }),
    ).toEqual(new Uint8Array([1, 2, 3]));
  });

  it("measures the gap between the file's time and the attach time; a day apart is beyond tolerance", () => {
    expect(captureGapMs(null, "2026-08-03T02:00:00Z")).toBeNull();
    expect(captureGapMs("2026-08-03T01:00:00Z", "2026-08-03T02:00:00Z")).toBe(3600_000);
    const gap = captureGapMs("2026-07-30T02:00:00Z", "2026-08-03T02:00:00Z") as number;
    expect(gap > CAPTURE_TOLERANCE_MS).toBe(true);
  });

  it("gives a time with no offset the device's zone, keeps a recorded one, and ignores a zone that cannot be", () => {
    const bare = { local: "2026-08-03T09:48:00", offset: null };
    expect(withDeviceOffset(bare, 8 * 60)).toEqual({ ...bare, offset: "+08:00" }); // WITA
    expect(withDeviceOffset(bare, 9 * 60)).toEqual({ ...bare, offset: "+09:00" }); // WIT
    expect(withDeviceOffset(bare, -210)).toEqual({ ...bare, offset: "-03:30" });
    expect(withDeviceOffset(bare, 0)).toEqual({ ...bare, offset: "+00:00" });
    const recorded = { local: "2026-08-03T09:48:00", offset: "+07:00" };
    expect(withDeviceOffset(recorded, 8 * 60)).toBe(recorded);
    expect(withDeviceOffset(bare, 15 * 60)).toBe(bare);
    expect(withDeviceOffset(bare, Number.NaN)).toBe(bare);
  });

  it("reads a WITA office's photo, taken 12 minutes before attaching, as 12 minutes: no warning either way", () => {
    // 09:48 on a Makassar phone whose camera wrote no zone, attached at 10:00 WITA (02:00 UTC).
    const attachedAt = "2026-08-03T02:00:00.000Z";
    const file = withCaptureTime(
      jpeg(SOI, APP0, SCAN),
      withDeviceOffset({ local: "2026-08-03T09:48:00", offset: null }, 480),
    );
    const time = readCaptureTime(file) as NonNullable<ReturnType<typeof readCaptureTime>>;
    expect(captureGapMs(captureInstant(time), attachedAt)).toBe(12 * 60_000);
    // A file from elsewhere with no zone is read as WIB: an hour off, still far inside the tolerance.
    const bare = captureGapMs(
      captureInstant({ local: "2026-08-03T09:48:00", offset: null }),
      attachedAt,
    ) as number;
    expect(bare).toBe(-48 * 60_000);
    expect(Math.abs(bare) < CAPTURE_TOLERANCE_MS).toBe(true);
  });
});
