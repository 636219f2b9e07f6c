// Product suggestions for a sampled unit (product.md step 8). Deterministic on purpose: the
// assessor sees the same suggestions on every device, and the supervisor edits them if needed.

/** One unit kind of the reference catalogue (the `unitKinds` entries of the demo data). */
export interface ProductCatalogueEntry {
  readonly kind: string;
  readonly products: readonly string[];
}

/**
 * The first `n` products listed for `unitKind`, in catalogue order (duplicates dropped). An unknown
 * kind gives an empty list: a unit without suggestions is still assessable.
 */
export function suggestProducts(
  unitKind: string,
  catalogue: readonly ProductCatalogueEntry[],
  n: number,
): string[] {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`suggestProducts: n must be a whole number ≥ 0, not ${n}`);
  }
  const entry = catalogue.find((e) => e.kind === unitKind);
  if (entry === undefined) return [];
  return [...new Set(entry.products)].slice(0, n);
}
