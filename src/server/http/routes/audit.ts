/**
 * The audit log for admins (issue #16; rows written by audit/audit-hook.ts):
 * - GET /audit-log?from=&to=&username=&action=&outcome=&officeId=&before=&limit= — newest first,
 *   `next` is the `before` of the following page;
 * - GET /audit-log.csv?…same filters…&separator=semicolon|comma|tab — every matching row, streamed,
 *   Indonesian headers, `;` by default;
 * - GET /audit-log/{id} — one row.
 * Admins only (401, then 403). An office admin reads rows of their own office; asking for another
 * office is 403 and another office's row is 404. The central office's admin reads all.
 * There is no route that changes or deletes a row.
 */
import { Readable } from "node:stream";
import type { Context } from "hono";
import { requireAdmin } from "../../admin/guard";
import {
  type AuditFilter,
  type AuditRow,
  allAudit,
  auditScopeOf,
  findAudit,
  listAudit,
} from "../../audit/audit-query";
import { CSV_SEPARATORS, type CsvSeparatorName, localeCsv } from "../../exports/locale-csv";
import type { Cell } from "../../exports/xlsx";
import { queryEnum } from "../../results/access";
import type { AppEnv, RouteModule } from "../context";
import { problem } from "../problems";

const OUTCOMES = ["success", "failure", "refused", "throttled", "error"] as const;
const SEPARATORS = Object.keys(CSV_SEPARATORS) as CsvSeparatorName[];

function one(c: Context<AppEnv>, name: string, ok: (v: string) => boolean): string | undefined {
  const all = c.req.queries(name) ?? [];
  if (all.length === 0) return undefined;
  const value = all[0] ?? "";
  if (all.length > 1 || !ok(value)) throw problem("invalid_query", { param: name });
  return value;
}

function dateParam(c: Context<AppEnv>, name: string): Date | undefined {
  const text = one(c, name, (v) => v.length <= 40 && !Number.isNaN(Date.parse(v)));
  return text === undefined ? undefined : new Date(text);
}

function filterOf(c: Context<AppEnv>): AuditFilter {
  const f: AuditFilter = {};
  const from = dateParam(c, "from");
  const to = dateParam(c, "to");
  if (from) f.from = from;
  if (to) f.to = to;
  const username = one(c, "username", (v) => v.length >= 1 && v.length <= 100);
  if (username !== undefined) f.username = username.trim();
  const action = one(c, "action", (v) => /^[a-z_.]{1,60}$/.test(v));
  if (action !== undefined) f.action = action;
  const outcome = queryEnum(c, "outcome", OUTCOMES);
  if (outcome !== undefined) f.outcome = outcome;
  const officeId = one(c, "officeId", (v) => /^[a-z0-9][a-z0-9-]{1,39}$/.test(v));
  if (officeId !== undefined) f.officeId = officeId;
  const before = one(c, "before", (v) => /^[1-9][0-9]{0,17}$/.test(v));
  if (before !== undefined) f.before = before;
  return f;
}

/** The reader's scope; an office admin naming another office is refused outright. */
async function scopeFor(c: Context<AppEnv>, db: Parameters<typeof auditScopeOf>[0], filter: AuditFilter) {
  const scope = await auditScopeOf(db, c.get("user"));
  if (!scope.all && filter.officeId !== undefined && filter.officeId !== scope.officeId)
    throw problem("forbidden", { param: "officeId" });
  return scope;
}

/** The CSV columns, in Indonesian (the admin reads them in a spreadsheet). */
const CSV_HEADER = [
  "Waktu (UTC)",
  "Pengguna",
  "ID pengguna",
  "Tindakan",
  "Hasil",
  "Jenis sasaran",
  "ID sasaran",
  "Kantor",
  "Kantor sasaran",
  "Alamat klien",
  "Peramban",
  "Status HTTP",
  "Rincian",
] as const;

function csvRow(r: AuditRow): Cell[] {
  return [
    r.at,
    r.actorUsername,
    r.actorId,
    r.action,
    r.outcome,
    r.targetKind,
    r.targetId,
    r.officeId,
    r.targetOfficeId,
    r.address,
    r.userAgent,
    r.status,
    Object.keys(r.detail).length === 0 ? "" : JSON.stringify(r.detail),
  ];
}

export const auditRoutes: RouteModule = {
  name: "audit",
  mount(api, deps) {
    api.get("/audit-log", requireAdmin(deps), async (c) => {
      const filter = filterOf(c);
      const limitText = one(c, "limit", (v) => /^[0-9]{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= 200);
      const scope = await scopeFor(c, deps.db, filter);
      c.header("Cache-Control", "no-store");
      return c.json(
        await listAudit(deps.db, scope, filter, limitText === undefined ? 50 : Number(limitText)),
        200,
      );
    });

    api.get("/audit-log.csv", requireAdmin(deps), async (c) => {
      const filter = filterOf(c);
      const separator = queryEnum(c, "separator", SEPARATORS) ?? "semicolon";
      const scope = await scopeFor(c, deps.db, filter);
      const rows = (async function* () {
        for await (const r of allAudit(deps.db, scope, filter)) yield csvRow(r);
      })();
      const lines = localeCsv(CSV_HEADER, rows, { separator });
      const bytes = (async function* () {
        for await (const line of lines) yield Buffer.from(line, "utf8");
      })();
      const stamp = deps.clock.now().toISOString().slice(0, 10);
      return new Response(Readable.toWeb(Readable.from(bytes)) as ReadableStream<Uint8Array>, {
        status: 200,
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="log-audit-${stamp}.csv"`,
          "Cache-Control": "no-store",
        },
      });
    });

    api.get("/audit-log/:id", requireAdmin(deps), async (c) => {
      const id = c.req.param("id");
      if (!/^[1-9][0-9]{0,17}$/.test(id)) throw problem("not_found");
      const scope = await auditScopeOf(deps.db, c.get("user"));
      const row = await findAudit(deps.db, scope, id);
      if (!row) throw problem("not_found");
      c.header("Cache-Control", "no-store");
      return c.json({ entry: row }, 200);
    });
  },
};
