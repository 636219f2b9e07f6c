import { describe, expect, it } from "vitest";
import { SingleFlight } from "./single-flight";

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("SingleFlight", () => {
  it("never runs twice at once and coalesces calls during a run into one follow-up", async () => {
    const gates: ReturnType<typeof deferred<number>>[] = [];
    let running = 0;
    let maxRunning = 0;
    const flight = new SingleFlight(async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      const gate = deferred<number>();
      gates.push(gate);
      try {
        return await gate.promise;
      } finally {
        running--;
      }
    });
    const first = flight.run();
    const second = flight.run();
    const third = flight.run();
    expect(second).toBe(third);
    await Promise.resolve();
    await Promise.resolve();
    expect(gates).toHaveLength(1);
    gates[0]?.resolve(1);
    expect(await first).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(gates).toHaveLength(2);
    // A call while the follow-up runs gets a new follow-up, not a concurrent run.
    const fourth = flight.run();
    gates[1]?.resolve(2);
    expect(await second).toBe(2);
    await new Promise((r) => setTimeout(r, 0));
    gates[2]?.resolve(3);
    expect(await fourth).toBe(3);
    expect(maxRunning).toBe(1);
    expect(flight.running).toBe(false);
  });

  it("starts the follow-up even when the current run fails", async () => {
    let n = 0;
    const flight = new SingleFlight(async () => {
      n++;
      if (n === 1) throw new Error("boom");
      return n;
    });
    const a = flight.run();
    const b = flight.run();
    await expect(a).rejects.toThrow("boom");
    expect(await b).toBe(2);
  });

  it("survives a task that throws synchronously", async () => {
    const flight = new SingleFlight<number>(() => {
      throw new Error("sync");
    });
    await expect(flight.run()).rejects.toThrow("sync");
    expect(flight.running).toBe(false);
  });
});
