import { describe, expect, it } from "vitest";
import type { PublicUser } from "../db/queries/users";
import { Problem } from "../http/problems";
import { canManageOffice, canSeeOffice, requireOfficeScope, requireRole } from "./permissions";

const user = (role: PublicUser["role"], officeId = "kalbar"): PublicUser => ({
  id: "u",
  username: "u",
  name: "U",
  role,
  officeId,
});

describe("permissions", () => {
  it("scopes offices: admins everywhere, others their own; out of scope is 404", () => {
    expect(canSeeOffice(user("admin", "pusat"), "kalbar")).toBe(true);
    expect(canSeeOffice(user("supervisor"), "kalbar")).toBe(true);
    expect(canSeeOffice(user("assessor"), "kalteng")).toBe(false);
    expect(() => requireOfficeScope(user("supervisor"), "kalteng")).toThrow(
      expect.objectContaining({ code: "not_found", status: 404 }),
    );
  });

  it("lets supervisors of the office and admins manage it", () => {
    expect(canManageOffice(user("supervisor"), "kalbar")).toBe(true);
    expect(canManageOffice(user("supervisor"), "kalteng")).toBe(false);
    expect(canManageOffice(user("assessor"), "kalbar")).toBe(false);
    expect(canManageOffice(user("admin", "pusat"), "kalbar")).toBe(true);
  });

  it("requireRole throws 403 forbidden", () => {
    expect(() => requireRole(user("assessor"), "supervisor", "admin")).toThrow(Problem);
    expect(() => requireRole(user("admin"), "supervisor", "admin")).not.toThrow();
  });
});
