// Requests through the real app as one of the sync test world's people (or anonymously), with a
// readable {status, body} answer. The world: offices kalbar and other, admin (kalbar), sup (kalbar),
// sup2 (other), assessors a1, a2 (kalbar) and a3 (other), an open and a closed kalbar period.
import type { World } from "../sync/world";

export type Who = keyof World["people"] | "anonymous";

export interface Reply {
  status: number;
  body: {
    error?: { code: string; message: string; details?: Record<string, unknown> };
    [key: string]: unknown;
  };
}

export async function call(w: World, who: Who, method: string, path: string, json?: unknown): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (who !== "anonymous") headers.cookie = `patuh_session=${w.people[who].token}`;
  let body: string | undefined;
  if (json !== undefined) {
    headers["content-type"] = "application/json";
    body = typeof json === "string" ? json : JSON.stringify(json);
  }
  const res = await w.app.request(`/api/v1${path}`, { method, headers, body });
  const text = await res.text();
  return { status: res.status, body: text === "" ? {} : (JSON.parse(text) as Reply["body"]) };
}

/** details.issues of an error answer ([] when there are none). */
export function issuesOf(r: Reply): { path: string; message: string }[] {
  const issues = r.body.error?.details?.issues;
  return Array.isArray(issues) ? (issues as { path: string; message: string }[]) : [];
}
