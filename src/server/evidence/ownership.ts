/**
 * Who may attach and who may read an evidence blob. A SHA-256 is a name, not a key: knowing it
 * must give nothing.
 *
 * Owns the two rules:
 * - ATTACH (push `attachEvidence`): a blob the server stores may be attached only by a user who
 *   uploaded it (proved they hold the bytes) or who can already read it through an assessment. A
 *   blob the server does not hold yet may be attached (a device on a poor link pushes its edits
 *   before its photos); it becomes readable through that assessment only as below.
 * - READ (GET/HEAD /evidence, the evidence ZIP): the user uploaded the blob, or can see an
 *   assessment that references it AND that reference is vouched for: one of the blob's uploaders
 *   belongs to the assessment's office (or is an admin). So a reference an outsider planted — by
 *   attaching a known hash onto their own assessment, before or after the owner's upload, or
 *   before this rule existed — never opens the bytes to them or their supervisor.
 * Residual (documented): a same-office user who learns a hash before its owner uploads can attach
 * it first; the office boundary holds.
 */
import { type QueryExecutorProvider, sql } from "kysely";

export interface EvidenceUser {
  id: string;
  role: string;
  officeId: string;
}

/** SQL fragment: the current user can see assessment `a` (same rules as canSeeAssignment). */
function canSee(user: EvidenceUser) {
  return sql`(${user.role} = 'admin'
     or (${user.role} = 'supervisor' and a.office_id = ${user.officeId})
     or exists (select 1 from assignment_members m
                where m.assignment_id = a.assignment_id and m.user_id = ${user.id}))`;
}

/** SQL fragment: the reference of assessment `a` to blob `ae.sha256` is vouched for. */
const vouched = sql`exists (select 1 from evidence_uploaders eu join users uu on uu.id = eu.user_id
                            where eu.sha256 = ae.sha256 and (uu.office_id = a.office_id or uu.role = 'admin'))`;

export async function mayReadEvidence(
  db: QueryExecutorProvider,
  sha256: string,
  user: EvidenceUser,
): Promise<boolean> {
  const r = await sql<{ one: number }>`
    select 1 as one from evidence_uploaders where sha256 = ${sha256} and user_id = ${user.id}
    union all
    (select 1 from assessment_evidence ae join assessments a on a.id = ae.assessment_id
     where ae.sha256 = ${sha256} and ${canSee(user)} and ${vouched} limit 1)
    limit 1`.execute(db);
  return r.rows.length > 0;
}

export type AttachVerdict =
  | { ok: true; stored: { mime: string; bytes: number } | null }
  | { ok: false; reason: "not_yours" };

export async function mayAttachEvidence(
  db: QueryExecutorProvider,
  sha256: string,
  user: EvidenceUser,
): Promise<AttachVerdict> {
  const r = await sql<{ mime: string; bytes: number }>`
    select mime, bytes from evidence where sha256 = ${sha256}`.execute(db);
  const row = r.rows[0];
  if (row === undefined) return { ok: true, stored: null };
  if (!(await mayReadEvidence(db, sha256, user))) return { ok: false, reason: "not_yours" };
  return { ok: true, stored: { mime: row.mime, bytes: Number(row.bytes) } };
}

/** The hashes of one assessment whose bytes its readers may have (vouched references). */
export async function readableHashesOf(
  db: QueryExecutorProvider,
  assessmentId: string,
): Promise<Set<string>> {
  const r = await sql<{ sha256: string }>`
    select ae.sha256 from assessment_evidence ae join assessments a on a.id = ae.assessment_id
    where ae.assessment_id = ${assessmentId} and ${vouched}`.execute(db);
  return new Set(r.rows.map((x) => x.sha256));
}

/** readableHashesOf for several assessments at once (the per-pemda and per-period archives). */
export async function readableHashesOfMany(
  db: QueryExecutorProvider,
  assessmentIds: readonly string[],
): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (assessmentIds.length === 0) return out;
  const r = await sql<{ assessment_id: string; sha256: string }>`
    select ae.assessment_id, ae.sha256 from assessment_evidence ae join assessments a on a.id = ae.assessment_id
    where ae.assessment_id = any(${assessmentIds}::uuid[]) and ${vouched}`.execute(db);
  for (const x of r.rows) {
    const set = out.get(x.assessment_id) ?? new Set<string>();
    set.add(x.sha256);
    out.set(x.assessment_id, set);
  }
  return out;
}
