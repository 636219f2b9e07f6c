// Simulated engine quirks for unit tests on fake-indexeddb: what WebKit does that Chromium and
// Firefox do not, so a test can prove the data layer survives it without a real WebKit.
//
// - keyCursorsFail(): WebKit (on-disk storage, bug 319640, also seen from real Safari by Dexie
//   users) fails `openKeyCursor` with `UnknownError: Unable to open cursor` when the index or store
//   is empty. The simulation fails EVERY key-only cursor, the stricter rule the data layer keeps:
//   it never opens one.
// - blobsRefused(): WebKit's in-memory storage (Safari Private Browsing, MiniBrowser) refuses any
//   Blob/File inside a stored value with `UnknownError: Error preparing Blob/File data to be stored
//   in object store`; raw bytes (ArrayBuffer) are accepted.
//
// Each returns an undo function; call it in afterEach.

type Patchable = { prototype: Record<string, unknown> };
// IndexedDB's own methods, whatever their signature: only called through, never typed further.
type AnyMethod = (this: unknown, ...args: unknown[]) => unknown;

function globalCtor(name: string): Patchable {
  const ctor = (globalThis as unknown as Record<string, Patchable | undefined>)[name];
  if (!ctor) throw new Error(`${name} is not defined: import "fake-indexeddb/auto" first`);
  return ctor;
}

function patch(ctor: Patchable, method: string, replacement: (original: AnyMethod) => AnyMethod): () => void {
  const original = ctor.prototype[method] as AnyMethod;
  if (typeof original !== "function") throw new Error(`no ${method} to patch`);
  ctor.prototype[method] = replacement(original);
  return () => {
    ctor.prototype[method] = original;
  };
}

export function keyCursorsFail(): () => void {
  const fail = () =>
    function openKeyCursor(): never {
      throw new DOMException("Unable to open cursor", "UnknownError");
    };
  const undo = [
    patch(globalCtor("IDBIndex"), "openKeyCursor", fail),
    patch(globalCtor("IDBObjectStore"), "openKeyCursor", fail),
  ];
  return () => {
    for (const u of undo) u();
  };
}

function holdsBlob(value: unknown, depth = 0): boolean {
  if (value instanceof Blob) return true;
  if (depth > 3 || value === null || typeof value !== "object") return false;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return false;
  return Object.values(value).some((v) => holdsBlob(v, depth + 1));
}

export function blobsRefused(): () => void {
  const refuse = (original: AnyMethod): AnyMethod =>
    function (this: unknown, value: unknown, ...rest: unknown[]) {
      if (holdsBlob(value)) {
        throw new DOMException("Error preparing Blob/File data to be stored in object store", "UnknownError");
      }
      return original.call(this, value, ...rest);
    };
  const store = globalCtor("IDBObjectStore");
  const cursor = globalCtor("IDBCursor");
  const undo = [patch(store, "put", refuse), patch(store, "add", refuse), patch(cursor, "update", refuse)];
  return () => {
    for (const u of undo) u();
  };
}
