/**
 * GET /assessments (list with scores) and GET /assessments/{id}: one assessment as pull gives it,
 * plus its full history, the computed score and the review decisions (protocol.md "Review and
 * results"), `users` (names of everyone the assessment mentions), `sinceReturn` (what changed after
 * the last return, issue #20) and its instrument definition.
 * Read-only; review actions live in review.ts. Owns nothing; visibility is
 * sync/permissions.ts canSeeAssignment (not visible → 404).
 */

import { ASSESSMENT_STATUSES } from "../../../domain/assessment/types";
import { requireUser } from "../../auth/middleware";
import { assessmentHistory } from "../../db/assessments";
import { loadAssessmentWithScope } from "../../db/sync-scope";
import { evidenceChecks } from "../../evidence/capture-time";
import { periodForListing, queryEnum, queryUuid } from "../../results/access";
import { scoreWithLocusInputs } from "../../results/locus-scores";
import { reviewTrail } from "../../review/decisions";
import { instrumentDefinition } from "../../review/instrument-definition";
import { listAssessments } from "../../review/list";
import { changesSinceReturn } from "../../review/since-return";
import { assessmentContext, mentionedUserIds, userNames } from "../../review/user-names";
import { InstrumentCache } from "../../sync/instrument-cache";
import { canSeeAssignment } from "../../sync/permissions";
import type { RouteModule } from "../context";
import { problem } from "../problems";

export const ASSESSMENT_PATH =
  "/assessments/:id{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

export const assessmentReadRoutes: RouteModule = {
  name: "assessment-read",
  mount(api, deps) {
    const instruments = new InstrumentCache();
    api.get("/assessments", requireUser(deps), async (c) => {
      const user = c.get("user");
      const periodId = queryUuid(c, "periodId", false);
      const pemdaId = queryUuid(c, "pemdaId", false);
      const status = queryEnum(c, "status", ASSESSMENT_STATUSES);
      if (periodId !== undefined) await periodForListing(deps.db, user, periodId);
      const items = await listAssessments(deps.db, instruments, user, { periodId, pemdaId, status });
      c.header("Cache-Control", "no-store");
      return c.json({ assessments: items }, 200);
    });
    api.get(ASSESSMENT_PATH, requireUser(deps), async (c) => {
      const id = c.req.param("id").toLowerCase();
      const found = await loadAssessmentWithScope(deps.db, id);
      if (found === undefined || !canSeeAssignment(c.get("user"), found)) throw problem("not_found");
      const { state } = found;
      const [instrument, history] = await Promise.all([
        instruments.get(deps.db, state.instrumentId, state.instrumentVersion),
        assessmentHistory(deps.db, id),
      ]);
      let score = null;
      if (instrument !== undefined) {
        // With the locus's secondary data, as results score it (issue #18).
        const { total, dimensions, complete, problems } = await scoreWithLocusInputs(
          deps.db,
          instrument,
          state,
        );
        score = { total, dimensions, complete, problems };
      }
      const [users, context, checks] = await Promise.all([
        userNames(deps.db, mentionedUserIds(state, history)),
        assessmentContext(deps.db, state),
        evidenceChecks(deps.db, state.evidence),
      ]);
      c.header("Cache-Control", "no-store");
      return c.json(
        {
          ...state,
          history,
          score,
          reviews: reviewTrail(state.reviewComments, history),
          sinceReturn: changesSinceReturn(state.reviewComments, history),
          users,
          context,
          evidenceChecks: checks,
        },
        200,
      );
    });
    // The instrument version the assessment was started with (its labels and scales), as stored.
    // An instrument version never changes once loaded, but access does: no shared caching.
    api.get(`${ASSESSMENT_PATH}/instrument`, requireUser(deps), async (c) => {
      const found = await loadAssessmentWithScope(deps.db, c.req.param("id").toLowerCase());
      if (found === undefined || !canSeeAssignment(c.get("user"), found)) throw problem("not_found");
      const definition = await instrumentDefinition(
        deps.db,
        found.state.instrumentId,
        found.state.instrumentVersion,
      );
      if (definition === undefined) throw problem("not_found");
      c.header("Cache-Control", "private, max-age=3600");
      return c.json(definition, 200);
    });
  },
};
