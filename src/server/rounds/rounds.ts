/**
 * National rounds (table rounds, periods.round_id; migration 005): define, list, join, publish.
 * Invariants: one round per year; a joined period has the round's year, instrument version and
 * banding scheme (so every locus of the round is scored and banded alike) and each office joins
 * with at most one period; nothing joins a published round; a round is published only when it is
 * final (every joined period closed), and publication is never undone.
 */
import { type QueryExecutorProvider, sql } from "kysely";
import { ensureSchemeStored } from "../admin/schemes";
import type { Db } from "../db/connection";
import { findInstrument } from "../db/queries/instruments";
import type { PublicUser } from "../db/queries/users";
import { problem } from "../http/problems";

export interface Timetable {
  planningUntil?: string;
  fieldworkUntil?: string;
  reviewUntil?: string;
  publicationOn?: string;
}

export interface Round {
  id: string;
  year: number;
  name: string;
  instrumentId: string;
  instrumentVersion: number;
  schemeId: string;
  timetable: Timetable;
  publishedAt: string | null;
  /** Joined periods (one per office). */
  periodCount: number;
  /** Every joined period is closed (and there is at least one). */
  final: boolean;
}

interface RoundRow {
  id: string;
  year: number;
  name: string;
  instrument_id: string;
  instrument_version: number;
  scheme_id: string;
  timetable: Timetable;
  published_at: Date | string | null;
  periods: string | number;
  open_periods: string | number;
}

const SELECT = sql`select r.id, r.year, r.name, r.instrument_id, r.instrument_version, r.scheme_id, r.timetable,
    r.published_at, count(p.id) as periods, count(p.id) filter (where p.status <> 'closed') as open_periods
  from rounds r left join periods p on p.round_id = r.id`;

function toRound(r: RoundRow): Round {
  const periods = Number(r.periods);
  return {
    id: r.id,
    year: r.year,
    name: r.name,
    instrumentId: r.instrument_id,
    instrumentVersion: r.instrument_version,
    schemeId: r.scheme_id,
    timetable: r.timetable,
    publishedAt: r.published_at === null ? null : new Date(r.published_at).toISOString(),
    periodCount: periods,
    final: periods > 0 && Number(r.open_periods) === 0,
  };
}

export async function listRounds(db: QueryExecutorProvider): Promise<Round[]> {
  const r = await sql<RoundRow>`${SELECT} group by r.id order by r.year desc`.execute(db);
  return r.rows.map(toRound);
}

export async function findRound(db: QueryExecutorProvider, id: string): Promise<Round | undefined> {
  const r = await sql<RoundRow>`${SELECT} where r.id = ${id} group by r.id`.execute(db);
  const row = r.rows[0];
  return row === undefined ? undefined : toRound(row);
}

export interface NewRound {
  year: number;
  name: string;
  instrumentId: string;
  instrumentVersion: number;
  schemeId: string;
  timetable: Timetable;
}

export async function createRound(db: Db, user: PublicUser, input: NewRound): Promise<Round> {
  return db.transaction().execute(async (trx) => {
    if (!(await findInstrument(trx, input.instrumentId, input.instrumentVersion)))
      throw problem("invalid_reference", { path: "instrumentVersion", instrumentId: input.instrumentId });
    if (!(await ensureSchemeStored(trx, input.schemeId)))
      throw problem("invalid_reference", { path: "schemeId", schemeId: input.schemeId });
    const r = await sql<{
      id: string;
    }>`insert into rounds (year, name, instrument_id, instrument_version, scheme_id,
        timetable, created_by)
      values (${input.year}, ${input.name}, ${input.instrumentId}, ${input.instrumentVersion}, ${input.schemeId},
        ${JSON.stringify(input.timetable)}::jsonb, ${user.id})
      on conflict (year) do nothing returning id`.execute(trx);
    const id = r.rows[0]?.id;
    if (id === undefined) throw problem("already_exists", { path: "year", year: input.year });
    const round = await findRound(trx, id);
    if (round === undefined) throw new Error("round vanished");
    return round;
  });
}

export async function updateRound(
  db: Db,
  id: string,
  input: { name?: string; timetable?: Timetable },
): Promise<Round> {
  const r = await sql`update rounds set name = coalesce(${input.name ?? null}, name),
      timetable = coalesce(${input.timetable === undefined ? null : JSON.stringify(input.timetable)}::jsonb, timetable)
    where id = ${id}`.execute(db);
  if (Number(r.numAffectedRows ?? 0) === 0) throw problem("not_found");
  const round = await findRound(db, id);
  if (round === undefined) throw problem("not_found");
  return round;
}

/**
 * An office's period joins the round: the named period (same office, year, instrument, scheme, in
 * no round yet) or, without one, a new open period made from the round. Returns the period id.
 */
export async function joinRound(
  db: Db,
  roundId: string,
  input: { officeId: string; periodId?: string },
): Promise<{ periodId: string; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const round = (
      await sql<{
        year: number;
        name: string;
        instrument_id: string;
        instrument_version: number;
        scheme_id: string;
        published_at: unknown;
      }>`select year, name, instrument_id, instrument_version, scheme_id,
        published_at from rounds where id = ${roundId} for update`.execute(trx)
    ).rows[0];
    if (round === undefined) throw problem("not_found");
    if (round.published_at !== null) throw problem("round_published");
    const office = await sql`select 1 from offices where id = ${input.officeId}`.execute(trx);
    if (office.rows.length === 0)
      throw problem("invalid_reference", { path: "officeId", officeId: input.officeId });
    const already = (
      await sql<{ id: string }>`select id from periods where round_id = ${roundId}
      and office_id = ${input.officeId}`.execute(trx)
    ).rows[0];
    if (already !== undefined) {
      if (input.periodId === undefined || input.periodId === already.id)
        return { periodId: already.id, created: false };
      throw problem("period_in_round", { officeId: input.officeId, periodId: already.id });
    }
    if (input.periodId === undefined) {
      const made = await sql<{ id: string }>`insert into periods (office_id, year, name, instrument_id,
          instrument_version, scheme_id, round_id)
        values (${input.officeId}, ${round.year}, ${round.name}, ${round.instrument_id}, ${round.instrument_version},
          ${round.scheme_id}, ${roundId}) returning id`.execute(trx);
      const id = made.rows[0]?.id;
      if (id === undefined) throw new Error("period insert returned nothing");
      return { periodId: id, created: true };
    }
    const p = (
      await sql<{
        office_id: string;
        year: number;
        instrument_id: string;
        instrument_version: number;
        scheme_id: string;
        round_id: string | null;
      }>`select office_id, year, instrument_id, instrument_version,
        scheme_id, round_id from periods where id = ${input.periodId} for update`.execute(trx)
    ).rows[0];
    if (p === undefined || p.office_id !== input.officeId)
      throw problem("invalid_reference", { path: "periodId", periodId: input.periodId });
    if (p.round_id !== null)
      throw problem("period_in_round", { periodId: input.periodId, roundId: p.round_id });
    const mismatch = (
      [
        ["year", p.year, round.year],
        ["instrumentId", p.instrument_id, round.instrument_id],
        ["instrumentVersion", p.instrument_version, round.instrument_version],
        ["schemeId", p.scheme_id, round.scheme_id],
      ] as const
    ).filter(([, a, b]) => a !== b);
    if (mismatch.length > 0)
      throw problem("round_mismatch", {
        fields: mismatch.map(([f, period, rnd]) => ({ field: f, period, round: rnd })),
      });
    await sql`update periods set round_id = ${roundId} where id = ${input.periodId}`.execute(trx);
    return { periodId: input.periodId, created: false };
  });
}

/** Publishes a final round (409 round_not_final otherwise); publishing twice changes nothing. */
export async function publishRound(db: Db, user: PublicUser, id: string, now: Date): Promise<Round> {
  return db.transaction().execute(async (trx) => {
    const locked = await sql`select 1 from rounds where id = ${id} for update`.execute(trx);
    if (locked.rows.length === 0) throw problem("not_found");
    const round = await findRound(trx, id);
    if (round === undefined) throw problem("not_found");
    if (round.publishedAt !== null) return round;
    if (!round.final) throw problem("round_not_final", { periodCount: round.periodCount });
    await sql`update rounds set published_at = ${now.toISOString()}::timestamptz, published_by = ${user.id}
      where id = ${id}`.execute(trx);
    const done = await findRound(trx, id);
    if (done === undefined) throw problem("not_found");
    return done;
  });
}
