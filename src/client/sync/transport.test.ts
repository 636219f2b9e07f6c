import { describe, expect, it } from "vitest";
import { ManualTimers } from "./testing/manual-timers";
import { createTransport, type FetchLike, HttpError, NetworkError } from "./transport";

function transportWith(fetch: FetchLike) {
  return createTransport({ fetch, baseUrl: "http://x.test/", timers: new ManualTimers() });
}

describe("transport", () => {
  it("turns the protocol's error body into an HttpError with code and details", async () => {
    const t = transportWith(async () =>
      Response.json(
        { error: { code: "mutation_gap", message: "gap", details: { lastMutationId: 7 } } },
        { status: 409 },
      ),
    );
    const e = await t.push("c", []).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HttpError);
    expect(e).toMatchObject({
      status: 409,
      code: "mutation_gap",
      details: { lastMutationId: 7 },
      retryable: false,
    });
  });

  it("treats a refused connection and a 200 whose body was cut short as network failures", async () => {
    await expect(
      transportWith(async () => {
        throw new TypeError("fetch failed");
      }).pull("c", null),
    ).rejects.toBeInstanceOf(NetworkError);
    await expect(
      transportWith(async () => new Response('{"cursor":"1","re', { status: 200 })).pull("c", "1"),
    ).rejects.toBeInstanceOf(NetworkError);
  });

  it("builds URLs under /api/v1 and answers HEAD/PUT of evidence by status", async () => {
    const seen: string[] = [];
    const t = transportWith(async (url, init) => {
      seen.push(`${init?.method} ${url}`);
      if (init?.method === "HEAD") return new Response(null, { status: 404 });
      return new Response(null, { status: 201 });
    });
    const sha = "a".repeat(64);
    expect(await t.headEvidence(sha)).toBe(false);
    expect(await t.putEvidence(sha, new Blob([new Uint8Array([1])]), "image/jpeg")).toBe("created");
    await t.pull("c 1", "x/y").catch(() => undefined);
    expect(seen).toEqual([
      `HEAD http://x.test/api/v1/evidence/${sha}`,
      `PUT http://x.test/api/v1/evidence/${sha}`,
      "GET http://x.test/api/v1/sync/pull?clientId=c+1&cursor=x%2Fy",
    ]);
  });

  it("answers a 5xx as a retryable HttpError even without a JSON body", async () => {
    const e = await transportWith(async () => new Response("<html>Bad gateway</html>", { status: 502 }))
      .pull("c", null)
      .catch((x: unknown) => x);
    expect(e).toMatchObject({ status: 502, code: "http_502", retryable: true });
  });
});
