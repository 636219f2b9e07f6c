/**
 * GET /review-queue: submitted checklists across every open period the user manages
 * (review/queue.ts). Supervisors and admins; an assessor gets 403.
 */
import { requireUser } from "../../auth/middleware";
import { requireRole } from "../../auth/permissions";
import { reviewQueue } from "../../review/queue";
import { InstrumentCache } from "../../sync/instrument-cache";
import type { RouteModule } from "../context";

export const reviewQueueRoutes: RouteModule = {
  name: "review-queue",
  mount(api, deps) {
    const instruments = new InstrumentCache();
    api.get("/review-queue", requireUser(deps), async (c) => {
      const user = c.get("user");
      requireRole(user, "supervisor", "admin");
      const items = await reviewQueue(deps.db, instruments, user);
      c.header("Cache-Control", "no-store");
      return c.json({ items }, 200);
    });
  },
};
