// How a failed sync run is reported and whether it is retried with backoff.
//
// Invariant kept: no outcome here discards local data. Retry with backoff only where waiting can
// help (no network, 5xx, 429); a refusal that waiting cannot fix (login, wrong device owner, a
// malformed batch) stops the automatic retries and says so, and the next trigger tries again.
import { StorageFullError } from "../db/errors";
import { problem, type SyncProblem } from "./messages";
import type { SyncState } from "./status";
import { HttpError, NetworkError } from "./transport";

export interface Classified {
  state: Exclude<SyncState, "idle" | "syncing">;
  problem: SyncProblem;
  retry: boolean;
}

export function classifyFailure(e: unknown): Classified {
  if (e instanceof NetworkError)
    return { state: "offline", problem: problem("offline", "network", e.message), retry: true };
  if (e instanceof StorageFullError)
    return { state: "error", problem: problem("storage_full"), retry: false };
  if (e instanceof HttpError) {
    if (e.status === 401)
      return { state: "needs-login", problem: problem("needs_login", e.code), retry: false };
    if (e.status === 403 && e.code === "client_mismatch") {
      return { state: "error", problem: problem("client_mismatch", e.code, e.message), retry: false };
    }
    if (e.status === 429)
      return { state: "error", problem: problem("rate_limited", e.code, e.message), retry: true };
    if (e.retryable)
      return { state: "error", problem: problem("server_unavailable", e.code, e.message), retry: true };
    return { state: "error", problem: problem("push_refused", e.code, e.message), retry: false };
  }
  const message = e instanceof Error ? e.message : String(e);
  return { state: "error", problem: problem("unexpected", "unexpected", message), retry: true };
}
