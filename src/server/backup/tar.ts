/**
 * A minimal POSIX ustar writer and streaming reader for backup files: regular files only, names
 * under 100 bytes, sizes known up front. The backup is then a plain .tar that `tar tf` lists and
 * `tar xf` unpacks, and both directions stream (no entry is held whole in memory).
 * Invariant: every header checksum is written and verified; a truncated archive is an error.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import type { Readable } from "node:stream";

const BLOCK = 512;

function header(name: string, size: number, mtime: number): Buffer {
  if (Buffer.byteLength(name) > 99) throw new Error(`tar entry name too long: ${name}`);
  const h = Buffer.alloc(BLOCK, 0);
  h.write(name, 0, "utf8");
  h.write("0000644\0", 100, "ascii");
  h.write("0000000\0", 108, "ascii");
  h.write("0000000\0", 116, "ascii");
  h.write(`${size.toString(8).padStart(11, "0")}\0`, 124, "ascii");
  h.write(
    `${Math.floor(mtime / 1000)
      .toString(8)
      .padStart(11, "0")}\0`,
    136,
    "ascii",
  );
  h.write("        ", 148, "ascii");
  h.write("0", 156, "ascii");
  h.write("ustar\0", 257, "ascii");
  h.write("00", 263, "ascii");
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "ascii");
  return h;
}

export class TarWriter {
  private readonly fd: number;
  constructor(path: string) {
    this.fd = openSync(path, "wx", 0o600);
  }

  /** Adds a file whose bytes come from `body`, which must yield exactly `size` bytes. */
  async add(name: string, size: number, body: AsyncIterable<Uint8Array> | Readable): Promise<void> {
    writeSync(this.fd, header(name, size, Date.now()));
    let written = 0;
    for await (const chunk of body as AsyncIterable<Uint8Array>) {
      written += chunk.byteLength;
      if (written > size) throw new Error(`${name}: more bytes than announced (${size})`);
      writeSync(this.fd, chunk);
    }
    if (written !== size) throw new Error(`${name}: ${written} bytes, announced ${size}`);
    const pad = (BLOCK - (size % BLOCK)) % BLOCK;
    if (pad > 0) writeSync(this.fd, Buffer.alloc(pad));
  }

  addBytes(name: string, bytes: Uint8Array): Promise<void> {
    return this.add(name, bytes.byteLength, [bytes] as unknown as AsyncIterable<Uint8Array>);
  }

  close(): void {
    writeSync(this.fd, Buffer.alloc(BLOCK * 2));
    closeSync(this.fd);
  }
}

export interface TarEntry {
  name: string;
  size: number;
}

/**
 * Reads the archive from `source` in order; `onEntry` gets each entry's name and size and a stream
 * of its bytes, which it must consume completely before resolving.
 */
export async function readTar(
  source: AsyncIterable<Uint8Array>,
  onEntry: (entry: TarEntry, body: AsyncIterable<Uint8Array>) => Promise<void>,
): Promise<void> {
  const it = source[Symbol.asyncIterator]();
  let buf: Buffer = Buffer.alloc(0);
  let done = false;
  const fill = async (n: number): Promise<boolean> => {
    while (buf.length < n && !done) {
      const r = await it.next();
      if (r.done) done = true;
      else buf = buf.length === 0 ? Buffer.from(r.value) : Buffer.concat([buf, r.value]);
    }
    return buf.length >= n;
  };
  for (;;) {
    if (!(await fill(BLOCK))) throw new Error("truncated archive: no end marker");
    const h = buf.subarray(0, BLOCK);
    buf = buf.subarray(BLOCK);
    if (h.every((b) => b === 0)) return;
    const stored = Number.parseInt(h.subarray(148, 156).toString("ascii").replace(/\0.*$/s, "").trim(), 8);
    const copy = Buffer.from(h);
    copy.fill(0x20, 148, 156);
    let sum = 0;
    for (const b of copy) sum += b;
    if (sum !== stored) throw new Error("corrupt archive: bad header checksum");
    const name = h.subarray(0, 100).toString("utf8").replace(/\0.*$/s, "");
    const size = Number.parseInt(h.subarray(124, 136).toString("ascii").replace(/\0.*$/s, "").trim(), 8);
    let left = size;
    async function* body(): AsyncGenerator<Uint8Array> {
      while (left > 0) {
        if (buf.length === 0 && !(await fill(1))) throw new Error(`truncated archive in ${name}`);
        const take = Math.min(left, buf.length);
        const part = buf.subarray(0, take);
        buf = buf.subarray(take);
        left -= take;
        yield part;
      }
    }
    await onEntry({ name, size }, body());
    // Whatever the consumer left unread, and the padding.
    for await (const _ of body()) {
      // drain
    }
    const pad = (BLOCK - (size % BLOCK)) % BLOCK;
    if (pad > 0) {
      if (!(await fill(pad))) throw new Error("truncated archive: padding");
      buf = buf.subarray(pad);
    }
  }
}
