import { describe, expect, it } from "vitest";
import { messagesEn } from "./messages-en";
import { messagesId } from "./messages-id";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("dictionaries", () => {
  it("have the same keys", () => {
    expect(Object.keys(messagesEn).sort()).toEqual(Object.keys(messagesId).sort());
  });

  it.each(Object.keys(messagesId) as (keyof typeof messagesId)[])(
    "%s: same placeholders, no empty text",
    (key) => {
      expect(messagesId[key].trim()).not.toBe("");
      expect(messagesEn[key].trim()).not.toBe("");
      expect(placeholders(messagesEn[key])).toEqual(placeholders(messagesId[key]));
    },
  );

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
