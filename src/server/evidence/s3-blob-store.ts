/**
 * S3-compatible BlobStore (AWS S3, MinIO, Ceph RGW; s3rver in tests) through the official AWS SDK.
 *
 * Owns: the objects under `<prefix>/<ab>/<sha256>` in one bucket (content-addressed, so a key is
 * written once and never changes).
 * Invariant: an object exists only with the complete, verified bytes of its key: the upload is
 * first spooled to a local temp file while its SHA-256 and size are checked (spool.ts), and only a
 * verified file is sent, with its exact Content-Length (S3 PUTs are atomic: a failed or aborted
 * PUT leaves no object). Memory use is the SDK's stream buffers, never a whole file.
 * Any failure to reach the bucket surfaces as BlobStoreUnavailableError (503 + Retry-After to the
 * device, readiness false), never as "not stored": an outage must not look like a missing blob.
 */
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { type BlobStore, BlobStoreUnavailableError, type ByteRange, type PutResult } from "./blob-store";
import { spoolVerified, sweepStaleSpool } from "./spool";

const SHA256 = /^[0-9a-f]{64}$/;

export interface S3BlobStoreOptions {
  endpoint: string | null;
  bucket: string;
  region: string;
  forcePathStyle: boolean;
  /** Key prefix inside the bucket (default "evidence"). */
  prefix?: string;
  /** Local directory for spooled uploads (DATA_DIR/evidence-spool). */
  spoolDir: string;
  /** Credentials; default: the SDK's chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, profiles, roles). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Per-request timeout; a hung store fails fast instead of holding the device's upload. */
  requestTimeoutMs?: number;
}

export class S3BlobStore implements BlobStore {
  readonly description: string;
  private readonly client: S3Client;
  private readonly prefix: string;

  constructor(private readonly options: S3BlobStoreOptions) {
    this.prefix = options.prefix ?? "evidence";
    this.description = `s3 bucket ${options.bucket} at ${options.endpoint ?? `AWS ${options.region}`}`;
    this.client = new S3Client({
      region: options.region,
      ...(options.endpoint === null ? {} : { endpoint: options.endpoint }),
      forcePathStyle: options.forcePathStyle,
      ...(options.credentials ? { credentials: options.credentials } : {}),
      // The SDK's default CRC32 checksums send streamed bodies aws-chunked, which several
      // S3-compatible servers (and s3rver) do not accept; our own SHA-256 check already guards the
      // bytes, and Content-Length is exact.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      maxAttempts: 2,
      requestHandler: {
        connectionTimeout: 3_000,
        requestTimeout: options.requestTimeoutMs ?? 60_000,
      },
    });
  }

  key(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error("invalid sha256");
    return `${this.prefix}/${sha256.slice(0, 2)}/${sha256}`;
  }

  private initialised: Promise<void> | null = null;

  init(): Promise<void> {
    this.initialised ??= sweepStaleSpool(this.options.spoolDir);
    return this.initialised;
  }

  async ready(): Promise<void> {
    await this.call("reach the bucket", () =>
      this.client.send(new HeadBucketCommand({ Bucket: this.options.bucket })),
    );
  }

  async has(sha256: string): Promise<boolean> {
    return (await this.head(sha256)) !== null;
  }

  private async head(sha256: string): Promise<number | null> {
    const key = this.key(sha256);
    return this.call("check an object", async () => {
      try {
        const r = await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: key }));
        return r.ContentLength ?? 0;
      } catch (e) {
        if (isNotFound(e)) return null;
        throw e;
      }
    });
  }

  /** Lists `<prefix>/` page by page (1,000 keys each); keys that are not `<ab>/<hash>` are ignored. */
  async *list(): AsyncIterable<string> {
    let token: string | undefined;
    const shape = new RegExp(
      `^${this.prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/([0-9a-f]{2})/([0-9a-f]{64})$`,
    );
    do {
      const page = await this.call("list objects", () =>
        this.client.send(
          new ListObjectsV2Command({
            Bucket: this.options.bucket,
            Prefix: `${this.prefix}/`,
            ...(token === undefined ? {} : { ContinuationToken: token }),
          }),
        ),
      );
      for (const o of page.Contents ?? []) {
        const m = o.Key === undefined ? null : shape.exec(o.Key);
        if (m?.[2]?.startsWith(m[1] as string)) yield m[2];
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
  }

  async get(sha256: string): Promise<Uint8Array | null> {
    const found = await this.stream(sha256);
    if (found === null) return null;
    const chunks: Buffer[] = [];
    for await (const c of found.stream) chunks.push(c as Buffer);
    return new Uint8Array(Buffer.concat(chunks));
  }

  async stream(sha256: string, range?: ByteRange): Promise<{ stream: Readable; bytes: number } | null> {
    const key = this.key(sha256);
    return this.call("read an object", async () => {
      try {
        const r = await this.client.send(
          new GetObjectCommand({
            Bucket: this.options.bucket,
            Key: key,
            ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}),
          }),
        );
        const body = r.Body;
        if (!(body instanceof Readable)) throw new Error("the S3 client returned no Node stream");
        // Total size: from Content-Range on a ranged read ("bytes 0-9/1234"), else Content-Length.
        const total = r.ContentRange ? Number(r.ContentRange.split("/")[1]) : Number(r.ContentLength ?? 0);
        return { stream: body, bytes: total };
      } catch (e) {
        if (isNotFound(e)) return null;
        throw e;
      }
    });
  }

  async put(
    sha256: string,
    body: AsyncIterable<Uint8Array>,
    options: { limitBytes: number; inspect?: (head: Uint8Array) => void },
  ): Promise<PutResult> {
    const key = this.key(sha256);
    const spooled = await spoolVerified(this.options.spoolDir, sha256, body, options);
    try {
      if (await this.has(sha256)) return { created: false, sha256, bytes: spooled.bytes };
      await this.call("store an object", () =>
        this.client.send(
          new PutObjectCommand({
            Bucket: this.options.bucket,
            Key: key,
            Body: createReadStream(spooled.path),
            ContentLength: spooled.bytes,
            ContentType: "application/octet-stream",
            Metadata: { sha256 },
          }),
        ),
      );
      return { created: true, sha256, bytes: spooled.bytes };
    } finally {
      await spooled.discard();
    }
  }

  async delete(sha256: string): Promise<void> {
    const key = this.key(sha256);
    await this.call("delete an object", () =>
      this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: key })),
    );
  }

  destroy(): void {
    this.client.destroy();
  }

  /** Runs one S3 operation; an unreachable or failing store becomes BlobStoreUnavailableError. */
  private async call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof BlobStoreUnavailableError) throw e;
      throw new BlobStoreUnavailableError(`cannot ${what} in ${this.description}: ${describeError(e)}`);
    }
  }
}

function isNotFound(e: unknown): boolean {
  if (!(e instanceof S3ServiceException)) return false;
  return e.name === "NotFound" || e.name === "NoSuchKey" || e.$metadata.httpStatusCode === 404;
}

function describeError(e: unknown): string {
  if (e instanceof S3ServiceException) return `${e.name} (HTTP ${e.$metadata.httpStatusCode ?? "?"})`;
  if (e instanceof Error) {
    const code = "code" in e ? ` ${String(e.code)}` : "";
    return `${e.name}${code}: ${e.message}`;
  }
  return String(e);
}
