// Shared state and helpers of the instrument tree parser (dimensions, variables, indicators).
import { childPath, type ErrorSink, readArray, readId } from "../common/validate";
import type { LevelId, Scale } from "./types";

export interface TreeContext {
  readonly sink: ErrorSink;
  readonly scales: Readonly<Record<string, Scale>> | null;
  readonly definedLevels: ReadonlySet<LevelId>;
  /** id → path of its first definition */
  readonly seenIds: Map<string, string>;
}

/** Ids share one namespace across dimensions, variables, indicators and sub-items. */
export function readUniqueId(value: unknown, path: string, ctx: TreeContext, what: string): string | null {
  const id = readId(value, path, ctx.sink, what);
  if (id === null) return null;
  const first = ctx.seenIds.get(id);
  if (first !== undefined) {
    ctx.sink.add(path, `duplicate id "${id}" (already used at ${first})`);
    return null;
  }
  ctx.seenIds.set(id, path);
  return id;
}

/** A non-empty list whose items all parse; null (with errors reported) otherwise. */
export function parseList<T>(
  value: unknown,
  path: string,
  ctx: TreeContext,
  what: string,
  parseItem: (item: unknown, path: string, ctx: TreeContext) => T | null,
): T[] | null {
  const list = readArray(value, path, ctx.sink, what);
  if (list === null) return null;
  if (list.length === 0) {
    ctx.sink.add(path, `${what} must not be empty`);
    return null;
  }
  const out: T[] = [];
  list.forEach((item, i) => {
    const parsed = parseItem(item, childPath(path, i), ctx);
    if (parsed !== null) out.push(parsed);
  });
  return out.length === list.length ? out : null;
}
