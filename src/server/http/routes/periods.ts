/**
 * GET /periods, GET /periods/{id} and GET /periods/{id}/instrument: the periods a user may see
 * (review/periods.ts) and the instrument version a period uses. Read-only; creating and changing
 * periods belongs to the admin area's module.
 */
import { requireUser } from "../../auth/middleware";
import { instrumentDefinition } from "../../review/instrument-definition";
import { listVisiblePeriods, visiblePeriod } from "../../review/periods";
import type { RouteModule } from "../context";
import { problem } from "../problems";

const PERIOD_PATH =
  "/periods/:id{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

export const periodRoutes: RouteModule = {
  name: "periods",
  mount(api, deps) {
    api.get("/periods", requireUser(deps), async (c) => {
      const periods = await listVisiblePeriods(deps.db, c.get("user"));
      c.header("Cache-Control", "no-store");
      return c.json({ periods }, 200);
    });
    api.get(PERIOD_PATH, requireUser(deps), async (c) => {
      const period = await visiblePeriod(deps.db, c.get("user"), c.req.param("id").toLowerCase());
      c.header("Cache-Control", "no-store");
      return c.json(period, 200);
    });
    api.get(`${PERIOD_PATH}/instrument`, requireUser(deps), async (c) => {
      const period = await visiblePeriod(deps.db, c.get("user"), c.req.param("id").toLowerCase());
      const definition = await instrumentDefinition(deps.db, period.instrumentId, period.instrumentVersion);
      if (definition === undefined) throw problem("not_found");
      c.header("Cache-Control", "private, max-age=3600");
      return c.json(definition, 200);
    });
  },
};
