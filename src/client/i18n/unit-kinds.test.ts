import { describe, expect, it } from "vitest";
import { messagesEn } from "./messages-en";
import { type MessageKey, messagesId } from "./messages-id";
import { readableKind, unitKindKey, unitKindWords } from "./unit-kinds";

// Unit kinds show on the assessor's screens: their words must be in the core part (no staff fallback).
const core = (texts: Record<string, string>) => (key: MessageKey) => texts[key] ?? `missing:${key}`;
const tId = core(messagesId);
const tEn = core(messagesEn);

describe("unit kinds as an office writes them", () => {
  it("knows a kind in any of its usual spellings, in both languages", () => {
    for (const spelling of [
      "disdukcapil",
      "Dinas Kependudukan dan Pencatatan Sipil",
      "DUKCAPIL",
      "dinas_dukcapil",
    ]) {
      expect(unitKindKey(spelling)).toBe("unitKindDisdukcapil");
    }
    expect(unitKindWords("Dinas Pendidikan", tId)).toBe(messagesId.unitKindDindik);
    expect(unitKindWords("Dinas Pendidikan", tEn)).toBe("Education");
    expect(unitKindWords("RSUD", tEn)).toBe(messagesEn.ukRsud);
    expect(unitKindWords("Dinas Sosial", tId)).toBe(messagesId.unitKindDinsos);
  });

  it("shows an unknown kind as the office wrote it, in words when it is a code", () => {
    expect(unitKindKey("Badan Penanggulangan Bencana Daerah")).toBeUndefined();
    expect(unitKindWords("Badan Penanggulangan Bencana Daerah", tEn)).toBe(
      "Badan Penanggulangan Bencana Daerah",
    );
    expect(unitKindWords("dinas_pariwisata", tId)).toBe("Dinas Pariwisata");
    expect(unitKindWords("bpbd", tId)).toBe("BPBD");
    expect(readableKind("  Kantor   Camat ")).toBe("Kantor Camat");
    expect(readableKind("Samsat")).toBe("Samsat");
  });

  it("does not mistake a kind that only contains a known word", () => {
    expect(unitKindKey("Dinas Kesehatan Hewan")).toBeUndefined();
    expect(unitKindKey("Kesehatan")).toBe("unitKindDinkes");
  });
});
