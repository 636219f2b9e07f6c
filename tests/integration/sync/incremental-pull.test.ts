// Incremental pull over HTTP (protocol step 1.1): deltas only for a device that announces 1.1 and
// holds the assessment; whole states for old devices, for assessments new to the device, and for a
// device that has fallen too far behind. Pull answers are compressed for clients that accept it.
import { brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AssessmentDeltaOp, applyDelta } from "../../../src/domain/sync/delta";
import type { AssessmentState, Mutation, PatchOp } from "../../../src/domain/sync/protocol";
import { MAX_DELTA_REVISIONS } from "../../../src/server/sync/pull-delta";
import { as, create, m, setAnswer, uuid } from "./api";
import { createWorld, type World } from "./world";

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => {
  await w?.close();
});

type Op = PatchOp | AssessmentDeltaOp;

async function pull(who: "a1" | "a2", clientId: string, cursor: string | undefined, protocol?: string) {
  const q = new URLSearchParams({ clientId, ...(cursor === undefined ? {} : { cursor }) });
  const res = await as(w, who).raw(`/sync/pull?${q}`, {
    headers: protocol === undefined ? {} : { "X-Patuh-Protocol": protocol },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { cursor: string; reset: boolean; patch: Op[] };
}

const stateOf = (patch: Op[], id: string): AssessmentState | undefined => {
  const op = patch.find((p) => p.op === "put" && p.type === "assessment" && p.value.id === id);
  return op?.op === "put" ? (op.value as AssessmentState) : undefined;
};

describe("incremental pull", () => {
  it("sends a 1.1 device the delta of what changed since the revision it holds; a 1 device the whole state", async () => {
    const a1 = as(w, "a1");
    const device = uuid();
    const id = uuid();
    const keys = ["IN.SP.01", "IN.SP.02", "IN.SP.03", "IN.SP.04", "PGD.01"];
    // A device that pulled before the assessment existed.
    const watcher = await pull("a1", uuid(), undefined, "1.1");
    const mutations: Mutation[] = [
      create(1, id, w.asg.a1),
      ...keys.map((k, i) => setAnswer(i + 2, id, k, i % 4)),
    ];
    expect((await a1.push({ clientId: device, mutations })).status).toBe(200);
    const first = await pull("a1", device, undefined, "1.1");
    const held = stateOf(first.patch, id);
    expect(held?.revision).toBe(6);
    // A new assessment is always whole, even to a 1.1 device.
    const created = uuid();
    await a1.push({
      clientId: device,
      mutations: [
        create(7, created, w.asg.closed),
        setAnswer(8, id, "IN.SP.02", 3, 1),
        m(9, "assessment.setNote", {
          assessmentId: id,
          key: "general",
          text: "antrian panjang",
          previous: null,
        }),
      ],
    });
    const next = await pull("a1", device, first.cursor, "1.1");
    const delta = next.patch.find((p): p is AssessmentDeltaOp => p.op === "delta");
    expect(delta).toMatchObject({ type: "assessment", id, from: 6, set: { revision: 8 } });
    expect(delta?.answers).toEqual({ "IN.SP.02": 3 });
    expect(delta?.notes).toEqual({ general: "antrian panjang" });
    // Only what changed: no other answer, no evidence list, no header.
    expect(Object.keys(delta?.set ?? {}).sort()).toEqual(["revision", "updatedAt"]);
    const old = await pull("a1", uuid(), first.cursor, "1");
    const whole = stateOf(old.patch, id);
    expect(whole?.revision).toBe(8);
    expect(old.patch.some((p) => p.op === "delta")).toBe(false);
    // Applying the delta to what the device held gives exactly the whole state.
    if (held === undefined || delta === undefined) throw new Error("missing");
    expect(applyDelta(held, delta)).toEqual(whole);
    expect(JSON.stringify(delta).length).toBeLessThan(JSON.stringify(whole).length / 2);
    // An assessment created after the device's cursor comes whole, even to a 1.1 device.
    const late = await pull("a1", uuid(), watcher.cursor, "1.1");
    expect(stateOf(late.patch, id)).toEqual(whole);
    expect(late.patch.some((p) => p.op === "delta")).toBe(false);
  });

  it("a device that comes back after many revisions gets the whole state", async () => {
    const a2 = as(w, "a2");
    const device = uuid();
    const id = uuid();
    await a2.push({
      clientId: device,
      mutations: [create(1, id, w.asg.a2), setAnswer(2, id, "IN.SP.01", 1)],
    });
    const first = await pull("a2", device, undefined, "1.1");
    expect(stateOf(first.patch, id)?.revision).toBe(2);
    // Another of the team's devices works on: more revisions than a delta covers.
    const busy = uuid();
    const edits: Mutation[] = [];
    for (let i = 0; i <= MAX_DELTA_REVISIONS; i++)
      edits.push(setAnswer(i + 1, id, "IN.SP.02", i % 4, i === 0 ? null : (i - 1) % 4));
    expect((await a2.push({ clientId: busy, mutations: edits })).status).toBe(200);
    const back = await pull("a2", device, first.cursor, "1.1");
    expect(back.reset).toBe(false);
    expect(back.patch.some((p) => p.op === "delta")).toBe(false);
    expect(stateOf(back.patch, id)?.revision).toBe(2 + MAX_DELTA_REVISIONS + 1);
    // One more edit: the device is close again and gets a delta.
    await a2.push({ clientId: busy, mutations: [setAnswer(edits.length + 1, id, "IN.SP.03", 2)] });
    const close = await pull("a2", device, back.cursor, "1.1");
    expect(close.patch).toEqual([expect.objectContaining({ op: "delta", id, answers: { "IN.SP.03": 2 } })]);
  });

  it("compresses the pull answer for a client that accepts brotli", async () => {
    const res = await as(w, "a1").raw(`/sync/pull?clientId=${uuid()}`, {
      headers: { "Accept-Encoding": "gzip, br" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(res.headers.get("vary")).toMatch(/accept-encoding/i);
    // app.request does not decode: the bytes are the wire's.
    const wire = Buffer.from(await res.arrayBuffer());
    const text = brotliDecompressSync(wire).toString("utf8");
    expect(JSON.parse(text)).toMatchObject({ reset: true });
    expect(wire.length).toBeLessThan(text.length / 3);
  });
});
