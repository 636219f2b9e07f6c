/**
 * The rapor letterhead of an office (issue #20; docs/api-review.md "Letterhead"):
 * - GET    /offices/{id}/letterhead       admin: heading lines, address, logo facts
 * - PUT    /offices/{id}/letterhead       admin: {lines, address}
 * - PUT    /offices/{id}/letterhead/logo  admin: raw PNG/JPEG body (checked by signature and size)
 * - DELETE /offices/{id}/letterhead/logo  admin
 * - GET    /offices/{id}/letterhead/logo  anyone who may see the office (it prints on their rapor)
 * An unknown office is 404; nothing is written on any 4xx.
 */
import * as v from "valibot";
import { NO_NUL_MESSAGE, requireAdmin } from "../../admin/guard";
import { requireUser } from "../../auth/middleware";
import { requireOfficeScope } from "../../auth/permissions";
import { readLetterheadLogo, setLetterheadLogo, upsertLetterheadText } from "../../db/queries/letterheads";
import {
  LETTERHEAD_ADDRESS_MAX,
  LETTERHEAD_LINE_MAX,
  LETTERHEAD_MAX_LINES,
  letterheadOf,
} from "../../letterhead/letterhead";
import { checkLogo, LOGO_MAX_BYTES, LOGO_MAX_PX, LOGO_MIN_PX, LOGO_TYPES } from "../../letterhead/logo-image";
import { readBodyBytes, readJson } from "../body";
import type { RouteModule } from "../context";
import { problem } from "../problems";
import { OFFICE_ID } from "./admin-offices";

const noNul = v.check((x: string) => !x.includes("\u0000"), NO_NUL_MESSAGE);
const LINE = v.pipe(v.string(), noNul, v.trim(), v.minLength(1), v.maxLength(LETTERHEAD_LINE_MAX));
const TextBody = v.strictObject({
  lines: v.pipe(v.array(LINE), v.maxLength(LETTERHEAD_MAX_LINES)),
  address: v.pipe(v.string(), noNul, v.trim(), v.maxLength(LETTERHEAD_ADDRESS_MAX)),
});

export const letterheadRoutes: RouteModule = {
  name: "letterheads",
  mount(api, deps) {
    const officeParam = (id: string): string => {
      if (!v.is(OFFICE_ID, id)) throw problem("not_found");
      return id;
    };
    const existing = async (id: string) => {
      const letterhead = await letterheadOf(deps.db, officeParam(id));
      if (letterhead === undefined) throw problem("not_found");
      return letterhead;
    };

    api.get("/offices/:id/letterhead", requireAdmin(deps), async (c) => {
      c.header("Cache-Control", "no-store");
      return c.json({ letterhead: await existing(c.req.param("id")) }, 200);
    });

    api.put("/offices/:id/letterhead", requireAdmin(deps), async (c) => {
      const { officeId } = await existing(c.req.param("id"));
      const body = await readJson(c, TextBody, deps.config.limits.jsonBodyBytes);
      await upsertLetterheadText(deps.db, officeId, body, c.get("user").id);
      return c.json({ letterhead: await existing(officeId) }, 200);
    });

    api.put("/offices/:id/letterhead/logo", requireAdmin(deps), async (c) => {
      const { officeId } = await existing(c.req.param("id"));
      const declared = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
      if (!(LOGO_TYPES as readonly string[]).includes(declared))
        throw problem("unsupported_media_type", { accepted: LOGO_TYPES });
      const bytes = await readBodyBytes(c.req.raw, LOGO_MAX_BYTES);
      const check = checkLogo(bytes, declared);
      if (!check.ok)
        throw problem("invalid_image", {
          reason: check.reason,
          accepted: LOGO_TYPES,
          minPixels: LOGO_MIN_PX,
          maxPixels: LOGO_MAX_PX,
        });
      await setLetterheadLogo(deps.db, officeId, { bytes, mime: check.type }, c.get("user").id);
      return c.json({ letterhead: await existing(officeId) }, 200);
    });

    api.delete("/offices/:id/letterhead/logo", requireAdmin(deps), async (c) => {
      const { officeId } = await existing(c.req.param("id"));
      await setLetterheadLogo(deps.db, officeId, null, c.get("user").id);
      return c.json({ letterhead: await existing(officeId) }, 200);
    });

    api.get("/offices/:id/letterhead/logo", requireUser(deps), async (c) => {
      const officeId = officeParam(c.req.param("id"));
      requireOfficeScope(c.get("user"), officeId);
      const logo = await readLetterheadLogo(deps.db, officeId);
      if (logo === undefined) throw problem("not_found");
      return c.body(logo.bytes, 200, {
        "Content-Type": logo.mime,
        "Content-Length": String(logo.bytes.byteLength),
        // The URL carries the version (?v=), so a changed logo is a new URL; private: the session decides.
        "Cache-Control": "private, max-age=86400",
        "X-Content-Type-Options": "nosniff",
      });
    });
  },
};
