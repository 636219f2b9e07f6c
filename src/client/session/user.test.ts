import { describe, expect, it } from "vitest";
import { parseSessionBody, parseUser } from "./user";

const base = { id: "u1", username: "budi", name: "Budi", role: "assessor" };

describe("user profile check", () => {
  it("accepts the protocol's shape, with or without an office, and drops unknown fields", () => {
    expect(parseUser({ ...base, officeId: "kalbar", officeName: "Kalimantan Barat", extra: 1 })).toEqual({
      ...base,
      officeId: "kalbar",
      officeName: "Kalimantan Barat",
    });
    expect(parseUser({ ...base, officeId: null })).toEqual({ ...base, officeId: null });
    expect(parseUser(base)).toEqual(base);
    expect(parseSessionBody({ user: { ...base, role: "supervisor" } })?.role).toBe("supervisor");
  });

  it("refuses what is not a user (a stored profile from another version, a broken answer)", () => {
    expect(parseUser(null)).toBeUndefined();
    expect(parseUser("u1")).toBeUndefined();
    expect(parseUser({ ...base, role: "root" })).toBeUndefined();
    expect(parseUser({ ...base, id: 7 })).toBeUndefined();
    expect(parseUser({ ...base, name: undefined })).toBeUndefined();
    expect(parseUser({ ...base, officeId: 12 })).toBeUndefined();
    expect(parseSessionBody({})).toBeUndefined();
    expect(parseSessionBody(null)).toBeUndefined();
  });
});
