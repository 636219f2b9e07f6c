/**
 * The rapor's letterhead of an office as the API shows it (docs/api-review.md "Letterhead"):
 * heading lines, address and, when a logo is stored, the URL to fetch it. Owns the default: an
 * office that never set one prints "OMBUDSMAN REPUBLIK INDONESIA" over the office's own name, so
 * no rapor goes out without a heading. Storage is db/queries/letterheads.ts.
 */
import type { QueryExecutorProvider } from "kysely";
import { findLetterhead, type LetterheadRow } from "../db/queries/letterheads";

export const DEFAULT_FIRST_LINE = "OMBUDSMAN REPUBLIK INDONESIA";
export const LETTERHEAD_MAX_LINES = 4;
export const LETTERHEAD_LINE_MAX = 120;
export const LETTERHEAD_ADDRESS_MAX = 300;

export interface Letterhead {
  officeId: string;
  officeName: string;
  /** What is printed, defaults applied. */
  lines: string[];
  address: string;
  /** True when the admin has never set the heading text (the lines are the default). */
  isDefault: boolean;
  /** Same-origin API path of the logo, versioned by its last change; null without a logo. */
  logoUrl: string | null;
  logoMime: string | null;
  logoBytes: number | null;
  updatedAt: string | null;
}

export function letterheadFrom(row: LetterheadRow): Letterhead {
  const stored = row.lines ?? [];
  const isDefault = stored.length === 0;
  const version = row.updatedAt === null ? "0" : String(new Date(row.updatedAt).getTime());
  return {
    officeId: row.officeId,
    officeName: row.officeName,
    lines: isDefault ? [DEFAULT_FIRST_LINE, row.officeName] : stored,
    address: row.address ?? "",
    isDefault,
    logoUrl:
      row.logoMime === null
        ? null
        : `/api/v1/offices/${encodeURIComponent(row.officeId)}/letterhead/logo?v=${version}`,
    logoMime: row.logoMime,
    logoBytes: row.logoBytes,
    updatedAt: row.updatedAt,
  };
}

/** The office's letterhead; undefined when the office does not exist. */
export async function letterheadOf(
  db: QueryExecutorProvider,
  officeId: string,
): Promise<Letterhead | undefined> {
  const row = await findLetterhead(db, officeId);
  return row === undefined ? undefined : letterheadFrom(row);
}
