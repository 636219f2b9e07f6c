/**
 * What changed between two assessment states, as audit-trail entries (one per changed key).
 *
 * Owns: the naming of history keys (`answer:KEY`, `note:KEY`, `product:ID`, `respondent:ID`,
 * `evidence:KEY:SHA256`, `visit`, `status`, `review:N`, `conflict:KIND:KEY`).
 * Invariant: for any old → new, applying the entries' `new` over `old` gives `new` on every
 * tracked key, and every value that disappears or is overwritten appears as some entry's `old`:
 * nothing leaves the state without a trace in assessment_history.
 */
import type { AssessmentState } from "../../domain/sync/protocol";

export interface HistoryEntry {
  key: string;
  old: unknown;
  new: unknown;
}

function same(a: unknown, b: unknown): boolean {
  // The reducer shares untouched parts between states: same reference, same content, no stringify.
  if (a === b) return true;
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function diffRecord(
  prefix: string,
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  out: HistoryEntry[],
): void {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of [...keys].sort()) {
    const x = Object.hasOwn(a, k) ? a[k] : null;
    const y = Object.hasOwn(b, k) ? b[k] : null;
    if (!same(x, y)) out.push({ key: `${prefix}:${k}`, old: x ?? null, new: y ?? null });
  }
}

function byId<T>(items: readonly T[], id: (t: T) => string): Record<string, unknown> {
  return Object.fromEntries(items.map((t) => [id(t), t]));
}

export function diffStates(old: AssessmentState | undefined, next: AssessmentState): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  if (old === undefined) {
    out.push({
      key: "assessment",
      old: null,
      new: {
        assignmentId: next.assignmentId,
        unitId: next.unitId,
        instrumentId: next.instrumentId,
        instrumentVersion: next.instrumentVersion,
      },
    });
  }
  if (!same(old?.status, next.status))
    out.push({ key: "status", old: old?.status ?? null, new: next.status });
  if (!same(old?.visit, next.visit)) out.push({ key: "visit", old: old?.visit ?? null, new: next.visit });
  diffRecord("answer", old?.answers ?? {}, next.answers, out);
  diffRecord("note", old?.notes ?? {}, next.notes, out);
  diffRecord(
    "product",
    byId(old?.products ?? [], (p) => p.id),
    byId(next.products, (p) => p.id),
    out,
  );
  diffRecord(
    "respondent",
    byId(old?.respondents ?? [], (r) => r.id),
    byId(next.respondents, (r) => r.id),
    out,
  );
  const evidenceId = (e: { key: string; sha256: string }) => `${e.key}:${e.sha256}`;
  diffRecord("evidence", byId(old?.evidence ?? [], evidenceId), byId(next.evidence, evidenceId), out);
  const conflictId = (c: { kind: string; key: string }) => `${c.kind}:${c.key}`;
  diffRecord("conflict", byId(old?.conflicts ?? [], conflictId), byId(next.conflicts, conflictId), out);
  const oldComments = old?.reviewComments.length ?? 0;
  next.reviewComments.slice(oldComments).forEach((c, i) => {
    out.push({ key: `review:${oldComments + i}`, old: null, new: c });
  });
  return out;
}
