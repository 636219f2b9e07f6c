// Fault injection around a device's fetch: a test installs an interceptor that decides, per
// request, whether to forward it untouched, lose the answer after the server committed, cut an
// upload body halfway, or stop the server mid-request.
import type { FetchLike } from "../../../../src/client/sync/transport";

export type Forward = (input: string, init?: RequestInit) => Promise<Response>;
export type Interceptor = (
  input: string,
  init: RequestInit | undefined,
  forward: Forward,
) => Promise<Response>;

export interface FaultyFetch extends FetchLike {
  /** The current interceptor; undefined = pass everything through. */
  intercept: Interceptor | undefined;
  /** Every request seen: method and path. */
  readonly log: { method: string; url: string }[];
}

export function faultyFetch(inner: FetchLike): FaultyFetch {
  const log: { method: string; url: string }[] = [];
  const f = Object.assign(
    async (input: string, init?: RequestInit): Promise<Response> => {
      log.push({ method: init?.method ?? "GET", url: input });
      const current = f.intercept;
      return current ? current(input, init, inner) : inner(input, init);
    },
    { intercept: undefined as Interceptor | undefined, log },
  );
  return f;
}

/** The network is down: every request fails like fetch does without a connection. */
export const offline: Interceptor = async () => {
  throw new TypeError("fetch failed: network is unreachable");
};

/** Forwards the request, lets the server commit, then loses the answer (once, for matching URLs). */
export function loseResponseOnce(match: (url: string, method: string) => boolean): Interceptor {
  let done = false;
  return async (input, init, forward) => {
    const res = await forward(input, init);
    if (!done && match(input, init?.method ?? "GET")) {
      done = true;
      await res.arrayBuffer().catch(() => undefined);
      throw new TypeError("fetch failed: connection reset by peer");
    }
    return res;
  };
}

/**
 * Sends only the first half of an upload body and then breaks the stream, the way a connection
 * dropping mid-upload does (once, for matching URLs).
 */
export function cutUploadOnce(match: (url: string, method: string) => boolean): Interceptor {
  let done = false;
  return async (input, init, forward) => {
    if (done || !match(input, init?.method ?? "GET") || !(init?.body instanceof Blob))
      return forward(input, init);
    done = true;
    const bytes = new Uint8Array(await init.body.arrayBuffer());
    const half = bytes.slice(0, Math.floor(bytes.length / 2));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(half);
        // Give the half a moment to reach the server before the "connection" breaks.
        setTimeout(() => controller.error(new Error("connection lost mid-upload")), 50);
      },
    });
    // Node's fetch needs duplex "half" for a streamed request body (sent chunked).
    const streamed = { ...init, body, duplex: "half" } as RequestInit;
    return forward(input, streamed);
  };
}
