/**
 * What kind of file the bytes are, by their magic numbers (never by the name or the declared
 * type), and whether a ZIP would inflate beyond a bound (a "zip bomb" must be refused before
 * exceljs inflates it in memory).
 */

export type Detected = "xlsx" | "xls" | "text" | "utf16" | "other" | "empty";

function startsWith(b: Uint8Array, bytes: readonly number[]): boolean {
  return bytes.every((x, i) => b[i] === x);
}

export function detectKind(bytes: Uint8Array): Detected {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return "xlsx";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "xls";
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return "utf16";
  // Text: no NUL and few control characters in the first 8 KiB.
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return "other";
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control > head.length / 100 ? "other" : "text";
}

/**
 * Total uncompressed size announced by a ZIP's central directory, or null when the directory
 * cannot be found (a truncated or broken archive).
 */
export function zipUncompressedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  const stop = Math.max(0, bytes.length - 65_557);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
    const size = view.getUint32(offset + 24, true);
    // 0xffffffff means a ZIP64 size: far beyond any bound we accept.
    total += size === 0xffffffff ? Number.MAX_SAFE_INTEGER / 2 : size;
    offset +=
      46 +
      view.getUint16(offset + 28, true) +
      view.getUint16(offset + 30, true) +
      view.getUint16(offset + 32, true);
  }
  return total;
}
