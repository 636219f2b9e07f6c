/**
 * office_letterheads (migration 005): the rapor's letterhead per office — heading lines, address
 * and an optional logo kept as bytes in the row (a few hundred KiB at most, checked before it gets
 * here; backups and the PGlite data dir carry it with the office, no second store to keep in step).
 * Invariant: an office without a row has the default letterhead; reads never create a row.
 */
import { type QueryExecutorProvider, sql } from "kysely";

export interface LetterheadRow {
  officeId: string;
  officeName: string;
  lines: string[] | null;
  address: string | null;
  logoMime: string | null;
  logoBytes: number | null;
  updatedAt: string | null;
}

/** The office with its letterhead row (null columns when it has none); undefined: no such office. */
export async function findLetterhead(
  db: QueryExecutorProvider,
  officeId: string,
): Promise<LetterheadRow | undefined> {
  const r = await sql<{
    office_id: string;
    office_name: string;
    lines: unknown;
    address: string | null;
    logo_mime: string | null;
    logo_bytes: number | null;
    updated_at: unknown;
  }>`select o.id as office_id, o.name as office_name, l.lines, l.address, l.logo_mime,
        octet_length(l.logo) as logo_bytes, l.updated_at
      from offices o left join office_letterheads l on l.office_id = o.id
      where o.id = ${officeId}`.execute(db);
  const row = r.rows[0];
  if (row === undefined) return undefined;
  return {
    officeId: row.office_id,
    officeName: row.office_name,
    lines: Array.isArray(row.lines) ? row.lines.filter((x): x is string => typeof x === "string") : null,
    address: row.address,
    logoMime: row.logo_mime,
    logoBytes: row.logo_bytes === null ? null : Number(row.logo_bytes),
    updatedAt:
      row.updated_at === null
        ? null
        : (row.updated_at instanceof Date ? row.updated_at : new Date(String(row.updated_at))).toISOString(),
  };
}

export async function upsertLetterheadText(
  db: QueryExecutorProvider,
  officeId: string,
  text: { lines: string[]; address: string },
  by: string,
): Promise<void> {
  await sql`insert into office_letterheads (office_id, lines, address, updated_by, updated_at)
      values (${officeId}, ${JSON.stringify(text.lines)}::jsonb, ${text.address}, ${by}, clock_timestamp())
      on conflict (office_id) do update set lines = excluded.lines, address = excluded.address,
        updated_by = excluded.updated_by, updated_at = excluded.updated_at`.execute(db);
}

/** Sets (bytes) or removes (null) the logo; the heading text is kept (or defaults for a new row). */
export async function setLetterheadLogo(
  db: QueryExecutorProvider,
  officeId: string,
  logo: { bytes: Uint8Array; mime: string } | null,
  by: string,
): Promise<void> {
  const bytes = logo === null ? null : Buffer.from(logo.bytes);
  const mime = logo?.mime ?? null;
  await sql`insert into office_letterheads (office_id, logo, logo_mime, updated_by, updated_at)
      values (${officeId}, ${bytes}, ${mime}, ${by}, clock_timestamp())
      on conflict (office_id) do update set logo = excluded.logo, logo_mime = excluded.logo_mime,
        updated_by = excluded.updated_by, updated_at = excluded.updated_at`.execute(db);
}

export async function readLetterheadLogo(
  db: QueryExecutorProvider,
  officeId: string,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; mime: string } | undefined> {
  const r = await sql<{ logo: Uint8Array | null; logo_mime: string | null }>`select logo, logo_mime
      from office_letterheads where office_id = ${officeId}`.execute(db);
  const row = r.rows[0];
  if (row?.logo == null || row.logo_mime === null) return undefined;
  // A copy on its own ArrayBuffer (pg hands back a Buffer that may share a pooled one).
  return { bytes: Uint8Array.from(row.logo), mime: row.logo_mime };
}
