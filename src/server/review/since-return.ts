/**
 * "Changed since return" (issue #20): what the assessor changed after the last time a supervisor
 * returned the checklist, per item as first old → last new, read from the assessment's history.
 * Pure; owns nothing. Invariants: only rows written after the return's own revision count (the
 * return itself and earlier edits never show); an item changed and changed back is left out; an
 * evidence row whose old is null is a photo added since the return (`added`), one whose new is null
 * a photo removed.
 */
import type { ReviewComment } from "../../domain/sync/protocol";

export interface HistoryRowLike {
  seq: number;
  revision: number;
  userId: string;
  key: string;
  old: unknown;
  new: unknown;
  at: string;
}

export type ChangeKind = "answer" | "note" | "evidence" | "product" | "respondent" | "visit";

export interface SinceReturnChange {
  /** The history key (`answer:KEY`, `note:KEY`, `evidence:KEY:SHA256`, …). */
  key: string;
  kind: ChangeKind;
  /** The answer key the change belongs to (for evidence: the item the photo is on); "" otherwise. */
  itemKey: string;
  old: unknown;
  new: unknown;
  /** For evidence: the photo was added (true) or removed (false) since the return. */
  added?: boolean;
  by: string[];
  at: string;
}

export interface SinceReturn {
  returnedAt: string;
  returnedBy: string;
  /** The revision the return produced: rows after it are the assessor's answer to the return. */
  revision: number;
  changes: SinceReturnChange[];
}

const KINDS: readonly ChangeKind[] = ["answer", "note", "evidence", "product", "respondent", "visit"];

function kindOf(key: string): ChangeKind | undefined {
  const head = key.split(":", 1)[0] ?? "";
  return (KINDS as readonly string[]).includes(head) ? (head as ChangeKind) : undefined;
}

function itemKeyOf(key: string, kind: ChangeKind): string {
  if (kind === "answer" || kind === "note") return key.slice(kind.length + 1);
  if (kind === "evidence") {
    const rest = key.slice("evidence:".length);
    const at = rest.lastIndexOf(":");
    return at < 0 ? rest : rest.slice(0, at);
  }
  return "";
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function changesSinceReturn(
  comments: readonly ReviewComment[],
  history: readonly HistoryRowLike[],
): SinceReturn | null {
  const lastReturn = [...comments].reverse().find((c) => c.key === "general" && c.decision === "return");
  if (lastReturn === undefined) return null;
  const after = lastReturn.revision + 1;
  const byKey = new Map<string, SinceReturnChange>();
  for (const row of [...history].sort((a, b) => a.seq - b.seq)) {
    if (row.revision <= after) continue;
    const kind = kindOf(row.key);
    if (kind === undefined) continue;
    const seen = byKey.get(row.key);
    if (seen === undefined) {
      byKey.set(row.key, {
        key: row.key,
        kind,
        itemKey: itemKeyOf(row.key, kind),
        old: row.old ?? null,
        new: row.new ?? null,
        by: [row.userId],
        at: row.at,
      });
    } else {
      seen.new = row.new ?? null;
      seen.at = row.at;
      if (!seen.by.includes(row.userId)) seen.by.push(row.userId);
    }
  }
  const changes = [...byKey.values()]
    .filter((c) => !same(c.old, c.new))
    .map((c) => (c.kind === "evidence" ? { ...c, added: c.old === null } : c));
  return { returnedAt: lastReturn.at, returnedBy: lastReturn.by, revision: after, changes };
}
