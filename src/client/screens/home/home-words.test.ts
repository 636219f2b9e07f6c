import { describe, expect, it } from "vitest";
import { type MessageKey, messagesId } from "../../i18n/messages-id";
import { formatNumber, formatWhen, mutationWhatKey, rejectionReasonKey, UNIT_STATE_KEYS } from "./home-words";

// The home is an assessor screen: its words must be in the core part (the staff part is not loaded).
const core: Record<string, string> = messagesId;
const text = (key: MessageKey) => core[key];

describe("home words", () => {
  it("uses the methodology's state words", () => {
    expect(Object.values(UNIT_STATE_KEYS).map((k) => text(k))).toEqual([
      "Belum mulai",
      "Draf",
      "Belum tersinkron",
      "Tersinkron",
      "Diajukan",
      "Dikembalikan",
      "Disetujui",
    ]);
  });

  it("formats times the Indonesian way today, with the day otherwise", () => {
    const now = new Date(2026, 10, 23, 12, 0);
    expect(formatWhen(new Date(2026, 10, 23, 10, 42).toISOString(), "id", now)).toBe("10.42");
    expect(formatWhen(new Date(2026, 10, 23, 10, 42).toISOString(), "en", now)).toBe("10:42");
    expect(formatWhen(new Date(2026, 10, 22, 9, 5).toISOString(), "id", now)).toBe("22 Nov 09.05");
    expect(formatNumber(0.3, "id")).toBe("0,3");
  });

  it("names refused edits and reasons, with a fallback for unknown codes", () => {
    expect(text(mutationWhatKey("assessment.setAnswer"))).toBe("Jawaban");
    expect(mutationWhatKey("assessment.future")).toBe("rejectionWhatOther");
    expect(rejectionReasonKey("not_editable")).toBe("rejectNotEditable");
    expect(rejectionReasonKey("brand_new_code")).toBe("rejectOther");
  });
});
