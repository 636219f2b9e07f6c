// Test-only, in-memory stand-in for the central endpoint (protocol v1 push, pull, evidence), built on
// the same shared reducer as the real server. Lets the engine's unit tests run every edge (faults,
// 401, gaps) in milliseconds; the real server is exercised by tests/integration/client.
// Never imported by the app.

import { parseInstrument } from "../../../domain/instrument/parse-instrument";
import type { Instrument } from "../../../domain/instrument/types";
import { applyMutation } from "../../../domain/sync";
import type { AssessmentState, Mutation, PatchOp, PullRejection, PushResult } from "../../db/protocol-types";
import { assignment, fixtureIds, instrumentRecord, period } from "../../db/testing/fixtures";
import type { FetchLike } from "../transport";

export interface LoggedRequest {
  method: string;
  path: string;
  body?: unknown;
}

/** Return a Response to answer instead of the server, "drop" to fail like a lost connection. */
export type Fault = (req: LoggedRequest, phase: "before" | "after") => Response | "drop" | undefined;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}
function problem(status: number, code: string, details: Record<string, unknown> = {}): Response {
  return json(status, { error: { code, message: code, details } });
}

async function hex(bytes: ArrayBuffer): Promise<string> {
  const d = await crypto.subtle.digest("SHA-256", bytes);
  return Array.from(new Uint8Array(d), (b) => b.toString(16).padStart(2, "0")).join("");
}

export class FakeServer {
  readonly assessments = new Map<string, AssessmentState>();
  readonly clients = new Map<string, { userId: string; lastMutationId: number }>();
  readonly rejections = new Map<string, PullRejection[]>();
  readonly blobs = new Map<string, Uint8Array>();
  readonly requests: LoggedRequest[] = [];
  /** Entity changes in order: a cursor is the index reached. */
  private readonly changes: { type: "assessment"; id: string }[] = [];
  private readonly instrument: Instrument;
  loggedIn = true;
  userId: string = fixtureIds.user;
  fault: Fault | undefined;
  maxBlobBytes = 10 * 1024 * 1024;

  constructor() {
    const parsed = parseInstrument(instrumentRecord.definition);
    if (!parsed.ok) throw new Error("fixture instrument does not parse");
    this.instrument = parsed.instrument;
  }

  readonly fetch: FetchLike = async (input, init) => {
    const url = new URL(input, "http://fake.invalid");
    const method = init?.method ?? "GET";
    let body: unknown;
    if (typeof init?.body === "string") body = JSON.parse(init.body);
    else if (init?.body instanceof Blob) body = new Uint8Array(await init.body.arrayBuffer());
    const req: LoggedRequest = { method, path: url.pathname + url.search, body };
    this.requests.push(req);
    const before = this.fault?.(req, "before");
    if (before === "drop") throw new TypeError("fetch failed (connection refused)");
    if (before) return before;
    const res = await this.handle(method, url, body);
    const after = this.fault?.(req, "after");
    if (after === "drop") throw new TypeError("fetch failed (connection reset after commit)");
    return after ?? res;
  };

  private async handle(method: string, url: URL, body: unknown): Promise<Response> {
    if (!this.loggedIn) return problem(401, "not_logged_in");
    const path = url.pathname.replace(/^\/api\/v1/, "");
    if (method === "POST" && path === "/sync/push")
      return this.push(body as { clientId: string; mutations: Mutation[] });
    if (method === "GET" && path === "/sync/pull") {
      return this.pull(url.searchParams.get("clientId") ?? "", url.searchParams.get("cursor"));
    }
    const ev = /^\/evidence\/([0-9a-f]{64})$/.exec(path);
    if (ev?.[1]) {
      const sha = ev[1];
      if (method === "HEAD") return new Response(null, { status: this.blobs.has(sha) ? 200 : 404 });
      if (method === "PUT") {
        const bytes = body instanceof Uint8Array ? body : new Uint8Array();
        if (bytes.byteLength > this.maxBlobBytes) return problem(413, "too_large");
        if ((await hex(bytes.slice().buffer)) !== sha) return problem(400, "hash_mismatch");
        if (this.blobs.has(sha)) return new Response(null, { status: 200 });
        this.blobs.set(sha, bytes);
        return new Response(null, { status: 201 });
      }
    }
    return problem(404, "not_found");
  }

  private push(req: { clientId: string; mutations: Mutation[] }): Response {
    const client = this.clients.get(req.clientId) ?? { userId: this.userId, lastMutationId: 0 };
    if (client.userId !== this.userId) return problem(403, "client_mismatch");
    this.clients.set(req.clientId, client);
    const results: PushResult[] = [];
    for (const m of req.mutations) {
      if (m.id <= client.lastMutationId) {
        results.push({ id: m.id, status: "duplicate" });
        continue;
      }
      if (m.id > client.lastMutationId + 1) {
        if (results.length === 0)
          return problem(409, "mutation_gap", { lastMutationId: client.lastMutationId });
        break;
      }
      const id = m.args.assessmentId;
      const r = applyMutation(this.assessments.get(id), m, {
        instrument: this.instrument,
        userId: this.userId,
        clientId: req.clientId,
        now: new Date().toISOString(),
        assignment,
      });
      client.lastMutationId = m.id;
      if (r.ok) {
        this.assessments.set(id, r.state);
        this.changes.push({ type: "assessment", id });
        results.push({ id: m.id, status: "applied" });
      } else {
        const error = { code: r.code, message: r.message };
        const list = this.rejections.get(req.clientId) ?? [];
        list.push({ mutationId: m.id, ...error });
        this.rejections.set(req.clientId, list);
        results.push({ id: m.id, status: "rejected", error });
      }
    }
    return json(200, { lastMutationId: client.lastMutationId, results });
  }

  private pull(clientId: string, cursor: string | null): Response {
    const from = cursor === null ? Number.NaN : Number(cursor);
    const reset = !Number.isInteger(from) || from < 0 || from > this.changes.length;
    const patch: PatchOp[] = [];
    if (reset) {
      patch.push({ op: "put", type: "instrument", value: instrumentRecord });
      patch.push({ op: "put", type: "period", value: period });
      patch.push({ op: "put", type: "assignment", value: assignment });
      for (const a of this.assessments.values()) patch.push({ op: "put", type: "assessment", value: a });
    } else {
      const ids = new Set(this.changes.slice(from).map((c) => c.id));
      for (const id of ids) {
        const a = this.assessments.get(id);
        patch.push(a ? { op: "put", type: "assessment", value: a } : { op: "del", type: "assessment", id });
      }
    }
    return json(200, {
      cursor: String(this.changes.length),
      reset,
      lastMutationId: this.clients.get(clientId)?.lastMutationId ?? 0,
      patch,
      rejections: this.rejections.get(clientId) ?? [],
    });
  }
}
