// Reproducible unit sampling for period planning (product.md step 8: "draw the unit sample by
// service type, reproducible with a seed"). Guarantees, relied on by plans that store only the seed:
// - the same seed, candidate list and mix always give the same sample, whatever order the
//   candidates arrive in: candidates are sorted by id (UTF-16 code-unit order, not locale order,
//   which differs between ICU builds) before drawing;
// - each kind is drawn from its own stream, seeded by (seed, kind): changing the Puskesmas count
//   or adding an unrelated candidate of another kind does not reshuffle the OPD picks;
// - within a kind, a partial Fisher–Yates shuffle picks `count` distinct candidates, each subset
//   equally likely (see prng.ts for the generator).
// The sample lists the kinds in mix order and, within a kind, the units in draw order.
import { childPath, ErrorSink, isRecord, type PathError } from "../common/validate";
import { hashSeed, mulberry32, uniformInt } from "./prng";

export interface SampleCandidate {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
}

export interface SampleMixEntry {
  readonly kind: string;
  readonly count: number;
}

export interface DrawSampleInput<T extends SampleCandidate> {
  readonly seed: string;
  readonly candidates: readonly T[];
  readonly mix: readonly SampleMixEntry[];
}

export type DrawSampleResult<T extends SampleCandidate> =
  | { readonly ok: true; readonly sample: T[]; readonly seed: string }
  | { readonly ok: false; readonly errors: PathError[] };

function nonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "";
}

/** Valid candidates grouped by kind, each group sorted by id; problems go to the sink. */
function groupCandidates<T extends SampleCandidate>(
  candidates: readonly T[],
  sink: ErrorSink,
): Map<string, T[]> {
  const byKind = new Map<string, T[]>();
  const firstIndex = new Map<string, number>();
  candidates.forEach((candidate, i) => {
    const path = childPath("$.candidates", i);
    const raw: unknown = candidate;
    if (!isRecord(raw)) {
      sink.add(path, "a candidate must be an object {id, kind, name}");
      return;
    }
    const { id, kind, name } = raw;
    if (!nonEmptyString(id)) sink.add(childPath(path, "id"), "the unit id must be a non-empty string");
    if (!nonEmptyString(kind)) sink.add(childPath(path, "kind"), "the unit kind must be a non-empty string");
    if (typeof name !== "string") sink.add(childPath(path, "name"), "the unit name must be a string");
    if (!nonEmptyString(id) || !nonEmptyString(kind)) return;
    const first = firstIndex.get(id);
    if (first !== undefined) {
      // A duplicate would be drawable twice and would make the sorted order ambiguous.
      sink.add(childPath(path, "id"), `unit id "${id}" is already used by $.candidates[${first}]`);
      return;
    }
    firstIndex.set(id, i);
    const group = byKind.get(kind) ?? [];
    group.push(candidate);
    byKind.set(kind, group);
  });
  for (const group of byKind.values()) group.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return byKind;
}

function checkMix(
  mix: readonly unknown[],
  byKind: ReadonlyMap<string, readonly SampleCandidate[]>,
  sink: ErrorSink,
): void {
  const seen = new Map<string, number>();
  mix.forEach((raw, i) => {
    const path = childPath("$.mix", i);
    if (!isRecord(raw)) {
      sink.add(path, "a mix entry must be an object {kind, count}");
      return;
    }
    const { kind, count } = raw;
    const countOk = typeof count === "number" && Number.isInteger(count) && count >= 0;
    if (!countOk) {
      sink.add(childPath(path, "count"), `count must be a whole number ≥ 0, not ${String(count)}`);
    }
    if (!nonEmptyString(kind)) {
      sink.add(childPath(path, "kind"), "the unit kind must be a non-empty string");
      return;
    }
    const earlier = seen.get(kind);
    if (earlier !== undefined) {
      sink.add(childPath(path, "kind"), `kind "${kind}" is already in $.mix[${earlier}]`);
      return;
    }
    seen.set(kind, i);
    const available = byKind.get(kind)?.length ?? 0;
    if (available === 0) {
      // Also for count 0: a kind no candidate has is almost always a typo in the plan.
      const known = [...byKind.keys()].sort().join(", ");
      sink.add(childPath(path, "kind"), `unknown unit kind "${kind}" (candidates have: ${known || "none"})`);
    } else if (countOk && count > available) {
      sink.add(
        childPath(path, "count"),
        `${count} units of kind "${kind}" requested, but only ${available} candidates exist`,
      );
    }
  });
}

/** Partial Fisher–Yates: the first `count` positions of a shuffled copy. */
function drawFrom<T>(group: readonly T[], count: number, next: () => number): T[] {
  const pool = [...group];
  for (let i = 0; i < count; i++) {
    const j = i + uniformInt(next, pool.length - i);
    const a = pool[i];
    const b = pool[j];
    if (a === undefined || b === undefined) break; // unreachable: i ≤ j < pool.length
    pool[i] = b;
    pool[j] = a;
  }
  return pool.slice(0, count);
}

/** The per-kind stream seed; length-prefixed so (seed, kind) pairs cannot collide by concatenation. */
function streamSeed(seed: string, kind: string): number {
  return hashSeed(`${seed.length}:${seed}|${kind}`);
}

export function drawSample<T extends SampleCandidate>(input: DrawSampleInput<T>): DrawSampleResult<T> {
  const sink = new ErrorSink();
  // Inputs may come straight from a request body, so their runtime shape is checked, not assumed.
  const raw: unknown = input;
  if (!isRecord(raw)) return { ok: false, errors: [{ path: "$", message: "the input must be an object" }] };
  if (!nonEmptyString(raw.seed)) sink.add("$.seed", "the seed must be a non-empty string");
  const candidatesOk = Array.isArray(raw.candidates);
  const mixOk = Array.isArray(raw.mix);
  if (!candidatesOk) sink.add("$.candidates", "candidates must be an array");
  if (!mixOk) sink.add("$.mix", "mix must be an array");
  const byKind = groupCandidates(candidatesOk ? input.candidates : [], sink);
  checkMix(mixOk ? input.mix : [], byKind, sink);
  if (sink.count > 0) return { ok: false, errors: sink.result() };
  const sample: T[] = [];
  for (const entry of input.mix) {
    const group = byKind.get(entry.kind) ?? [];
    sample.push(...drawFrom(group, entry.count, mulberry32(streamSeed(input.seed, entry.kind))));
  }
  return { ok: true, sample, seed: input.seed };
}
