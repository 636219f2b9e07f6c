// Closing a period stops all edits (issue #7): a push after the close is rejected with
// `period_closed` and changes nothing; on PostgreSQL, where requests really run in parallel, a push
// racing an uncommitted close waits for it and is rejected too (the push share-locks the period).
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKind } from "../../helpers/test-db";
import { as, create, setAnswer, uuid } from "./api";
import { createWorld, type World } from "./world";

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => {
  await w?.close();
});

async function answerOf(assessmentId: string, key: string): Promise<unknown> {
  const r = await sql<{
    v: unknown;
  }>`select state->'answers'->${key} as v from assessments where id = ${assessmentId}`.execute(w.db);
  return r.rows[0]?.v ?? null;
}

async function setPeriodStatus(status: "open" | "closed"): Promise<void> {
  await sql`update periods set status = ${status} where id = ${w.periodId}`.execute(w.db);
}

describe("closing a period", () => {
  it("rejects a later push with period_closed and leaves the assessment as it was", async () => {
    const aid = uuid();
    const clientId = uuid();
    const first = await as(w, "a1").push({ clientId, mutations: [create(1, aid, w.asg.a1)] });
    expect(first.body.results?.[0]?.status).toBe("applied");
    await setPeriodStatus("closed");
    try {
      const late = await as(w, "a1").push({ clientId, mutations: [setAnswer(2, aid, "IN.SP.01", 2)] });
      expect(late.status).toBe(200);
      expect(late.body.results?.[0]).toMatchObject({
        id: 2,
        status: "rejected",
        error: { code: "period_closed" },
      });
      expect(late.body.lastMutationId).toBe(2);
      expect(await answerOf(aid, "IN.SP.01")).toBeNull();
    } finally {
      await setPeriodStatus("open");
    }
  });

  // PGlite has one connection: requests cannot overlap there, so the race exists only on PostgreSQL.
  if (testDbKind() === "postgres") {
    it("a push racing an uncommitted close waits for it and is rejected", async () => {
      const aid = uuid();
      const clientId = uuid();
      await as(w, "a1").push({ clientId, mutations: [create(1, aid, w.asg.a1)] });
      let releaseClose!: () => void;
      const closeMayCommit = new Promise<void>((resolve) => {
        releaseClose = resolve;
      });
      let closeIsHeld!: () => void;
      const held = new Promise<void>((resolve) => {
        closeIsHeld = resolve;
      });
      const closing = w.db.transaction().execute(async (trx) => {
        await sql`update periods set status = 'closed' where id = ${w.periodId}`.execute(trx);
        closeIsHeld();
        await closeMayCommit;
      });
      try {
        await held;
        const push = as(w, "a1").push({ clientId, mutations: [setAnswer(2, aid, "IN.SP.01", 2)] });
        // Give the push time to reach the database while the close is still uncommitted.
        await new Promise((resolve) => setTimeout(resolve, 400));
        releaseClose();
        await closing;
        const answer = await push;
        expect(answer.body.results?.[0]).toMatchObject({
          id: 2,
          status: "rejected",
          error: { code: "period_closed" },
        });
        expect(await answerOf(aid, "IN.SP.01")).toBeNull();
      } finally {
        releaseClose();
        await closing.catch(() => undefined);
        await setPeriodStatus("open");
      }
    });
  }
});
