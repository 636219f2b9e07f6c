// Typed errors of the device data layer. The UI maps `code` to words; nothing here is UI.
//
// Invariant kept: a write that fails for lack of space surfaces as StorageFullError and, because every
// write is one IndexedDB transaction (Dexie's, or the edit's own), leaves nothing half-saved behind it.

/** The browser refused to store more (quota exceeded). Nothing of the failed write was kept. */
export class StorageFullError extends Error {
  override readonly name = "StorageFullError";
  readonly code = "storage_full";
  constructor(options?: { cause?: unknown }) {
    super("Device storage is full: the change was not saved", options);
  }
}

/** The shared reducer refused a local edit (e.g. the assessment is not editable). Nothing was written. */
export class MutationRefusedError extends Error {
  override readonly name = "MutationRefusedError";
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

function errorName(e: unknown): string | undefined {
  if (typeof e !== "object" || e === null) return undefined;
  const name = (e as { name?: unknown }).name;
  return typeof name === "string" ? name : undefined;
}

/**
 * True for the quota failure in any of its shapes: the DOMException itself, Dexie's wrapper
 * (name "QuotaExceededError", original in `inner`), or an AbortError whose cause was the quota
 * (Chromium aborts the transaction and reports the quota on the inner error).
 */
export function isQuotaError(e: unknown): boolean {
  let cur: unknown = e;
  for (let depth = 0; depth < 5 && cur; depth++) {
    if (errorName(cur) === "QuotaExceededError") return true;
    const next = (cur as { inner?: unknown }).inner ?? (cur as { cause?: unknown }).cause ?? undefined;
    if (next === cur) break;
    cur = next;
  }
  return false;
}

/** Runs a storage write, turning a quota failure into StorageFullError. */
export async function guardStorage<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (isQuotaError(e)) throw new StorageFullError({ cause: e });
    throw e;
  }
}
