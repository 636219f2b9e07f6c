/**
 * The one text rule every input obeys: no NUL character and no unpaired UTF-16 surrogate, in any
 * string or object key, at any depth.
 *
 * Why: PostgreSQL cannot store either (text refuses U+0000, jsonb refuses `\u0000` and lone
 * surrogates), so such input used to reach the database and fail there as a 500 — and, inside a
 * sync push, fail the whole batch on every retry. Checked once at the edge instead, a bad string is
 * a clear 400 (or, in a push, the rejection of that one mutation) naming the field's path.
 * Pure (no DOM, no Node): the server checks with it and a device may self-check with it.
 */

export type BadTextReason = "nul" | "lone_surrogate";

export interface BadText {
  /** Dot path of the field, e.g. `mutations.1.args.text` (`""` for the value itself). */
  path: string;
  reason: BadTextReason;
  /** True when the offending string is an object key, not a value. */
  inKey: boolean;
}

// With the `u` flag a well-formed pair is one code point, so \p{Cs} matches only a lone half.
const BAD = /[\0\p{Cs}]/u;

export function textProblem(text: string): BadTextReason | null {
  const m = BAD.exec(text);
  if (m === null) return null;
  return m[0] === "\0" ? "nul" : "lone_surrogate";
}

function join(path: string, key: string | number): string {
  return path === "" ? String(key) : `${path}.${key}`;
}

/**
 * The first bad string in a parsed JSON value (depth-first, document order), or null.
 * Iterative, so a deeply nested body cannot overflow the stack.
 */
export function findBadText(value: unknown, basePath = ""): BadText | null {
  const stack: { v: unknown; path: string }[] = [{ v: value, path: basePath }];
  while (stack.length > 0) {
    const { v, path } = stack.pop() as { v: unknown; path: string };
    if (typeof v === "string") {
      const reason = textProblem(v);
      if (reason !== null) return { path, reason, inKey: false };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: join(path, i) });
    } else if (typeof v === "object" && v !== null) {
      const entries = Object.entries(v);
      for (const [k] of entries) {
        const reason = textProblem(k);
        if (reason !== null) return { path: join(path, "<key>"), reason, inKey: true };
      }
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i] as [string, unknown];
        stack.push({ v: child, path: join(path, k) });
      }
    }
  }
  return null;
}
