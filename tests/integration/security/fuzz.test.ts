// Hostile input, property-based (fast-check, fixed seed): malformed JSON, wrong types, huge and
// deeply nested bodies, unicode edge cases, SQL and script payloads, path tricks in hashes and ids,
// replayed and forged mutation and client ids, against every endpoint of the real app. The
// properties: never a 5xx (every bad input is a clear 4xx with an error code), and the database's
// invariants hold after each case (assessment columns agree with their state, no history beyond
// the current revision, every mutation log consistent).
import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MUTATION_NAMES } from "../../../src/domain/sync/protocol";
import { API_BASE } from "../../../src/server/http/app";
import { as, create, fakeFile, setAnswer, sha256, uuid } from "../sync/api";
import { createWorld, type World } from "../sync/world";

const SEED = 8_2026;
const RUNS = Number(process.env.PATUH_FUZZ_RUNS ?? 120);

let w: World;
let assessmentId: string;
let a1Client: string;
let a1Next = 1;

beforeAll(async () => {
  w = await createWorld();
  assessmentId = uuid();
  a1Client = uuid();
  const res = await as(w, "a1").push({
    clientId: a1Client,
    mutations: [create(1, assessmentId, w.asg.a1), setAnswer(2, assessmentId, "IN.SP.01", 2)],
  });
  expect(res.status).toBe(200);
  a1Next = 3;
}, 120_000);

afterAll(async () => {
  await w?.close();
});

/** The database's own consistency, checked after every hostile request. */
async function invariantViolations(): Promise<string[]> {
  const r = await sql<{ problem: string }>`
    select 'assessment ' || id || ' columns disagree with state' as problem from assessments
      where revision <> (state->>'revision')::int or status <> state->>'status' or id::text <> state->>'id'
    union all
    select 'history of ' || h.assessment_id || ' beyond its revision' from assessment_history h
      join assessments a on a.id = h.assessment_id where h.revision > a.revision
    union all
    select 'rejection ' || r.client_id || '/' || r.mutation_id || ' beyond lastMutationId' from mutation_rejections r
      join mutation_clients c on c.client_id = r.client_id where r.mutation_id > c.last_mutation_id
    union all
    select 'history ' || h.client_id || '/' || h.mutation_id || ' beyond lastMutationId' from assessment_history h
      join mutation_clients c on c.client_id = h.client_id where h.mutation_id > c.last_mutation_id
    union all
    select 'evidence row ' || sha256 || ' with bad size' from evidence where bytes <= 0`.execute(w.db);
  return r.rows.map((x) => x.problem);
}

interface Sent {
  method: string;
  path: string;
  status: number;
  body: string;
}

async function send(
  who: "a1" | "sup" | "anon",
  method: string,
  path: string,
  body?: BodyInit,
  headers: Record<string, string> = {},
): Promise<Sent> {
  const init: RequestInit = { method, headers, ...(body === undefined ? {} : { body }) };
  const res =
    who === "anon" ? await w.app.request(`${API_BASE}${path}`, init) : await as(w, who).raw(path, init);
  return { method, path, status: res.status, body: await res.text() };
}

/** A 4xx must be a problem document; nothing may be a 5xx. */
function assertSane(r: Sent): void {
  if (r.status >= 500) throw new Error(`${r.method} ${r.path} → ${r.status}: ${r.body.slice(0, 300)}`);
  if (r.status >= 400 && r.method !== "HEAD") {
    const parsed = JSON.parse(r.body) as { error?: { code?: unknown } };
    if (typeof parsed.error?.code !== "string")
      throw new Error(`${r.method} ${r.path} → ${r.status} without an error code: ${r.body.slice(0, 200)}`);
  }
}

async function checked(r: Sent): Promise<void> {
  assertSane(r);
  const bad = await invariantViolations();
  if (bad.length > 0) throw new Error(`after ${r.method} ${r.path} (${r.status}): ${bad.join("; ")}`);
}

const HOSTILE_STRINGS = [
  "'; drop table assessments; --",
  '" or 1=1 --',
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "../../../etc/passwd",
  "..%2f..%2fetc%2fpasswd",
  "\u0000",
  "\ud800",
  "\u202e\u0635\u0644\u0627\u0629",
  "👩‍👩‍👧‍👦".repeat(50),
  "A".repeat(70_000),
  "%00",
  "\u0024{7*7}{{7*7}}",
  "null",
  "__proto__",
  "constructor",
];

const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
);

/** Anything JSON can say, with hostile strings mixed in and __proto__ keys. */
const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileString,
    fc.integer(),
    fc.double(),
    // Overlong numbers (issue #16): just past int4, past int8, past the safe integers.
    fc.constantFrom(
      null,
      true,
      false,
      -1,
      0,
      2 ** 53,
      1e308,
      -0,
      2147483648,
      -2147483649,
      2 ** 63,
      2 ** 64 + 1,
    ),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileString, fc.constantFrom("__proto__", "id", "args", "name")), tie("value"), {
      maxKeys: 4,
    }),
  ),
})).value;

/** Mutations with valid envelopes and hostile args, or hostile envelopes. */
const hostileMutation = fc.oneof(
  fc.record({
    id: fc.oneof(
      fc.constant(1),
      fc.integer({ min: -5, max: 5 }),
      fc.double(),
      fc.constant(2 ** 60),
      hostileString,
    ),
    name: fc.oneof(fc.constantFrom(...MUTATION_NAMES), hostileString),
    args: fc.oneof(
      hostileJson,
      fc.record({
        assessmentId: fc.oneof(fc.constant("ASSESSMENT"), fc.uuid(), hostileString),
        key: fc.oneof(fc.constantFrom("IN.SP.01", "PR.01@product:x#physical", "general"), hostileString),
        value: hostileJson,
        previous: hostileJson,
        text: hostileString,
        product: fc.record({ id: fc.uuid(), name: hostileString }),
        respondent: fc.record({
          id: fc.uuid(),
          kind: fc.constantFrom("official", "user"),
          profile: hostileJson,
        }),
        evidence: hostileJson,
      }),
    ),
    at: fc.oneof(fc.constant("2026-08-01T00:00:00Z"), hostileString),
  }),
  hostileJson,
);

function deep(n: number): string {
  return `${"[".repeat(n)}${"]".repeat(n)}`;
}

function deepObject(n: number): string {
  return `${'{"a":'.repeat(n)}1${"}".repeat(n)}`;
}

describe("hostile input never yields a 5xx and leaves the database consistent", () => {
  it("push: hostile mutations, envelopes, replayed and forged ids", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(hostileMutation, { maxLength: 5 }),
        fc.oneof(fc.constant("own"), fc.constant("fresh"), fc.constant("a2's"), hostileString),
        async (mutations, clientKind) => {
          const clientId =
            clientKind === "own"
              ? a1Client
              : clientKind === "fresh"
                ? uuid()
                : clientKind === "a2's"
                  ? a2Client
                  : clientKind;
          const body = JSON.stringify({
            clientId,
            mutations: mutations.map((m) =>
              JSON.parse(JSON.stringify(m ?? null).replaceAll('"ASSESSMENT"', JSON.stringify(assessmentId))),
            ),
          });
          const r = await send("a1", "POST", "/sync/push", body, { "content-type": "application/json" });
          await checked(r);
          if (clientKind === "a2's") expect(r.status === 403 || r.status === 400).toBe(true);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("push: replays of applied ids are duplicates, gaps are 409, and nothing applies twice", async () => {
    const before = await sql<{
      revision: number;
    }>`select revision from assessments where id = ${assessmentId}`.execute(w.db);
    const replay = await as(w, "a1").push({
      clientId: a1Client,
      mutations: [create(1, assessmentId, w.asg.a1), setAnswer(2, assessmentId, "IN.SP.01", 2)],
    });
    expect(replay.status).toBe(200);
    expect(replay.body.results?.map((r) => r.status)).toEqual(["duplicate", "duplicate"]);
    const last = replay.body.lastMutationId ?? 0;
    const gap = await as(w, "a1").push({
      clientId: a1Client,
      mutations: [setAnswer(last + 5, assessmentId, "IN.SP.02", 1)],
    });
    expect(gap.status).toBe(409);
    expect(gap.body.error?.code).toBe("mutation_gap");
    const after = await sql<{
      revision: number;
    }>`select revision from assessments where id = ${assessmentId}`.execute(w.db);
    expect(after.rows[0]?.revision).toBe(before.rows[0]?.revision);
    a1Next = last + 1;
    expect(a1Next).toBeGreaterThan(2);
  });

  it("every JSON endpoint: malformed, wrong-typed, huge and deeply nested bodies", async () => {
    const endpoints = [
      ["POST", "/sync/push"],
      ["POST", "/session"],
      ["POST", `/assessments/ASSESSMENT/review`],
    ] as const;
    const body = fc.oneof(
      hostileJson.map((v) => JSON.stringify(v) ?? "null"),
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.constantFrom(
        "",
        "{",
        "{]",
        '{"a":1,}',
        "\uFEFF{}",
        deep(100_000),
        deepObject(50_000),
        `{"clientId":"${"0".repeat(36)}","mutations":${deep(20_000)}}`,
        `{"decision":"approve","revision":1,"itemComments":${deep(20_000)}}`,
        JSON.stringify({ mutations: Array.from({ length: 501 }, () => ({})) }),
        `{"x":"${"a".repeat(2 * 1024 * 1024)}"}`,
      ),
    );
    const contentType = fc.constantFrom(
      "application/json",
      "application/json; charset=utf-8",
      "text/plain",
      "",
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...endpoints), body, contentType, async ([method, path], b, type) => {
        const r = await send(
          "sup",
          method,
          path.replace("ASSESSMENT", assessmentId),
          b,
          type === "" ? {} : { "content-type": type },
        );
        await checked(r);
        expect(r.status).toBeLessThan(500);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("paths and queries: traversal in hashes and ids, hostile query parameters, every method", async () => {
    const segment = fc.oneof(
      hostileString.map((s) => {
        try {
          return encodeURIComponent(s);
        } catch {
          return "%ED%A0%80"; // a lone surrogate has no UTF-8: send its broken encoding instead
        }
      }),
      fc.constantFrom(
        "..",
        "%2e%2e",
        "..%2f..%2fetc%2fpasswd",
        "%00",
        "a".repeat(64),
        "A".repeat(64),
        `${"0".repeat(63)}g`,
        "0".repeat(65),
        "00000000-0000-0000-0000-000000000000",
        "ASSESSMENT",
        "ASSESSMENT%00",
        // Issue #16: lone surrogates (UTF-8 of U+D83D, which %-decoding refuses), NUL, crafted cursors.
        "%ED%A0%BD",
        "a%00b",
        "%F0%9F%98",
        Buffer.from("v2:1:5:3").toString("base64url"),
        Buffer.from("v2:99999999999999999999:99999999999999999999:").toString("base64url"),
        Buffer.from("v2:0:0:").toString("base64url"),
        Buffer.from("v2:5:10:7,6").toString("base64url"),
        Buffer.from("v2:5:10:\u0000").toString("base64url"),
      ),
    );
    const route = fc.constantFrom(
      "/evidence/SEG",
      "/assessments/SEG",
      "/assessments/SEG/review",
      "/sync/pull?clientId=SEG",
      "/sync/pull?clientId=CLIENT&cursor=SEG",
      "/sync/pull?clientId=CLIENT&clientId=SEG",
      "/assessments?periodId=SEG",
      "/assessments?status=SEG&pemdaId=SEG",
      "/results?periodId=SEG",
      "/exports/results.csv?periodId=SEG",
      "/exports/results.xlsx?periodId=SEG",
      "/exports/evidence.zip?assessmentId=SEG",
      "/SEG",
      "/session/SEG",
    );
    const method = fc.constantFrom("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    const who = fc.constantFrom("a1" as const, "sup" as const, "anon" as const);
    await fc.assert(
      fc.asyncProperty(route, segment, method, who, async (r, seg, m, user) => {
        const path = r
          .replaceAll("SEG", seg)
          .replaceAll("ASSESSMENT", assessmentId)
          .replaceAll("CLIENT", a1Client);
        const res = await send(user, m, path, m === "GET" || m === "HEAD" ? undefined : "{}", {
          "content-type": "application/json",
        });
        await checked(res);
      }),
      { seed: SEED, numRuns: RUNS * 2 },
    );
  });

  it("evidence uploads: wrong types, lying bytes, hash mismatches, forged hashes", async () => {
    const kinds = ["jpeg", "png", "webp", "pdf"] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...kinds),
        fc.integer({ min: 0, max: 4096 }),
        fc.constantFrom(
          "image/jpeg",
          "image/png",
          "image/webp",
          "application/pdf",
          "text/html",
          "image/svg+xml",
          "",
        ),
        fc.constantFrom("right", "other", "zero"),
        fc.uint8Array({ maxLength: 64 }),
        async (kind, size, type, hashKind, noise) => {
          const bytes = size === 0 ? new Uint8Array(0) : fakeFile(kind, size);
          const body = new Uint8Array([...bytes, ...noise]);
          const hash =
            hashKind === "right" ? sha256(body) : hashKind === "zero" ? "0".repeat(64) : sha256(noise);
          const r = await send(
            "a1",
            "PUT",
            `/evidence/${hash}`,
            body,
            type === "" ? {} : { "content-type": type },
          );
          await checked(r);
          if (hashKind !== "right" && r.status < 300 && body.length > 0 && sha256(body) !== hash)
            throw new Error(`stored bytes under a hash they do not have (${r.status})`);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

let a2Client = "";
beforeAll(async () => {
  a2Client = uuid();
  const r = await as(w, "a2").push({ clientId: a2Client, mutations: [] });
  expect(r.status).toBe(200);
});
