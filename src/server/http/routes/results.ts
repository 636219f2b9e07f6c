/**
 * GET /results?periodId=: the period's pemda and unit results (results/period-results.ts), and
 * GET /results/rapor?periodId=&pemdaId= (results/rapor.ts), for supervisors of the period's office
 * and admins (assessors 403, other offices 404).
 */
import { requireUser } from "../../auth/middleware";
import { raporHistory } from "../../history/rapor-trend";
import { periodForReview, queryUuid } from "../../results/access";
import { periodResults } from "../../results/period-results";
import { pemdaRapor } from "../../results/rapor";
import { InstrumentCache } from "../../sync/instrument-cache";
import type { RouteModule } from "../context";

export const resultsRoutes: RouteModule = {
  name: "results",
  mount(api, deps) {
    const instruments = new InstrumentCache();
    api.get("/results", requireUser(deps), async (c) => {
      const period = await periodForReview(deps.db, c.get("user"), queryUuid(c, "periodId", true));
      const { periodId, scheme, pemda } = await periodResults(deps.db, instruments, period);
      c.header("Cache-Control", "no-store");
      return c.json({ periodId, scheme, pemda }, 200);
    });
    // The printable rapor of one pemda (docs/api-review.md): same access as results; a pemda
    // without sampled units in the period is 404.
    api.get("/results/rapor", requireUser(deps), async (c) => {
      const period = await periodForReview(deps.db, c.get("user"), queryUuid(c, "periodId", true));
      const pemdaId = queryUuid(c, "pemdaId", true);
      const rapor = await pemdaRapor(deps.db, instruments, period, pemdaId, deps.clock.now());
      // The locus's trend and national rank (issue #19), beside the rapor's own fields.
      const history = await raporHistory(deps.db, instruments, c.get("user"), period.id, pemdaId);
      c.header("Cache-Control", "no-store");
      return c.json({ ...rapor, ...history }, 200);
    });
  },
};
