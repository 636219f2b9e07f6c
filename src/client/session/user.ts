// The logged-in user as protocol.md § Sessions defines it. Checked on arrival (from the server and
// from storage), because a stored profile may come from an older app version.
import * as v from "valibot";

export const UserSchema = v.object({
  id: v.string(),
  username: v.string(),
  name: v.string(),
  role: v.picklist(["assessor", "supervisor", "admin"]),
  // Kantor Pusat staff may have no office; tolerate null/absent rather than refuse to open the app.
  officeId: v.nullish(v.string()),
  // The office's name for the account card (servers before it sent only the id).
  officeName: v.nullish(v.string()),
});

export type User = v.InferOutput<typeof UserSchema>;
export type Role = User["role"];

/** Reads {"user": User} (the body of POST/GET /api/v1/session); undefined when it is not that shape. */
export function parseSessionBody(body: unknown): User | undefined {
  const user = (body as { user?: unknown } | null | undefined)?.user;
  const result = v.safeParse(UserSchema, user);
  return result.success ? result.output : undefined;
}

export function parseUser(value: unknown): User | undefined {
  const result = v.safeParse(UserSchema, value);
  return result.success ? result.output : undefined;
}
