/**
 * Migration 015: each stored photo's own capture time (issue #16 item 7), read from the file's EXIF
 * when it is stored (src/server/evidence/capture-time.ts). Null when the file carries none (a PNG,
 * a screenshot, a device that did not keep it). Never used to refuse work: the review compares it
 * with the time the device says the photo was attached and marks a gap beyond a day.
 */
import { sql } from "kysely";
import type { Migration } from "./types";

export const migration015: Migration = {
  version: 15,
  name: "evidence-capture-time",
  async up(trx) {
    await sql`alter table evidence add column captured_at timestamptz`.execute(trx);
  },
};
