/**
 * POST /assessments/{id}/review: approve or return a submitted assessment (review/review.ts holds
 * the rules). Strict body: unknown fields → 400 unknown_field.
 */
import * as v from "valibot";
import { noteAudit } from "../../audit/audit-hook";
import { requireUser } from "../../auth/middleware";
import { reviewAssessment } from "../../review/review";
import { readJson } from "../body";
import type { RouteModule } from "../context";
import { ASSESSMENT_PATH } from "./assessment-read";

const TEXT = v.pipe(v.string(), v.maxLength(4000));

const ReviewBody = v.strictObject({
  decision: v.picklist(["approve", "return", "undo_approval"]),
  comment: v.optional(TEXT),
  itemComments: v.optional(
    v.pipe(
      v.array(
        v.strictObject({
          key: v.pipe(v.string(), v.minLength(1), v.maxLength(300), v.notValue("general")),
          text: TEXT,
        }),
      ),
      v.maxLength(500),
    ),
  ),
  revision: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(2_147_483_647)),
});

const BODY_LIMIT = 256 * 1024;

export const reviewRoutes: RouteModule = {
  name: "review",
  mount(api, deps) {
    api.post(`${ASSESSMENT_PATH}/review`, requireUser(deps), async (c) => {
      const body = await readJson(c, ReviewBody, BODY_LIMIT);
      noteAudit(c, { action: `assessment.${body.decision}`, detail: { revision: body.revision } });
      const next = await reviewAssessment(
        deps.db,
        c.get("user"),
        c.req.param("id").toLowerCase(),
        body,
        deps.clock.now().toISOString(),
      );
      c.header("Cache-Control", "no-store");
      return c.json(
        { id: next.id, status: next.status, revision: next.revision, reviewComments: next.reviewComments },
        200,
      );
    });
  },
};
