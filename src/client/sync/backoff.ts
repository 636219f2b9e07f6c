// Retry delays for failed sync runs (network down, 5xx, 429): capped exponential backoff with jitter.
//
// Invariant kept: a delay is never longer than SYNC_RETRY_MAX_MS and never shorter than half the
// nominal step, so a crowd of devices coming back online spreads out instead of stampeding, yet each
// retries soon enough. A success resets the schedule to the first step.

export const SYNC_RETRY_BASE_MS = 1_000;
export const SYNC_RETRY_MAX_MS = 5 * 60_000;

/**
 * Nominal delay before retry number `attempt` (1-based): 1 s, 2 s, 4 s … capped at 5 min.
 */
export function nominalBackoffMs(
  attempt: number,
  baseMs = SYNC_RETRY_BASE_MS,
  maxMs = SYNC_RETRY_MAX_MS,
): number {
  const n = Math.max(1, Math.floor(attempt));
  // 2^n overflows to Infinity long after it passes the cap; Math.min handles it.
  return Math.min(maxMs, baseMs * 2 ** (n - 1));
}

/**
 * "Equal jitter": half the nominal delay fixed, half random. `random` is injectable for tests.
 */
export function backoffDelayMs(
  attempt: number,
  random: () => number = Math.random,
  baseMs = SYNC_RETRY_BASE_MS,
  maxMs = SYNC_RETRY_MAX_MS,
): number {
  const nominal = nominalBackoffMs(attempt, baseMs, maxMs);
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(nominal / 2 + (nominal / 2) * r);
}

/** Remembers how many consecutive failures there were. */
export class Backoff {
  private failures = 0;
  constructor(private readonly random: () => number = Math.random) {}

  /** Records a failure and returns how long to wait before the next try. */
  fail(): number {
    this.failures += 1;
    return backoffDelayMs(this.failures, this.random);
  }

  reset(): void {
    this.failures = 0;
  }

  get consecutiveFailures(): number {
    return this.failures;
  }
}
