/**
 * The ordered list of migrations. Append new ones at the end (002-sync, 003-…); versions must be
 * 1, 2, 3 … without gaps (checked at start).
 */
import { migration001 } from "./001-foundation";
import { migration002 } from "./002-sync";
import { migration003 } from "./003-scores";
import { migration005 } from "./005-planning";
import type { Migration } from "./types";

export type { Migration } from "./types";

// 004 is reserved for the admin branch; this stand-in keeps the list gapless on wip/planning.
// On merge, replace it with the real migration004.
const migration004Reserved: Migration = { version: 4, name: "reserved", up: async () => undefined };

export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004Reserved,
  migration005,
];
