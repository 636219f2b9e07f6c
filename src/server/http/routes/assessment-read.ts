/**
 * GET /assessments/{id}: one assessment as pull gives it, plus its full history and the computed
 * score (protocol.md "Review and results"). Read-only; the review actions live with the review
 * module. Owns nothing; visibility is sync/permissions.ts canSeeAssignment (not visible → 404).
 */

import { scoreAssessment } from "../../../domain/scoring/score-assessment";
import { requireUser } from "../../auth/middleware";
import { assessmentHistory } from "../../db/assessments";
import { loadAssessmentWithScope } from "../../db/sync-scope";
import { InstrumentCache } from "../../sync/instrument-cache";
import { canSeeAssignment } from "../../sync/permissions";
import type { RouteModule } from "../context";
import { problem } from "../problems";

const PATH = "/assessments/:id{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

export const assessmentReadRoutes: RouteModule = {
  name: "assessment-read",
  mount(api, deps) {
    const instruments = new InstrumentCache();
    api.get(PATH, requireUser(deps), async (c) => {
      const id = c.req.param("id").toLowerCase();
      const found = await loadAssessmentWithScope(deps.db, id);
      if (found === undefined || !canSeeAssignment(c.get("user"), found)) throw problem("not_found");
      const { state } = found;
      const instrument = await instruments.get(deps.db, state.instrumentId, state.instrumentVersion);
      const score =
        instrument === undefined
          ? null
          : (() => {
              const s = scoreAssessment(instrument, state);
              return {
                total: s.total,
                dimensions: s.dimensions.map((d) => ({ id: d.id, points: d.points })),
                complete: s.complete,
                problems: s.problems,
              };
            })();
      const history = await assessmentHistory(deps.db, id);
      c.header("Cache-Control", "no-store");
      return c.json({ ...state, history, score }, 200);
    });
  },
};
