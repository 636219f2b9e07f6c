/**
 * JSON request bodies: media type check (415), size limit enforced on Content-Length AND on the
 * bytes actually streamed (413; a chunked or lying client cannot exceed it), UTF-8 + JSON parse
 * (400 invalid_json), then valibot validation: unknown fields → 400 unknown_field, anything else
 * → 400 invalid_body, both with details.path. Before the schema, the one text rule
 * (src/domain/common/clean-text.ts): a NUL or an unpaired surrogate anywhere → 400 invalid_text
 * with details.path, so no such string reaches a handler or the database.
 */
import type { Context } from "hono";
import * as v from "valibot";
import { findBadText } from "../../domain/common/clean-text";
import { type Problem, problem } from "./problems";

export function isJsonMediaType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

/** Reads the raw body, at most `limit` bytes, or throws payload_too_large. */
export async function readBodyBytes(req: Request, limit: number): Promise<Uint8Array> {
  const declared = req.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) {
    throw problem("payload_too_large", { limitBytes: limit });
  }
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw problem("payload_too_large", { limitBytes: limit });
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export function issuesToProblem(issues: readonly v.BaseIssue<unknown>[]) {
  const unknown = issues.find((i) => i.type === "strict_object" && i.expected === "never");
  if (unknown) {
    return problem("unknown_field", { path: v.getDotPath(unknown) ?? "" });
  }
  const first = issues[0];
  return problem("invalid_body", {
    path: first ? (v.getDotPath(first) ?? "") : "",
    issues: issues.slice(0, 20).map((i) => ({ path: v.getDotPath(i) ?? "", message: i.message })),
  });
}

/** UTF-8 + JSON parse, or 400 invalid_json. */
export function parseJsonBytes(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw problem("invalid_json");
  }
}

/** The text rule as a Problem (null when the value is clean). */
export function badTextProblem(value: unknown, basePath = ""): Problem | null {
  const bad = findBadText(value, basePath);
  return bad === null ? null : problem("invalid_text", { path: bad.path, reason: bad.reason });
}

export async function readJson<S extends v.GenericSchema>(
  c: Context,
  schema: S,
  limit: number,
): Promise<v.InferOutput<S>> {
  if (!isJsonMediaType(c.req.header("content-type"))) {
    throw problem("unsupported_media_type", { expected: "application/json" });
  }
  const parsed = parseJsonBytes(await readBodyBytes(c.req.raw, limit));
  const bad = badTextProblem(parsed);
  if (bad !== null) throw bad;
  const result = v.safeParse(schema, parsed);
  if (!result.success) throw issuesToProblem(result.issues);
  return result.output;
}
