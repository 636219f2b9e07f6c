/** What an import answers: counts, the first changes for a preview, and every problem. */
import type { SheetProblem, SpreadsheetFormat } from "../spreadsheet";
import type { Entity } from "./columns";

export interface ImportChange {
  /** Sheet and 1-based row of the file. */
  sheet: string;
  row: number;
  /** The row's key: locus code, "locus code / unit name", or username. */
  key: string;
  action: "create" | "update";
  /** Columns whose value changes (updates only). */
  fields: string[];
}

export interface Credential {
  username: string;
  name: string;
  role: string;
  password: string;
}

export interface ImportReport {
  entity: Entity;
  dryRun: boolean;
  /** True when the rows were written (not a dry run, no problems). */
  applied: boolean;
  format: SpreadsheetFormat | null;
  sheet: string | null;
  rows: number;
  created: number;
  changed: number;
  unchanged: number;
  /** Every problem; when non-empty nothing was written. */
  problems: SheetProblem[];
  /** Creates and updates in file order, at most PREVIEW_LIMIT. */
  preview: ImportChange[];
  /** Users import only, when applied: the one-time passwords of the created accounts. */
  credentials?: Credential[];
  elapsedMs: number;
}

export const PREVIEW_LIMIT = 500;
/** At most this many problems are listed (a wholly wrong file would list thousands). */
export const PROBLEM_LIMIT = 1000;

export interface Planned<T> {
  sheet: string;
  row: number;
  key: string;
  action: "create" | "update" | "unchanged";
  fields: string[];
  value: T;
  /** For updates: the existing id and the values before. */
  id?: string;
  before?: unknown;
}
