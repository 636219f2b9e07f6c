/**
 * /users: accounts for the admin. GET (optionally ?officeId=), POST (create), PATCH /users/{id}
 * (name, role, officeId, active), POST /users/{id}/password (reset). Deactivation ends the
 * account's sessions at once (admin/users.ts).
 */
import * as v from "valibot";
import { NO_NUL_MESSAGE, requireAdmin, uuidParam } from "../../admin/guard";
import { createUser, listUsers, resetPassword, updateUser } from "../../admin/users";
import { noteAudit } from "../../audit/audit-hook";
import { usersWithSecondFactor } from "../../db/queries/second-factor";
import { readJson } from "../body";
import type { RouteModule } from "../context";
import { OFFICE_ID, officeFilter } from "./admin-offices";

const USERNAME = v.pipe(
  v.string(),
  v.trim(),
  v.regex(/^[A-Za-z0-9._-]{1,64}$/, "1–64 letters, digits, '.', '_' or '-'"),
);
const NAME = v.pipe(
  v.string(),
  v.check((x) => !x.includes("\u0000"), NO_NUL_MESSAGE),
  v.trim(),
  v.minLength(1),
  v.maxLength(200),
);
const ROLE = v.picklist(["assessor", "supervisor", "admin"]);
/** At least 10 characters (the CLI's generated passwords are longer); the cap bounds scrypt input. */
const PASSWORD = v.pipe(
  v.string(),
  v.check((x) => !x.includes("\u0000"), NO_NUL_MESSAGE),
  v.minLength(10, "at least 10 characters"),
  v.maxLength(1000),
);

const CreateBody = v.strictObject({
  username: USERNAME,
  name: NAME,
  role: ROLE,
  officeId: OFFICE_ID,
  password: PASSWORD,
});
const PatchBody = v.strictObject({
  name: v.optional(NAME),
  role: v.optional(ROLE),
  officeId: v.optional(OFFICE_ID),
  active: v.optional(v.boolean()),
});
const PasswordBody = v.strictObject({ password: PASSWORD });

/** The audit action of a user change: the most consequential field names it. */
function userAction(patch: v.InferOutput<typeof PatchBody>): string {
  if (patch.active === false) return "user.disable";
  if (patch.active === true) return "user.enable";
  if (patch.role !== undefined) return "user.role";
  if (patch.officeId !== undefined) return "user.office";
  return "user.update";
}

export const adminUserRoutes: RouteModule = {
  name: "admin-users",
  mount(api, deps) {
    const limit = deps.config.limits.jsonBodyBytes;
    api.get("/users", requireAdmin(deps), async (c) => {
      const filter = officeFilter(c.req.query("officeId"));
      c.header("Cache-Control", "no-store");
      const withFactor = await usersWithSecondFactor(deps.db);
      const users = (await listUsers(deps.db, filter)).map((u) => ({
        ...u,
        secondFactor: withFactor.has(u.id),
      }));
      return c.json({ users }, 200);
    });
    api.post("/users", requireAdmin(deps), async (c) => {
      const body = await readJson(c, CreateBody, limit);
      noteAudit(c, { targetOfficeId: body.officeId, detail: { username: body.username, role: body.role } });
      const user = await createUser(deps.db, body);
      noteAudit(c, { targetKind: "user", targetId: user.id });
      return c.json({ user }, 201);
    });
    api.patch("/users/:id", requireAdmin(deps), async (c) => {
      const id = uuidParam(c.req.param("id"));
      const body = await readJson(c, PatchBody, limit);
      noteAudit(c, {
        action: userAction(body),
        detail: {
          ...(body.role === undefined ? {} : { role: body.role }),
          ...(body.officeId === undefined ? {} : { officeId: body.officeId }),
          ...(body.active === undefined ? {} : { active: body.active }),
          ...(body.name === undefined ? {} : { renamed: true }),
        },
      });
      return c.json({ user: await updateUser(deps.db, c.get("user"), id, body) }, 200);
    });
    api.post("/users/:id/password", requireAdmin(deps), async (c) => {
      const id = uuidParam(c.req.param("id"));
      const body = await readJson(c, PasswordBody, limit);
      return c.json(await resetPassword(deps.db, id, body.password, c.get("sessionId")), 200);
    });
  },
};
