import { describe, expect, it } from "vitest";
import { generatePassword, hashPassword, verifyAgainstDummy, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the right password only, with a fresh salt each time", async () => {
    const a = await hashPassword("rahasia-123");
    const b = await hashPassword("rahasia-123");
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("rahasia-123", a)).toBe(true);
    expect(await verifyPassword("rahasia-124", a)).toBe(false);
    expect(await verifyAgainstDummy("rahasia-123")).toBe(false);
  });

  it("treats malformed stored hashes as a mismatch", async () => {
    for (const stored of [
      "",
      "plain",
      "scrypt$x$8$1$aa$bb",
      "bcrypt$1$2$3$4$5",
      "scrypt$16384$8$1$c2FsdA==$c2hvcnQ=",
    ]) {
      expect(await verifyPassword("x", stored)).toBe(false);
    }
  });

  it("generates readable random passwords", () => {
    const p = generatePassword();
    expect(p).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(generatePassword()).not.toBe(p);
  });
});
