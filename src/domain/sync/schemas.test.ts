import { describe, expect, it } from "vitest";
import { parsePushRequest } from "./schemas";

const clientId = "6f1c2b1e-7777-4a2b-8c3d-000000000007";
const assessmentId = "6f1c2b1e-1111-4a2b-8c3d-000000000001";

function push(mutations: unknown[]): unknown {
  return { clientId, mutations };
}

describe("pushRequestSchema", () => {
  it("accepts a well-formed push", () => {
    const r = parsePushRequest(
      push([
        {
          id: 1,
          name: "assessment.setAnswer",
          args: { assessmentId, key: "IN.SP.01", value: 2, previous: null },
          at: "2026-08-01T02:03:04Z",
        },
        {
          id: 2,
          name: "assessment.setNote",
          args: { assessmentId, key: "general", text: "ok", previous: null },
          at: "2026-08-01T02:03:04.123+07:00",
        },
        { id: 3, name: "assessment.submit", args: { assessmentId }, at: "2026-08-01T02:03:05Z" },
      ]),
    );
    expect(r.ok).toBe(true);
  });

  it.each([
    ["unknown top-level field", { clientId, mutations: [], extra: 1 }],
    [
      "unknown args field",
      push([{ id: 1, name: "assessment.submit", args: { assessmentId, x: 1 }, at: "2026-08-01T02:03:04Z" }]),
    ],
    [
      "unknown mutation",
      push([{ id: 1, name: "assessment.drop", args: { assessmentId }, at: "2026-08-01T02:03:04Z" }]),
    ],
    [
      "bad uuid",
      push([{ id: 1, name: "assessment.submit", args: { assessmentId: "x" }, at: "2026-08-01T02:03:04Z" }]),
    ],
    ["bad clientId", { clientId: "nope", mutations: [] }],
    [
      "timestamp without zone",
      push([{ id: 1, name: "assessment.submit", args: { assessmentId }, at: "2026-08-01T02:03:04" }]),
    ],
    [
      "impossible timestamp",
      push([{ id: 1, name: "assessment.submit", args: { assessmentId }, at: "2026-02-31T02:03:04Z" }]),
    ],
    [
      "id 0",
      push([{ id: 0, name: "assessment.submit", args: { assessmentId }, at: "2026-08-01T02:03:04Z" }]),
    ],
    [
      "fractional id",
      push([{ id: 1.5, name: "assessment.submit", args: { assessmentId }, at: "2026-08-01T02:03:04Z" }]),
    ],
    [
      "decreasing ids",
      push([
        { id: 2, name: "assessment.submit", args: { assessmentId }, at: "2026-08-01T02:03:04Z" },
        { id: 1, name: "assessment.submit", args: { assessmentId }, at: "2026-08-01T02:03:04Z" },
      ]),
    ],
    [
      "uppercase sha256",
      push([
        {
          id: 1,
          name: "assessment.detachEvidence",
          args: { assessmentId, sha256: "A".repeat(64) },
          at: "2026-08-01T02:03:04Z",
        },
      ]),
    ],
    [
      "note too long",
      push([
        {
          id: 1,
          name: "assessment.setNote",
          args: { assessmentId, key: "general", text: "x".repeat(4001), previous: null },
          at: "2026-08-01T02:03:04Z",
        },
      ]),
    ],
    [
      "NaN-ish answer",
      push([
        {
          id: 1,
          name: "assessment.setAnswer",
          args: { assessmentId, key: "K", value: { a: 1 }, previous: null },
          at: "2026-08-01T02:03:04Z",
        },
      ]),
    ],
    ["not an object", "hello"],
    ["null", null],
  ])("rejects %s", (_, input) => {
    expect(parsePushRequest(input).ok).toBe(false);
  });
});
