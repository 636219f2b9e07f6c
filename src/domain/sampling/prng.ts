// The seeded random source of unit sampling. A drawn sample is stored only as (seed, candidate list,
// mix) and must be redrawn identically years later, on the server or on any device, so this
// algorithm is a compatibility contract: changing it (even "improving" it) silently changes every
// old plan. Bump SAMPLE_ALGORITHM and keep the old one if it ever has to change.
//
// v1: seed text → 32-bit state with FNV-1a over the string's UTF-16 code units, finished with the
// MurmurHash3 fmix32 avalanche (FNV alone leaves near-identical seeds with near-identical states);
// the stream is mulberry32 (Tommy Ettinger), and integers in [0, n) use rejection sampling so every
// candidate is exactly equally likely. Code units, not UTF-8 bytes: TextEncoder is not in ES2022.

/** Name of the algorithm below, for plans that want to record how their sample was drawn. */
export const SAMPLE_ALGORITHM = "fnv1a-fmix32-mulberry32-v1";

/** 32-bit hash of a string (FNV-1a over code units + fmix32). */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32: returns a generator of uniform unsigned 32-bit integers. */
export function mulberry32(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

const RANGE = 2 ** 32;

/** Uniform integer in [0, n), n ≥ 1, without modulo bias (draws again above the last full block). */
export function uniformInt(next: () => number, n: number): number {
  const limit = RANGE - (RANGE % n);
  let x = next();
  while (x >= limit) x = next();
  return x % n;
}
