// The viewer's photo list shows each attachment's own photo-time verdict (issue #16 item 7): the
// same file attached to two items at different times has two checks, one per (key, sha256).
import { beforeAll, describe, expect, it } from "vitest";
import instrumentJson from "../../../../assets/instrument/ori-kepatuhan-2023.json";
import { parseInstrument } from "../../../domain/instrument/parse-instrument";
import type { AssessmentDetail } from "../../api/review-api";
import { preloadStaffTexts, translate } from "../../i18n/i18n";
import { type EvidenceCheck, photoList } from "./photo-list";

const parsed = parseInstrument(instrumentJson);
if (!parsed.ok) throw new Error("default instrument does not parse");
const instrument = parsed.instrument;
const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string>) => translate("id", key, vars);
const SHA = "a".repeat(64);
const OTHER = "b".repeat(64);

function detail(
  evidence: { key: string; sha256: string; takenAt: string }[],
  evidenceChecks: EvidenceCheck[],
): AssessmentDetail {
  const partial = {
    evidence: evidence.map((e) => ({ ...e, mime: "image/jpeg", bytes: 1000 })),
    evidenceChecks,
    history: [],
    products: [],
    respondents: [],
  };
  // Only the fields photoList reads; the rest of a detail plays no part in the photo list.
  return partial as unknown as AssessmentDetail;
}

beforeAll(() => preloadStaffTexts());

describe("the review's photo list", () => {
  it("gives each attachment of one file its own check: a same-day attach is not flagged for a later one", () => {
    // One photo of a notice board, taken 1 Aug 09:48 WIB: attached to IN.SP.05 twelve minutes later,
    // and five days later to IN.SP.06 as well. Only the second attachment is days from the capture.
    const captured = "2026-08-01T02:48:00.000Z";
    const list = photoList(
      detail(
        [
          { key: "IN.SP.05", sha256: SHA, takenAt: "2026-08-01T03:00:00.000Z" },
          { key: "IN.SP.06", sha256: SHA, takenAt: "2026-08-06T03:00:00.000Z" },
          { key: "IN.SP.06", sha256: OTHER, takenAt: "2026-08-06T03:00:00.000Z" },
        ],
        [
          { key: "IN.SP.05", sha256: SHA, capturedAt: captured, gapHours: 0.2, mismatch: false },
          { key: "IN.SP.06", sha256: SHA, capturedAt: captured, gapHours: 120.2, mismatch: true },
          { key: "IN.SP.06", sha256: OTHER, capturedAt: null, gapHours: null, mismatch: false },
        ],
      ),
      instrument,
      "id",
      () => "Andi",
      t,
    );
    const byItem = list.map((p) => ({ key: p.key, sha: p.sha256, warning: p.capturedWarning }));
    expect(byItem).toEqual([
      { key: "IN.SP.05", sha: SHA, warning: null },
      { key: "IN.SP.06", sha: SHA, warning: expect.stringContaining("5 hari sebelum dilampirkan") },
      { key: "IN.SP.06", sha: OTHER, warning: null },
    ]);
    expect(list[0]?.captured).not.toBeNull();
    expect(list[2]?.captured).toBeNull(); // no time in the file: said so, never flagged
  });

  it("shows the server's verdict for a file attached once, whichever way the gap goes", () => {
    const list = photoList(
      detail(
        [{ key: "IN.SP.05", sha256: SHA, takenAt: "2026-08-01T03:00:00.000Z" }],
        [
          {
            key: "IN.SP.05",
            sha256: SHA,
            capturedAt: "2026-08-04T03:00:00.000Z",
            gapHours: -72,
            mismatch: true,
          },
        ],
      ),
      instrument,
      "id",
      () => "Andi",
      t,
    );
    expect(list[0]?.capturedWarning).toContain("3 hari setelah dilampirkan");
  });
});
