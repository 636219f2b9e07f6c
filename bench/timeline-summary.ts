// Reads a DevTools timeline written by PATUH_BENCH_TIMELINE (bench/device-field.ts) and prints,
// for each traced tap, the main thread's tasks between the click (bench:tap) and the edit's commit
// (bench:committed): when each started, how long it ran, and what it spent the time on.
//   npx tsx bench/timeline-summary.ts /tmp/taps.json
import { readFileSync } from "node:fs";

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  cat: string;
}

const file = process.argv[2];
if (!file) throw new Error("usage: timeline-summary.ts <trace.json>");
const events = JSON.parse(readFileSync(file, "utf8")) as TraceEvent[];
const marks = (name: string) => events.filter((e) => e.name === name).sort((a, b) => a.ts - b.ts);
const taps = marks("bench:tap");
const commits = marks("bench:committed");
const main = taps[0];
if (!main) throw new Error("no bench:tap mark in the trace");
const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.dur);
const tasks = onMain.filter((e) => e.name === "ThreadControllerImpl::RunTask" || e.name === "RunTask");
const inside = (outer: TraceEvent, e: TraceEvent) =>
  e !== outer && e.ts >= outer.ts && e.ts + (e.dur ?? 0) <= outer.ts + (outer.dur ?? 0);
const totals = new Map<string, number>();

for (const tap of taps) {
  const commit = commits.find((c) => c.ts > tap.ts);
  if (!commit) continue;
  const span = (commit.ts - tap.ts) / 1000;
  console.log(`tap: ${span.toFixed(1)} ms`);
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    if (end < tap.ts - 1000 || task.ts > commit.ts) continue;
    const children = onMain.filter((e) => inside(task, e) && e.name !== task.name);
    // Direct children only: those not inside another child.
    const direct = children.filter((c) => !children.some((o) => o !== c && inside(o, c)));
    const parts = direct
      .filter((c) => (c.dur ?? 0) > 300)
      .map((c) => {
        const inner = children
          .filter((e) => inside(c, e) && (e.dur ?? 0) > 300)
          .map((e) => `${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)}`)
          .slice(0, 4);
        totals.set(c.name, (totals.get(c.name) ?? 0) + (c.dur ?? 0) / 1000);
        return `${c.name} ${((c.dur ?? 0) / 1000).toFixed(1)}${inner.length ? ` [${inner.join(", ")}]` : ""}`;
      });
    console.log(
      `  +${((task.ts - tap.ts) / 1000).toFixed(1).padStart(6)} ${((task.dur ?? 0) / 1000).toFixed(1).padStart(6)} ms  ${parts.join("; ")}`,
    );
  }
}
console.log("time in the taps' tasks by kind (ms):");
for (const [name, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 15))
  console.log(`  ${ms.toFixed(1).padStart(8)}  ${name}`);
