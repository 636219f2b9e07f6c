import { describe, expect, it } from "vitest";
import {
  checkTotp,
  groupedSecret,
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  normaliseRecoveryCode,
  normaliseTotpCode,
  totpCodeAt,
  totpStep,
  totpUri,
} from "./totp";

// RFC 6238 appendix B: the SHA-1 seed "12345678901234567890", 8 digits there; the 6-digit code is
// the last six of those (HOTP truncation is mod 10^digits).
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("TOTP codes", () => {
  it("matches the RFC 6238 test vectors", () => {
    expect(totpCodeAt(RFC_SECRET, new Date(59_000))).toBe("287082");
    expect(totpCodeAt(RFC_SECRET, new Date(1_111_111_109_000))).toBe("081804");
    expect(totpCodeAt(RFC_SECRET, new Date(2_000_000_000_000))).toBe("279037");
  });

  it("accepts the previous, current and next step and nothing further", () => {
    const now = new Date(1_700_000_015_000);
    const step = totpStep(now);
    for (const offset of [-1, 0, 1]) {
      const code = totpCodeAt(RFC_SECRET, new Date(now.getTime() + offset * 30_000));
      expect(checkTotp(RFC_SECRET, code, now, null)).toBe(step + offset);
    }
    for (const offset of [-3, -2, 2, 3]) {
      const code = totpCodeAt(RFC_SECRET, new Date(now.getTime() + offset * 30_000));
      expect(checkTotp(RFC_SECRET, code, now, null)).toBeNull();
    }
  });

  it("refuses a code whose step was already used, and any older one (replay)", () => {
    const now = new Date(1_700_000_015_000);
    const code = totpCodeAt(RFC_SECRET, now);
    const used = checkTotp(RFC_SECRET, code, now, null);
    expect(used).not.toBeNull();
    expect(checkTotp(RFC_SECRET, code, now, used)).toBeNull();
    const previous = totpCodeAt(RFC_SECRET, new Date(now.getTime() - 30_000));
    expect(checkTotp(RFC_SECRET, previous, now, used)).toBeNull();
    const next = totpCodeAt(RFC_SECRET, new Date(now.getTime() + 30_000));
    expect(checkTotp(RFC_SECRET, next, now, used)).toBe((used ?? 0) + 1);
  });

  it("reads codes typed with spaces and refuses what cannot be a code", () => {
    expect(normaliseTotpCode(" 123 456 ")).toBe("123456");
    for (const bad of ["", "12345", "1234567", "12a456", "١٢٣٤٥٦"]) expect(normaliseTotpCode(bad)).toBeNull();
    const now = new Date(1_700_000_015_000);
    const code = totpCodeAt(RFC_SECRET, now);
    expect(checkTotp(RFC_SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).toBe(totpStep(now));
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    expect(checkTotp(RFC_SECRET, wrong, now, null)).toBeNull();
  });

  it("makes fresh 160-bit secrets and an otpauth URI an app can read", () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(a);
    const uri = totpUri(a, "kepala.kalbar");
    expect(uri).toMatch(/^otpauth:\/\/totp\/Patuh:kepala\.kalbar\?/);
    expect(uri).toContain(`secret=${a}`);
    expect(uri).toContain("issuer=Patuh");
    expect(uri).toContain("digits=6");
    expect(uri).toContain("period=30");
    expect(groupedSecret("ABCDEFGHIJ")).toBe("ABCD EFGH IJ");
  });
});

describe("recovery codes", () => {
  it("gives ten distinct readable codes", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
  });

  it("compares codes after case, spaces and hyphens, hashed per account", () => {
    const [code = ""] = newRecoveryCodes(1);
    const canonical = normaliseRecoveryCode(code);
    expect(canonical).toBe(code.replace("-", ""));
    expect(normaliseRecoveryCode(` ${code.toUpperCase().replace("-", " ")} `)).toBe(canonical);
    expect(normaliseRecoveryCode("abcde-fghi1")).toBeNull(); // 1 is not in the alphabet
    expect(normaliseRecoveryCode("abcd")).toBeNull();
    const h1 = hashRecoveryCode("user-1", canonical ?? "");
    expect(h1).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode("user-2", canonical ?? "")).not.toBe(h1);
    expect(hashRecoveryCode("user-1", canonical ?? "")).toBe(h1);
  });
});
