// HTTP helpers for the sync tests: requests through the real app (in process), as one user.
import { createHash, randomUUID } from "node:crypto";
import type {
  AnswerValue,
  Mutation,
  MutationArgsMap,
  MutationName,
  PullResponse,
  PushResponse,
} from "../../../src/domain/sync/protocol";
import { instrumentJson, type World } from "./world";

export interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface ErrorBody {
  error?: { code: string; message: string; details?: Record<string, unknown> };
}
export type PushBody = Partial<PushResponse> & ErrorBody;
export type PullBody = Partial<PullResponse> & ErrorBody;
export type AnyBody = Record<string, unknown> & ErrorBody;

async function answer<T>(res: Response): Promise<Answer<T>> {
  const text = await res.text();
  // Tests assert on shapes; a non-JSON body becomes {} so assertions fail readably.
  let body = {} as T;
  try {
    if (text !== "") body = JSON.parse(text) as T;
  } catch {
    // not JSON
  }
  return { status: res.status, body, headers: res.headers };
}

export function as(world: World, who: keyof World["people"]) {
  const cookie = `patuh_session=${world.people[who].token}`;
  const request = (path: string, init: RequestInit = {}) =>
    world.app.request(`/api/v1${path}`, {
      ...init,
      headers: { cookie, ...(init.headers as Record<string, string>) },
    });
  return {
    id: world.people[who].id,
    raw: request,
    async push(body: unknown): Promise<Answer<PushBody>> {
      return answer<PushBody>(
        await request("/sync/push", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: typeof body === "string" ? body : JSON.stringify(body),
        }),
      );
    },
    async pull(clientId: string, cursor?: string): Promise<Answer<PullBody>> {
      const q = new URLSearchParams({ clientId, ...(cursor === undefined ? {} : { cursor }) });
      return answer<PullBody>(await request(`/sync/pull?${q}`));
    },
    async putEvidence(
      sha: string,
      bytes: Uint8Array<ArrayBuffer>,
      type: string,
      headers: Record<string, string> = {},
    ): Promise<Answer<AnyBody>> {
      return answer<AnyBody>(
        await request(`/evidence/${sha}`, {
          method: "PUT",
          headers: { "content-type": type, ...headers },
          body: bytes,
        }),
      );
    },
    async evidence(
      method: "GET" | "HEAD",
      sha: string,
    ): Promise<{ status: number; bytes: Uint8Array; headers: Headers }> {
      const res = await request(`/evidence/${sha}`, { method });
      return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()), headers: res.headers };
    },
  };
}

export const AT = "2026-08-01T02:03:04Z";

export function m<N extends MutationName>(id: number, name: N, args: MutationArgsMap[N]): Mutation {
  return { id, name, args, at: AT } as Mutation;
}

export function create(id: number, assessmentId: string, asg: { id: string; unitId: string }): Mutation {
  return m(id, "assessment.create", {
    assessmentId,
    assignmentId: asg.id,
    unitId: asg.unitId,
    instrumentId: instrumentJson.id,
    instrumentVersion: instrumentJson.version,
    visit: { date: "2026-08-01", mode: "scheduled" },
  });
}

export function setAnswer(
  id: number,
  assessmentId: string,
  key: string,
  value: AnswerValue,
  previous: AnswerValue = null,
): Mutation {
  return m(id, "assessment.setAnswer", { assessmentId, key, value, previous });
}

export const uuid = () => randomUUID();
export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Minimal valid files of each accepted type (magic numbers + some payload). */
export function fakeFile(kind: "jpeg" | "png" | "webp" | "pdf", size = 64): Uint8Array<ArrayBuffer> {
  const head: Record<typeof kind, number[]> = {
    jpeg: [0xff, 0xd8, 0xff, 0xe0],
    png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    webp: [0x52, 0x49, 0x46, 0x46, 1, 0, 0, 0, 0x57, 0x45, 0x42, 0x50],
    pdf: [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37],
  };
  const out = new Uint8Array(Math.max(size, 16));
  out.set(head[kind]);
  for (let i = head[kind].length; i < out.length; i++) out[i] = (i * 31 + size) % 251;
  return out;
}
