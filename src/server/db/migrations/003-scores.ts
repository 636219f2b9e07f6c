/**
 * Migration 003: assessment_scores, a cache of each assessment's unit score.
 *
 * Design (why): results and the assessment list must score a whole national period (550 pemda × 7
 * units) in well under a second; reading and scoring 3,850 jsonb states costs far more. The cache
 * row is keyed by the assessment's `revision`: a row whose revision differs from the assessment's
 * is stale and is recomputed (with the domain's scoring) by the reader that finds it
 * (src/server/results/score-cache.ts). So no writer (push, review, seed) has to remember the cache,
 * no trigger re-implements scoring in SQL, and a number served is always that of the current state.
 */
import { sql } from "kysely";
import type { Migration } from "./types";

const statements = [
  `create table assessment_scores (
     assessment_id uuid primary key references assessments(id),
     revision integer not null,
     instrument_id text not null,
     instrument_version integer not null,
     total double precision not null,
     dimensions jsonb not null,
     complete boolean not null,
     computed_at timestamptz not null default now()
   )`,
];

export const migration003: Migration = {
  version: 3,
  name: "scores",
  async up(trx) {
    for (const statement of statements) await sql.raw(statement).execute(trx);
  },
};
