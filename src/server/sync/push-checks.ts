/**
 * The server's own checks of a mutation, beyond the shared reducer: what only the server can know
 * (who holds a blob, who belongs to an office) and the bounds that keep one assessment from growing
 * without end. Each failure is a push rejection with its reason, never a 4xx/5xx for the batch.
 *
 * Owns these rules (docs/api.md "Push"):
 * - attachEvidence: ownership (src/server/evidence/ownership.ts); for a blob the server stores, the
 *   attached type and size must be the stored file's (`evidence_mismatch`).
 * - setVisit: every team member is an active user of the assignment's office (`invalid_team`), and
 *   the visit does not end before it starts (`invalid_visit`).
 * - Limits from the instrument: products and each kind of respondent at most the instrument's
 *   required count plus COUNT_MARGIN (`too_many_products`, `too_many_respondents`); the whole
 *   state at most `limits.assessmentBytes` of JSON (`assessment_too_large`; default 2 MiB: a full
 *   checklist with long notes on every item and fifty photos is a few hundred KiB, and every applied
 *   mutation rewrites the state, so it must stay small).
 */
import { type QueryExecutorProvider, sql } from "kysely";
import { expectedRespondents } from "../../domain/assessment/role-quotas";
import { type Instrument, requiredCount } from "../../domain/instrument/types";
import type { AssessmentState, Mutation, ProtocolError } from "../../domain/sync/protocol";
import { mayAttachEvidence } from "../evidence/ownership";
import type { SyncUser } from "./permissions";

/**
 * Extra products / respondents of each kind allowed beyond the instrument's requirement: room for
 * a replaced interview or an extra service, not for hundreds (480 respondents once got through).
 */
export const COUNT_MARGIN = 10;

type Rejection = { ok: false } & ProtocolError;

const reject = (code: string, message: string, details: Record<string, unknown>): Rejection => ({
  ok: false,
  code,
  message,
  details,
});

/** Checks before the reducer runs (they need the database). */
export async function checkBeforeApply(
  trx: QueryExecutorProvider,
  user: SyncUser,
  mutation: Mutation,
  officeId: string,
): Promise<Rejection | null> {
  if (mutation.name === "assessment.attachEvidence") {
    const meta = mutation.args.evidence;
    const verdict = await mayAttachEvidence(trx, meta.sha256, user);
    if (!verdict.ok) {
      return reject(
        "evidence_forbidden",
        "Foto bukti ini belum diunggah dari perangkat Anda; unggah berkasnya dulu.",
        { sha256: meta.sha256 },
      );
    }
    const stored = verdict.stored;
    if (stored !== null && (stored.mime !== meta.mime || stored.bytes !== meta.bytes)) {
      return reject(
        "evidence_mismatch",
        "Jenis atau ukuran foto bukti tidak sama dengan berkas yang tersimpan.",
        {
          sha256: meta.sha256,
          stored,
          attached: { mime: meta.mime, bytes: meta.bytes },
        },
      );
    }
  }
  if (mutation.name === "assessment.setVisit") {
    const { startedAt, endedAt, team } = mutation.args.visit;
    if (startedAt !== null && endedAt !== null && Date.parse(endedAt) < Date.parse(startedAt)) {
      return reject("invalid_visit", "Waktu selesai kunjungan sebelum waktu mulai.", { startedAt, endedAt });
    }
    const outsiders = await notActiveInOffice(trx, team, officeId);
    if (outsiders.length > 0) {
      return reject("invalid_team", "Anggota tim bukan pengguna aktif kantor ini.", { userIds: outsiders });
    }
  }
  return null;
}

async function notActiveInOffice(
  trx: QueryExecutorProvider,
  ids: readonly string[],
  officeId: string,
): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const r = await sql<{ id: string }>`
    select id from users where id = any(${unique}::uuid[]) and active and office_id = ${officeId}`.execute(
    trx,
  );
  const ok = new Set(r.rows.map((x) => x.id));
  return unique.filter((id) => !ok.has(id));
}

/** Mutations that can make a state bigger by more than a few bytes. */
const GROWING = new Set<Mutation["name"]>([
  "assessment.create",
  "assessment.setAnswer",
  "assessment.setNote",
  "assessment.putProduct",
  "assessment.putRespondent",
  "assessment.attachEvidence",
  "assessment.setVisit",
]);

/** Checks of the state the reducer produced (pure). */
export function checkAfterApply(
  maxStateBytes: number,
  instrument: Instrument,
  mutation: Mutation,
  before: AssessmentState | undefined,
  after: AssessmentState,
): Rejection | null {
  if (mutation.name === "assessment.putProduct" && after.products.length > (before?.products.length ?? 0)) {
    const cap = requiredCount(instrument, "product") + COUNT_MARGIN;
    if (after.products.length > cap) {
      return reject("too_many_products", `Produk layanan paling banyak ${cap}.`, { limit: cap });
    }
  }
  if (mutation.name === "assessment.putRespondent") {
    const kind = mutation.args.respondent.kind;
    const count = (s: AssessmentState | undefined) =>
      s?.respondents.filter((r) => r.kind === kind).length ?? 0;
    // Format 2: a per-locus role's whole quota may be met at one unit (expectedRespondents).
    const cap = expectedRespondents(instrument, kind) + COUNT_MARGIN;
    if (count(after) > count(before) && count(after) > cap) {
      return reject("too_many_respondents", `Responden jenis ini paling banyak ${cap}.`, {
        kind,
        limit: cap,
      });
    }
  }
  if (GROWING.has(mutation.name)) {
    const bytes = Buffer.byteLength(JSON.stringify(after), "utf8");
    if (bytes > maxStateBytes && bytes > jsonBytes(before)) {
      return reject("assessment_too_large", "Lembar penilaian sudah terlalu besar; persingkat catatan.", {
        limitBytes: maxStateBytes,
        bytes,
      });
    }
  }
  return null;
}

function jsonBytes(state: AssessmentState | undefined): number {
  return state === undefined ? 0 : Buffer.byteLength(JSON.stringify(state), "utf8");
}
