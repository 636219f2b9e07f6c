/**
 * GET /exports/results.xlsx|results.csv?periodId= (supervisors of the period's office and admins),
 * GET /exports/evidence.zip?assessmentId= (whoever can see the assessment) and
 * GET /exports/evidence.zip?periodId=[&pemdaId=] (the people's archive of a period or one pemda:
 * supervisors of the period's office and admins, like the results). The files are streamed; the
 * numbers are periodResults', the same as GET /results.
 */
import { sql } from "kysely";
import { requireUser } from "../../auth/middleware";
import { loadAssessmentWithScope } from "../../db/sync-scope";
import { readableHashesOf } from "../../evidence/ownership";
import { csvText } from "../../exports/csv";
import { bundleBytes, evidenceBundleStream } from "../../exports/evidence-bundle";
import { evidenceZipStream } from "../../exports/evidence-zip";
import { peopleStem } from "../../exports/people-tables";
import { exportStem, periodSheets, UNIT_COLUMNS_HEAD, unitRows } from "../../exports/period-export";
import { xlsxStream } from "../../exports/xlsx";
import { ZIP32_MAX_BYTES } from "../../exports/zip-stream";
import { periodForReview, queryUuid } from "../../results/access";
import { type PeriodInfo, periodResults } from "../../results/period-results";
import { InstrumentCache } from "../../sync/instrument-cache";
import { canSeeAssignment } from "../../sync/permissions";
import type { AppDeps, RouteModule } from "../context";
import { problem } from "../problems";

function download(body: ReadableStream<Uint8Array> | string, type: string, filename: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": type,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

async function dimensionIds(
  deps: AppDeps,
  instruments: InstrumentCache,
  period: PeriodInfo,
): Promise<string[]> {
  const instrument = await instruments.get(deps.db, period.instrumentId, period.instrumentVersion);
  return instrument?.dimensions.map((d) => d.id) ?? [];
}

export const exportRoutes: RouteModule = {
  name: "exports",
  mount(api, deps) {
    const instruments = new InstrumentCache();
    const store = deps.evidence;

    api.get("/exports/results.xlsx", requireUser(deps), async (c) => {
      const period = await periodForReview(deps.db, c.get("user"), queryUuid(c, "periodId", true));
      const results = await periodResults(deps.db, instruments, period);
      const dims = await dimensionIds(deps, instruments, period);
      return download(
        xlsxStream(periodSheets(deps.db, results, dims)),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        `${exportStem(period)}.xlsx`,
      );
    });

    api.get("/exports/results.csv", requireUser(deps), async (c) => {
      const period = await periodForReview(deps.db, c.get("user"), queryUuid(c, "periodId", true));
      const results = await periodResults(deps.db, instruments, period);
      const dims = await dimensionIds(deps, instruments, period);
      const text = csvText([[...UNIT_COLUMNS_HEAD, ...dims], ...unitRows(results, dims)]);
      return download(text, "text/csv; charset=utf-8", `${exportStem(period)}.csv`);
    });

    api.get("/exports/evidence.zip", requireUser(deps), async (c) => {
      const byAssessment = queryUuid(c, "assessmentId", false);
      if (byAssessment === undefined) {
        const period = await periodForReview(deps.db, c.get("user"), queryUuid(c, "periodId", true));
        const pemdaId = queryUuid(c, "pemdaId", false) ?? null;
        let pemdaCode = "";
        if (pemdaId !== null) {
          const p = await sql<{ code: string }>`select code from pemda
            where id = ${pemdaId} and office_id = ${period.officeId}`.execute(deps.db);
          if (p.rows[0] === undefined) throw problem("not_found");
          pemdaCode = p.rows[0].code;
        }
        const scope = { periodId: period.id, pemdaId };
        const total = await bundleBytes(deps.db, scope);
        if (total > ZIP32_MAX_BYTES) throw problem("archive_too_large", { bytes: total });
        await store.init();
        const slug = pemdaCode.toLowerCase().replace(/[^a-z0-9]+/g, "-");
        return download(
          evidenceBundleStream(deps.db, instruments, store, scope),
          "application/zip",
          `${peopleStem(period).replace("rekap-penilaian", "bukti")}${slug === "" ? "" : `-${slug}`}.zip`,
        );
      }
      const id = byAssessment;
      const found = await loadAssessmentWithScope(deps.db, id);
      if (found === undefined || !canSeeAssignment(c.get("user"), found)) throw problem("not_found");
      await store.init();
      const readable = await readableHashesOf(deps.db, id);
      return download(
        evidenceZipStream(found.state, store, readable),
        "application/zip",
        `evidence-${id}.zip`,
      );
    });
  },
};
