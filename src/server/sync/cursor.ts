/**
 * The opaque pull cursor: base64url of "v2:<pg snapshot>". Owns its encoding only; any string that
 * does not decode to a current-version snapshot means "unknown cursor" and makes pull answer a
 * reset.
 */
import { parseSnapshot } from "../db/changes";

const PREFIX = "v2:";
const MAX_CURSOR_CHARS = 64 * 1024;

export function encodeCursor(snapshot: string): string {
  return Buffer.from(`${PREFIX}${snapshot}`, "utf8").toString("base64url");
}

export function decodeCursor(
  cursor: string | undefined,
): { snapshot: string; xmin: bigint; xmax: bigint } | null {
  if (cursor === undefined || cursor.length === 0 || cursor.length > MAX_CURSOR_CHARS) return null;
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  if (!text.startsWith(PREFIX)) return null;
  const snapshot = text.slice(PREFIX.length);
  const parsed = parseSnapshot(snapshot);
  return parsed === null ? null : { snapshot, ...parsed };
}
