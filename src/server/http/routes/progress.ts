/**
 * GET /progress?periodId=: per pemda and per sampled unit, how far the round has come
 * (review/progress.ts). Same access as results: supervisors of the period's office and admins;
 * assessors 403; other offices 404.
 */
import { requireUser } from "../../auth/middleware";
import { periodForReview, queryUuid } from "../../results/access";
import { periodProgress } from "../../review/progress";
import type { RouteModule } from "../context";

export const progressRoutes: RouteModule = {
  name: "progress",
  mount(api, deps) {
    api.get("/progress", requireUser(deps), async (c) => {
      const period = await periodForReview(deps.db, c.get("user"), queryUuid(c, "periodId", true));
      const progress = await periodProgress(deps.db, period);
      c.header("Cache-Control", "no-store");
      return c.json(progress, 200);
    });
  },
};
