// Visibility of one assessment read (GET /assessments/{id}): the team, the office's supervisor and
// admins see it with history and score; everyone else gets 404, as for things that do not exist.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, create, setAnswer, uuid } from "./api";
import { createWorld, type World } from "./world";

let w: World;
let aid: string;
beforeAll(async () => {
  w = await createWorld();
  aid = uuid();
  await as(w, "a1").push({
    clientId: uuid(),
    mutations: [create(1, aid, w.asg.a1), setAnswer(2, aid, "IN.SP.01", 3)],
  });
});
afterAll(async () => {
  await w?.close();
});

describe("assessment read", () => {
  it.each([
    ["a1", 200],
    ["sup", 200],
    ["admin", 200],
    ["a2", 404],
    ["a3", 404],
    ["sup2", 404],
  ] as const)("%s → %i", async (who, status) => {
    const res = await as(w, who).raw(`/assessments/${aid}`);
    expect(res.status).toBe(status);
    const body = (await res.json()) as {
      id?: string;
      revision?: number;
      history?: { key: string }[];
      score?: { total: number; dimensions: unknown[] };
      error?: { code: string };
    };
    if (status === 200) {
      expect(body.id).toBe(aid);
      expect(body.revision).toBe(2);
      expect(body.history?.map((h) => h.key)).toEqual(["assessment", "status", "visit", "answer:IN.SP.01"]);
      expect(body.score?.dimensions).toHaveLength(4);
    } else {
      expect(body.error?.code).toBe("not_found");
    }
  });

  it("unknown or malformed ids → 404", async () => {
    expect((await as(w, "admin").raw(`/assessments/${uuid()}`)).status).toBe(404);
    expect((await as(w, "admin").raw("/assessments/not-a-uuid")).status).toBe(404);
  });
});
