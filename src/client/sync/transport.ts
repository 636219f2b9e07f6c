// HTTP transport of protocol v1 (push, pull, evidence HEAD/PUT) over an injected fetch.
//
// Owns: turning HTTP outcomes into two error kinds the engine decides on — NetworkError (no answer,
// or an answer cut short: retry with backoff) and HttpError (the server answered with a status and
// its {error:{code,message,details}} body). Never retries by itself and never touches the database:
// retry policy lives in the engine, so a fault-injecting fetch in tests sees exactly one request per
// attempt.
import type { Mutation, PullResponse, PushResponse } from "../db/protocol-types";

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface TimerApi {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** No usable answer: connection refused or dropped, timeout, or a body cut short. Retry later. */
export class NetworkError extends Error {
  override readonly name = "NetworkError";
}

/** The server answered with an error status. `code` is the protocol's snake_case code. */
export class HttpError extends Error {
  override readonly name = "HttpError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** Worth retrying with backoff: the server is overloaded, restarting or asked us to wait. */
  get retryable(): boolean {
    return this.status >= 500 || this.status === 429 || this.status === 408;
  }
}

export interface TransportOptions {
  fetch: FetchLike;
  /** Origin (and optional prefix) of the server, e.g. "" in the browser or "http://127.0.0.1:8080". */
  baseUrl: string;
  timers: TimerApi;
  /** Per-request timeout for JSON calls; uploads get more time per MiB. */
  requestTimeoutMs?: number;
}

export const REQUEST_TIMEOUT_MS = 30_000;
/** The protocol step this device speaks when pulling (1.1: incremental assessment deltas). */
export const PROTOCOL_HEADER = "X-Patuh-Protocol";
export const PULL_PROTOCOL = "1.2";
const UPLOAD_TIMEOUT_PER_MIB_MS = 30_000;
const PUSH_TIMEOUT_PER_MUTATION_MS = 100;

export interface Transport {
  push(clientId: string, mutations: Mutation[]): Promise<PushResponse>;
  /** The patch may hold `delta` ops (protocol 1.1); db/pull-delta.ts resolves them. */
  pull(clientId: string, cursor: string | null): Promise<PullResponse>;
  /** true when the server already holds the blob. */
  headEvidence(sha256: string): Promise<boolean>;
  /**
   * "created" (201) or "exists" (200). Sends the bytes from `offset` as a ranged, resumable PUT
   * (`Content-Range`); a server without resumable uploads takes offset 0 as a plain PUT. Throws
   * HttpError for 400/409/413/415 (409 upload_offset_mismatch: details.offset says where to resume).
   */
  putEvidence(sha256: string, blob: Blob, mime: string, offset?: number): Promise<"created" | "exists">;
  /** How many bytes of an interrupted resumable upload the server holds (0 when none or unknown). */
  uploadOffset(sha256: string): Promise<number | "stored">;
}

export function createTransport(options: TransportOptions): Transport {
  const base = options.baseUrl.replace(/\/+$/, "");
  const timeoutMs = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;

  async function request(path: string, init: RequestInit, ms: number): Promise<Response> {
    const controller = new AbortController();
    const timer = options.timers.setTimeout(() => controller.abort(), ms);
    try {
      return await options.fetch(`${base}/api/v1${path}`, {
        ...init,
        signal: controller.signal,
        credentials: "same-origin",
      });
    } catch (e) {
      throw new NetworkError(e instanceof Error ? e.message : String(e), { cause: e });
    } finally {
      options.timers.clearTimeout(timer);
    }
  }

  async function readJson(res: Response): Promise<unknown> {
    try {
      return await res.json();
    } catch (e) {
      // A 2xx whose body does not parse was cut short: the effect may have happened, the answer
      // did not arrive. Treated like a dropped connection (the retry is idempotent).
      throw new NetworkError(`unreadable response body (${res.status})`, { cause: e });
    }
  }

  async function fail(res: Response): Promise<never> {
    let code = `http_${res.status}`;
    let message = res.statusText || `HTTP ${res.status}`;
    let details: Record<string, unknown> = {};
    try {
      const body = (await res.json()) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
      if (typeof body.error?.code === "string") code = body.error.code;
      if (typeof body.error?.message === "string") message = body.error.message;
      if (body.error?.details && typeof body.error.details === "object") {
        details = body.error.details as Record<string, unknown>;
      }
    } catch {
      // No JSON error body (a proxy's page, a HEAD answer): the status alone decides.
    }
    throw new HttpError(res.status, code, message, details);
  }

  return {
    async push(clientId, mutations) {
      const res = await request(
        "/sync/push",
        {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ clientId, mutations }),
        },
        // The server commits mutation by mutation: a big batch on a slow server needs time, and a
        // timeout only costs a retry that comes back as duplicates.
        timeoutMs + mutations.length * PUSH_TIMEOUT_PER_MUTATION_MS,
      );
      if (!res.ok) return fail(res);
      return (await readJson(res)) as PushResponse;
    },

    async pull(clientId, cursor) {
      const q = new URLSearchParams({ clientId });
      if (cursor !== null) q.set("cursor", cursor);
      // Protocol step 1.1: this device applies `delta` ops (db/pull-delta.ts).
      const res = await request(
        `/sync/pull?${q.toString()}`,
        { method: "GET", headers: { [PROTOCOL_HEADER]: PULL_PROTOCOL } },
        timeoutMs,
      );
      if (!res.ok) return fail(res);
      return (await readJson(res)) as PullResponse;
    },

    async headEvidence(sha256) {
      const res = await request(`/evidence/${sha256}`, { method: "HEAD" }, timeoutMs);
      if (res.status === 200) return true;
      if (res.status === 404) return false;
      return fail(res);
    },

    async putEvidence(sha256, blob, mime, offset = 0) {
      const body = offset > 0 ? blob.slice(offset) : blob;
      const ms = timeoutMs + Math.ceil(body.size / 1_048_576) * UPLOAD_TIMEOUT_PER_MIB_MS;
      const headers: Record<string, string> = { "Content-Type": mime };
      if (blob.size > 0) headers["Content-Range"] = `bytes ${offset}-${blob.size - 1}/${blob.size}`;
      const res = await request(`/evidence/${sha256}`, { method: "PUT", headers, body }, ms);
      // Drain the body so the connection can be reused; its content does not matter on success.
      if (res.status === 201 || res.status === 200) {
        await res.arrayBuffer().catch(() => undefined);
        return res.status === 201 ? "created" : "exists";
      }
      // 202: the server holds part of the file only (the rest did not arrive): resume later.
      if (res.status === 202) throw new NetworkError("evidence upload incomplete");
      return fail(res);
    },

    async uploadOffset(sha256) {
      const res = await request(`/evidence/${sha256}`, { method: "HEAD" }, timeoutMs);
      if (res.status === 200) return "stored";
      if (res.status === 404) {
        const offset = Number(res.headers.get("Upload-Offset") ?? "0");
        return Number.isSafeInteger(offset) && offset > 0 ? offset : 0;
      }
      return fail(res);
    },
  };
}
