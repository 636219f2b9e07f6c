import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Backoff, backoffDelayMs, nominalBackoffMs, SYNC_RETRY_BASE_MS, SYNC_RETRY_MAX_MS } from "./backoff";

describe("backoff", () => {
  it("doubles from 1 s and caps at 5 min", () => {
    const schedule = Array.from({ length: 12 }, (_, i) => nominalBackoffMs(i + 1));
    expect(schedule).toEqual([
      1000, 2000, 4000, 8000, 16000, 32000, 64000, 128000, 256000, 300000, 300000, 300000,
    ]);
    expect(nominalBackoffMs(10_000)).toBe(SYNC_RETRY_MAX_MS);
  });

  it("keeps every jittered delay within [nominal/2, nominal] and never above the cap", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (attempt, r) => {
          const d = backoffDelayMs(attempt, () => r);
          const nominal = nominalBackoffMs(attempt);
          return (
            d >= Math.floor(nominal / 2) &&
            d <= nominal &&
            d <= SYNC_RETRY_MAX_MS &&
            d >= SYNC_RETRY_BASE_MS / 2
          );
        },
      ),
    );
  });

  it("counts consecutive failures and resets on success", () => {
    const b = new Backoff(() => 1);
    expect([b.fail(), b.fail(), b.fail()]).toEqual([1000, 2000, 4000]);
    b.reset();
    expect(b.fail()).toBe(1000);
    expect(b.consecutiveFailures).toBe(1);
  });
});
