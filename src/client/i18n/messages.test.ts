import { describe, expect, it } from "vitest";
import { messagesEn } from "./messages-en";
import { messagesId } from "./messages-id";
import { staffMessagesEn } from "./staff-en";
import { staffMessagesId } from "./staff-id";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

// Both parts (core in the entry, staff loaded with the staff UI) in both languages.
const id: Record<string, string> = { ...messagesId, ...staffMessagesId };
const en: Record<string, string> = { ...messagesEn, ...staffMessagesEn };

describe("dictionaries", () => {
  it("have the same keys in each part", () => {
    expect(Object.keys(messagesEn).sort()).toEqual(Object.keys(messagesId).sort());
    expect(Object.keys(staffMessagesEn).sort()).toEqual(Object.keys(staffMessagesId).sort());
  });

  it("never define a key in both the core and the staff part (one would silently hide the other)", () => {
    const core = new Set(Object.keys(messagesId));
    expect(Object.keys(staffMessagesId).filter((key) => core.has(key))).toEqual([]);
  });

  it.each(Object.keys(id))("%s: same placeholders, no empty text", (key) => {
    expect(id[key]?.trim()).not.toBe("");
    expect(en[key]?.trim()).not.toBe("");
    expect(placeholders(en[key] ?? "")).toEqual(placeholders(id[key] ?? ""));
  });

  it("use the methodology vocabulary for the words the field knows", () => {
    expect(messagesId.loginTitle).toBe("Masuk");
    expect(messagesId.logout).toBe("Keluar");
    expect(messagesId.offline).toBe("Luring");
    expect(messagesId.online).toBe("Daring");
    expect(messagesId.roleAssessor).toBe("Penilai");
    expect(messagesId.office).toBe("Kantor Perwakilan");
    expect(messagesId.updateAvailable).toBe("Versi baru tersedia — muat ulang");
    expect(messagesEn.updateAvailable).toBe("New version available — reload");
  });
});
