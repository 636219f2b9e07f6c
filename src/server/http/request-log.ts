/**
 * Log hygiene: what the server writes about refused and failed requests.
 *
 * - A refused request (4xx: a client mistake) is ONE line: method, path, status, code, address.
 *   Never a stack trace, never the body (it may hold a password).
 * - A 5xx is a bug: its stack is logged, because someone has to fix it.
 * - Both are rate-limited per client address (a token bucket): one client sending garbage as fast
 *   as it can gets a few lines and then one "suppressed N" line per window, not a line per request,
 *   so it can neither fill the disk nor drown other clients' lines.
 * Owns: the buckets (in memory, bounded: the oldest addresses are forgotten past MAX_ADDRESSES).
 */
import type { Logger } from "./context";

export const LOG_BURST = 20;
export const LOG_WINDOW_MS = 60_000;
const MAX_ADDRESSES = 10_000;

interface Bucket {
  windowStart: number;
  written: number;
  suppressed: number;
}

export class RequestLog {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  refused(address: string, method: string, path: string, status: number, code: string): void {
    if (this.admit(address)) {
      this.log.info(`refused ${method} ${clip(path)} ${status} ${code} from ${address}`);
    }
  }

  failed(address: string, method: string, path: string, err: unknown): void {
    if (this.admit(address)) this.log.error(`internal error on ${method} ${clip(path)} from ${address}`, err);
  }

  private admit(address: string): boolean {
    const t = this.now();
    let b = this.buckets.get(address);
    if (b === undefined || t - b.windowStart >= LOG_WINDOW_MS) {
      if (b !== undefined && b.suppressed > 0) {
        this.log.info(`suppressed ${b.suppressed} more log lines from ${address}`);
      }
      b = { windowStart: t, written: 0, suppressed: 0 };
      this.buckets.delete(address);
      this.buckets.set(address, b);
      if (this.buckets.size > MAX_ADDRESSES) {
        const oldest = this.buckets.keys().next().value;
        if (oldest !== undefined) this.buckets.delete(oldest);
      }
    }
    if (b.written < LOG_BURST) {
      b.written++;
      return true;
    }
    b.suppressed++;
    return false;
  }
}

/** Paths are client-chosen: keep a line a line (no control characters) and short. */
function clip(path: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  const clean = path.replace(/[\u0000-\u001f\u007f]/g, "?");
  return clean.length > 200 ? `${clean.slice(0, 200)}…` : clean;
}
