// Ranking of pemda for tables and charts: highest score first, equal scores by name, pemda without
// a score (nothing approved yet) last. Names compare in code-unit order, not with a locale collator,
// so the server, the exports and every browser list ties the same way; pemdaId breaks exact name
// ties so the order is total and the sort stable across engines.

export interface Rankable {
  readonly pemdaId: string;
  readonly name: string;
  readonly score: number | null;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A sorted copy; the input is left as it is. */
export function rankPemda<T extends Rankable>(pemda: readonly T[]): T[] {
  return [...pemda].sort((a, b) => {
    if (a.score !== b.score) {
      if (a.score === null) return 1;
      if (b.score === null) return -1;
      return b.score - a.score;
    }
    return compareText(a.name, b.name) || compareText(a.pemdaId, b.pemdaId);
  });
}
