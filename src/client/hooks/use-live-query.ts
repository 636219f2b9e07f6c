// Dexie's liveQuery as a Preact hook: the component re-renders whenever the rows the query read change,
// whether this tab, the sync engine or another tab wrote them.
import { liveQuery } from "dexie";
import { useEffect, useState } from "preact/hooks";

interface Result<T> {
  deps: readonly unknown[];
  value: T;
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}

/**
 * The query's latest result, or undefined until the first one arrives. A result computed for other
 * deps is never returned (so /penilaian/A never shows B's data for one render after navigating).
 * A failing query logs and keeps the last good value: a read error must not blank a screen.
 * `initial` (called once, at mount) may give a value read just before by other means, shown until
 * the first result arrives.
 */
export function useLiveQuery<T>(
  query: () => Promise<T>,
  deps: unknown[],
  initial?: () => T | undefined,
): T | undefined {
  const [result, setResult] = useState<Result<T> | undefined>(() => {
    const value = initial?.();
    return value === undefined ? undefined : { deps: [...deps], value };
  });
  useEffect(() => {
    const forDeps = [...deps];
    const subscription = liveQuery(query).subscribe({
      next: (value) => setResult({ deps: forDeps, value }),
      error: (error: unknown) => console.warn("patuh: live query failed", error),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return result && sameDeps(result.deps, deps) ? result.value : undefined;
}
