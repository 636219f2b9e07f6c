// The logged-in user as protocol.md § Sessions defines it. Checked on arrival (from the server and
// from storage), because a stored profile may come from an older app version.
//
// Checked by hand rather than with valibot: this module is on every route's first download (login,
// home), and these six fields did not justify the ~3 KiB gzip of the schema library there (issue #21,
// first route ≤ 60 KiB). The checklist, which validates edits, still loads valibot with its screen.

export type Role = "assessor" | "supervisor" | "admin";

export interface User {
  id: string;
  username: string;
  name: string;
  role: Role;
  // Kantor Pusat staff may have no office; null/absent is tolerated rather than refusing to open the app.
  officeId?: string | null | undefined;
  // The office's name for the account card (servers before it sent only the id).
  officeName?: string | null | undefined;
}

const ROLES: readonly string[] = ["assessor", "supervisor", "admin"] satisfies Role[];

const isNullishString = (value: unknown) =>
  value === undefined || value === null || typeof value === "string";

/** The user when `value` has the shape above (unknown extra fields are dropped), else undefined. */
export function parseUser(value: unknown): User | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const r = value as Record<string, unknown>;
  const { id, username, name, role, officeId, officeName } = r;
  if (typeof id !== "string" || typeof username !== "string" || typeof name !== "string") return undefined;
  if (typeof role !== "string" || !ROLES.includes(role)) return undefined;
  if (!isNullishString(officeId) || !isNullishString(officeName)) return undefined;
  const user: User = { id, username, name, role: role as Role };
  // Present keys are kept as they came (null included), absent ones stay absent, as before.
  if ("officeId" in r) user.officeId = officeId as string | null | undefined;
  if ("officeName" in r) user.officeName = officeName as string | null | undefined;
  return user;
}

/** Reads {"user": User} (the body of POST/GET /api/v1/session); undefined when it is not that shape. */
export function parseSessionBody(body: unknown): User | undefined {
  return parseUser((body as { user?: unknown } | null | undefined)?.user);
}
