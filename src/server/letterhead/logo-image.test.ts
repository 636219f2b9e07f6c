// The letterhead logo checks: the file's own signature decides its type, the declared type must
// agree, and the size read from the header must be within bounds.
import { describe, expect, it } from "vitest";
import { checkLogo } from "./logo-image";

function png(width: number, height: number): Uint8Array {
  const out = new Uint8Array(64);
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(out.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return out;
}

function jpeg(width: number, height: number): Uint8Array {
  // SOI, an APP0 segment of length 16, then SOF0 with precision, height, width.
  const app0 = [0xff, 0xe0, 0x00, 0x10, ...new Array(14).fill(0)];
  const sof = [0xff, 0xc0, 0x00, 0x11, 8, height >> 8, height & 255, width >> 8, width & 255, 3];
  return new Uint8Array([0xff, 0xd8, ...app0, ...sof, ...new Array(20).fill(0)]);
}

describe("checkLogo", () => {
  it("accepts a PNG and a JPEG of a printable size, reading their dimensions", () => {
    expect(checkLogo(png(200, 100), "image/png")).toEqual({
      ok: true,
      type: "image/png",
      width: 200,
      height: 100,
    });
    expect(checkLogo(jpeg(300, 120), "image/jpeg")).toEqual({
      ok: true,
      type: "image/jpeg",
      width: 300,
      height: 120,
    });
  });

  it("refuses other files, a declared type the bytes contradict, and sizes out of bounds", () => {
    const svg = new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>");
    expect(checkLogo(svg, "image/png")).toEqual({ ok: false, reason: "not_png_or_jpeg" });
    expect(checkLogo(png(100, 100), "image/jpeg")).toEqual({ ok: false, reason: "type_mismatch" });
    expect(checkLogo(png(3000, 100), "image/png")).toEqual({ ok: false, reason: "dimensions" });
    expect(checkLogo(png(8, 8), "image/png")).toEqual({ ok: false, reason: "dimensions" });
    expect(checkLogo(new Uint8Array([0xff, 0xd8, 0xff, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]), "image/jpeg")).toEqual(
      {
        ok: false,
        reason: "unreadable",
      },
    );
  });
});
