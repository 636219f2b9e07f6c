/**
 * GET /evidence/{sha256}/thumbnail (issue #20): a small JPEG of a JPEG evidence photo (at most
 * 240 px on the long edge), made once and cached (evidence/thumbnails.ts). Access is the
 * evidence's own: the uploader, or whoever can see an assessment referencing the blob; anyone else
 * 404. A blob that is not a JPEG is 415 (the client shows such evidence full size); bytes that do
 * not decode are 415 too, never a 500. Cached by the browser like the blob itself (immutable).
 */
import { join } from "node:path";
import { requireUser } from "../../auth/middleware";
import { findEvidence } from "../../db/evidence";
import { mayReadEvidence } from "../../evidence/ownership";
import { ThumbnailCache } from "../../evidence/thumbnails";
import type { RouteModule } from "../context";
import { problem } from "../problems";

export const evidenceThumbnailRoutes: RouteModule = {
  name: "evidence-thumbnail",
  mount(api, deps) {
    const store = deps.evidence;
    const thumbnails = new ThumbnailCache(join(deps.config.dataDir, "thumbnails"));

    api.get("/evidence/:sha256{[0-9a-f]{64}}/thumbnail", requireUser(deps), async (c) => {
      const sha256 = c.req.param("sha256");
      const user = c.get("user");
      const row = await findEvidence(deps.db, sha256);
      if (row === undefined) throw problem("not_found");
      const allowed = await mayReadEvidence(deps.db, sha256, user);
      if (!allowed) throw problem("not_found");
      if (row.mime !== "image/jpeg") throw problem("unsupported_media_type", { expected: ["image/jpeg"] });
      await store.init();
      let thumb: Uint8Array<ArrayBuffer> | null;
      try {
        thumb = await thumbnails.get(sha256, () => store.get(sha256));
      } catch {
        throw problem("unsupported_media_type", { reason: "the photo does not decode as JPEG" });
      }
      if (thumb === null) throw problem("not_found");
      return new Response(thumb, {
        status: 200,
        headers: {
          "Content-Type": "image/jpeg",
          "Content-Length": String(thumb.byteLength),
          "Cache-Control": "private, max-age=31536000, immutable",
          ETag: `"${sha256}-thumb"`,
          "Content-Disposition": "inline",
        },
      });
    });
  },
};
