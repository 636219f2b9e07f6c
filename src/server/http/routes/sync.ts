/**
 * /sync/push and /sync/pull (protocol.md). Thin edge: body limits and strict validation here, the
 * sync rules in src/server/sync/. Owns the HTTP shape of sync answers: a gap is 409 mutation_gap
 * with details.lastMutationId (and the results of the mutations processed before it, which stay
 * applied); a clientId of another user is 403 client_mismatch on push and pull.
 */
import * as v from "valibot";
import { uuidSchema } from "../../../domain/sync/schemas";
import { requireUser } from "../../auth/middleware";
import { metrics } from "../../ops/metrics";
import { InstrumentCache } from "../../sync/instrument-cache";
import { pullChanges } from "../../sync/pull";
import { pushMutations } from "../../sync/push";
import { parsePushBody } from "../../sync/push-validate";
import { badTextProblem, isJsonMediaType, issuesToProblem, parseJsonBytes, readBodyBytes } from "../body";
import type { RouteModule } from "../context";
import { problem } from "../problems";

const PULL_PARAMS = new Set(["clientId", "cursor"]);

/** The protocol step a device announces ("1.2" → [1, 2]); absent or garbage is [1, 0]. */
function announced(header: string | undefined): [number, number] {
  const m = /^\s*(\d{1,4})(?:\.(\d{1,4}))?\s*$/.exec(header ?? "");
  if (m === null) return [1, 0];
  return [Number(m[1]), Number(m[2] ?? 0)];
}

function atLeast(header: string | undefined, minor: number): boolean {
  const [major, m] = announced(header);
  return major > 1 || (major === 1 && m >= minor);
}

/** "1.1", "1.2", "2" … announce delta support; "1", absent or garbage do not. */
export function acceptsDeltas(header: string | undefined): boolean {
  return atLeast(header, 1);
}

/** "1.2" and later replay their own acknowledged edits: a pull does not echo them back. */
export function acceptsReplay(header: string | undefined): boolean {
  return atLeast(header, 2);
}

export const syncRoutes: RouteModule = {
  name: "sync",
  mount(api, deps) {
    const instruments = new InstrumentCache();
    const limits = deps.config.limits;

    api.post("/sync/push", requireUser(deps), async (c) => {
      if (!isJsonMediaType(c.req.header("content-type"))) {
        throw problem("unsupported_media_type", { expected: "application/json" });
      }
      const body = parseJsonBytes(await readBodyBytes(c.req.raw, limits.jsonBodyBytes));
      // The count limit is checked before validation: a too-big batch is 413 whatever its content.
      if (typeof body === "object" && body !== null && "mutations" in body && Array.isArray(body.mutations)) {
        if (body.mutations.length > limits.mutationsPerPush) {
          throw problem("payload_too_large", { limitMutations: limits.mutationsPerPush });
        }
      }
      // Only the envelope can fail the request; a malformed mutation is rejected alone (text rule
      // included: checked per mutation in push-validate.ts, so it does not jam the device's queue).
      const parsed = parsePushBody(body);
      if (!parsed.ok) {
        if ("outOfOrder" in parsed) {
          throw problem("invalid_body", {
            path: `mutations.${parsed.outOfOrder}.id`,
            message: "mutation ids must be strictly increasing within a push",
          });
        }
        throw badTextProblem(body) ?? issuesToProblem(parsed.issues);
      }
      const { clientId, items: mutations } = parsed;
      const outcome = await pushMutations(deps.db, c.get("user"), clientId, mutations, {
        instruments,
        maxStateBytes: limits.assessmentBytes,
        now: () => deps.clock.now(),
      });
      if (outcome.kind === "client_mismatch") throw problem("client_mismatch");
      if (outcome.kind === "gap") {
        throw problem("mutation_gap", { lastMutationId: outcome.lastMutationId, results: outcome.results });
      }
      for (const r of outcome.results) metrics.mutations.inc({ result: r.status });
      return c.json({ lastMutationId: outcome.lastMutationId, results: outcome.results }, 200);
    });

    api.get("/sync/pull", requireUser(deps), async (c) => {
      const query = c.req.queries();
      for (const [name, values] of Object.entries(query)) {
        if (!PULL_PARAMS.has(name))
          throw problem("invalid_query", { path: name, message: "unknown parameter" });
        if (values.length !== 1)
          throw problem("invalid_query", { path: name, message: "given more than once" });
      }
      const clientId = c.req.query("clientId");
      if (!v.is(uuidSchema, clientId))
        throw problem("invalid_query", { path: "clientId", message: "must be a UUID" });
      // A malformed cursor is not an error: it is an unknown cursor, answered with a reset.
      // Protocol step 1.1: a device announcing it (X-Patuh-Protocol: 1.1 or later) may receive
      // `delta` ops for the assessments it holds; older devices keep getting whole states.
      const announcedStep = c.req.header("X-Patuh-Protocol");
      const outcome = await pullChanges(deps.db, c.get("user"), clientId, c.req.query("cursor"), {
        deltas: acceptsDeltas(announcedStep),
        replay: acceptsReplay(announcedStep),
      });
      if (outcome.kind === "client_mismatch") throw problem("client_mismatch");
      c.header("Cache-Control", "no-store");
      c.header("Vary", "X-Patuh-Protocol");
      return c.json(outcome.response, 200);
    });
  },
};
