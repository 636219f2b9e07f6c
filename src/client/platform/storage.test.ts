import { afterEach, describe, expect, it, vi } from "vitest";
import { ensurePersistentStorage, freeBytes, isStorageLow, readStorageInfo, toMegabytes } from "./storage";

const MB = 1024 * 1024;
const info = (usage: number, quota: number) => ({
  supported: true,
  usageBytes: usage,
  quotaBytes: quota,
  persisted: false,
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("storage", () => {
  it("warns under 50 MB free or over 90 % used", () => {
    expect(isStorageLow(info(10 * MB, 1000 * MB))).toBe(false);
    expect(isStorageLow(info(960 * MB, 1000 * MB))).toBe(true); // 40 MB free
    expect(isStorageLow(info(9100 * MB, 10_000 * MB))).toBe(true); // 91 % used
    expect(isStorageLow({ ...info(0, 0), usageBytes: null })).toBe(false); // unknown: no false alarm
    expect(freeBytes(info(30 * MB, 20 * MB))).toBe(0);
  });

  it("rounds to megabytes a person can compare", () => {
    expect(toMegabytes(0.34 * MB)).toBe(0.3);
    expect(toMegabytes(123.6 * MB)).toBe(124);
  });

  it("reports an unsupported browser instead of throwing", async () => {
    vi.stubGlobal("navigator", {});
    expect(await readStorageInfo()).toEqual({
      supported: false,
      usageBytes: null,
      quotaBytes: null,
      persisted: null,
    });
  });

  it("asks for persistence once per page load and never rejects", async () => {
    const persist = vi.fn(async () => {
      throw new Error("denied");
    });
    vi.stubGlobal("navigator", {
      storage: { persisted: async () => false, persist, estimate: async () => ({}) },
    });
    expect(await ensurePersistentStorage()).toBe(false);
    expect(await ensurePersistentStorage()).toBe(false);
    expect(persist).toHaveBeenCalledTimes(1);
  });
});
