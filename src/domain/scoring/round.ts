// Half-up rounding that is right for decimal numbers stored in binary floating point.
// 52.855 is 52.85499999999999687… as a double, and Math.round(52.855 * 100) / 100 gives 52.85; the
// published result is 52.86. Scaling, then cleaning the product to 15 significant digits (the
// precision a double reliably carries) before rounding, restores the decimal value the arithmetic
// meant. Scores are at most 100 with 2 decimals, far inside that precision.

export function roundHalfUp(value: number, decimals = 2): number {
  if (!Number.isFinite(value)) return value;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10) {
    throw new RangeError(`roundHalfUp: decimals must be a whole number 0–10, not ${decimals}`);
  }
  const factor = 10 ** decimals;
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  // Half away from zero, so the rule is symmetric; scores are never negative anyway.
  const rounded = Math.floor(scaled + 0.5) / factor;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/** Plain mean; null for an empty list. Sorts first so the result cannot depend on input order. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  let sum = 0;
  for (const v of sorted) sum += v;
  return sum / sorted.length;
}

/**
 * Pemda score (methodology §3.7): the plain mean of its (already rounded) unit scores, rounded
 * half-up to 2 decimals. Null when there are no units to average.
 */
export function pemdaScore(unitScores: readonly number[]): number | null {
  const m = mean(unitScores);
  return m === null ? null : roundHalfUp(m, 2);
}
