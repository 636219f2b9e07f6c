import { describe, expect, it } from "vitest";
import { type AssessmentSyncInfo, syncStateOf } from "../../db";
import type { AssessmentState, Assignment, Pemda, Period, Unit } from "../../db/protocol-types";
import { groupAssignments, type HomeData, missingForOffline } from "./home-model";

const ME = "user-andi";
const period: Period = {
  id: "period-1",
  officeId: "kalbar",
  name: "Penilaian 2026",
  year: 2026,
  instrumentId: "ori-kepatuhan",
  instrumentVersion: 2023,
  schemeId: "opini-2022",
  status: "open",
};
const pemda = (id: string, name: string): Pemda => ({ id, officeId: "kalbar", code: id, name, kind: "kota" });
const unit = (id: string, pemdaId: string, name: string, kind = "dinkes"): Unit => ({
  id,
  pemdaId,
  name,
  kind,
  suggestedProducts: [],
});
const assignment = (
  id: string,
  unitId: string,
  pemdaId: string,
  team = [ME],
  plannedDate: string | null = null,
) => ({ id, periodId: period.id, unitId, pemdaId, team, plannedDate }) satisfies Assignment;

function assessment(id: string, assignmentId: string, status: AssessmentState["status"], updatedAt: string) {
  return { id, assignmentId, status, updatedAt } as AssessmentState;
}
function info(
  assessmentId: string,
  state: AssessmentSyncInfo["state"],
  pendingCount = 0,
): AssessmentSyncInfo {
  return { assessmentId, state, pendingCount, lastSyncedAt: null, conflicts: 0, rejections: 0 };
}

function data(change: Partial<HomeData> = {}): HomeData {
  return {
    userId: ME,
    assignments: [
      assignment("a1", "u1", "p-ptk", [ME], "2026-08-04"),
      assignment("a2", "u2", "p-ptk", [ME], "2026-08-03"),
      assignment("a3", "u3", "p-skw", ["someone-else"]),
      assignment("a4", "u4", "p-bgk"),
    ],
    pemda: [
      pemda("p-ptk", "Kota Pontianak"),
      pemda("p-skw", "Kota Singkawang"),
      pemda("p-bgk", "Kabupaten Bengkayang"),
    ],
    units: [
      unit("u1", "p-ptk", "Dinas Kesehatan Kota Pontianak"),
      unit("u2", "p-ptk", "Puskesmas Alianyang", "puskesmas"),
      unit("u3", "p-skw", "Dinas Sosial Kota Singkawang"),
      unit("u4", "p-bgk", "Dinas Sosial Kabupaten Bengkayang"),
    ],
    periods: [period],
    instrumentKeys: [["ori-kepatuhan", 2023]],
    assessments: [],
    syncInfo: [],
    pulled: true,
    ...change,
  };
}

describe("groupAssignments", () => {
  it("groups the user's own assignments by pemda (by name), units by planned date", () => {
    const groups = groupAssignments(data());
    expect(groups.map((g) => g.name)).toEqual(["Kabupaten Bengkayang", "Kota Pontianak"]);
    expect(groups[1]?.units.map((u) => u.unitName)).toEqual([
      "Puskesmas Alianyang",
      "Dinas Kesehatan Kota Pontianak",
    ]);
  });

  it("links a unit not started to its assignment, a started one to its lembar penilaian", () => {
    const groups = groupAssignments(
      data({
        assessments: [assessment("s1", "a1", "draft", "2026-08-04T01:00:00Z")],
        syncInfo: [info("s1", "unsynced", 3)],
      }),
    );
    const [started, notStarted] = [...(groups[1]?.units ?? [])].sort((a, b) => a.href.localeCompare(b.href));
    expect(notStarted).toMatchObject({ state: "not-started", href: "/penugasan/a2", assessmentId: null });
    expect(started).toMatchObject({ state: "unsynced", href: "/penilaian/s1", pendingCount: 3 });
  });

  it("shows the latest assessment when two exist for one assignment", () => {
    const groups = groupAssignments(
      data({
        assessments: [
          assessment("old", "a4", "draft", "2026-08-01T00:00:00Z"),
          assessment("new", "a4", "returned", "2026-08-05T00:00:00Z"),
        ],
        syncInfo: [info("old", "synced"), info("new", "returned")],
      }),
    );
    expect(groups[0]?.units[0]).toMatchObject({ assessmentId: "new", state: "returned" });
  });

  it("flags conflicts and refused edits as needing attention", () => {
    const groups = groupAssignments(
      data({
        assessments: [assessment("s4", "a4", "draft", "2026-08-01T00:00:00Z")],
        syncInfo: [{ ...info("s4", "synced"), rejections: 1 }],
      }),
    );
    expect(groups[0]?.units[0]?.needsAttention).toBe(true);
  });
});

describe("missingForOffline", () => {
  it("is empty when pulled, everything stored and the worker controls the page", () => {
    expect(missingForOffline(data(), true)).toEqual([]);
  });

  it("names each missing part", () => {
    const d = data({ pulled: false, instrumentKeys: [], units: [], pemda: [] });
    expect(missingForOffline(d, false)).toEqual([
      "never-synced",
      "instrument",
      "units",
      "pemda",
      "service-worker",
    ]);
    expect(missingForOffline(data({ periods: [] }), true)).toEqual(["period"]);
  });

  it("ignores data of other teams' assignments", () => {
    const d = data({ units: data().units.filter((u) => u.id !== "u3") });
    expect(missingForOffline(d, true)).toEqual([]);
  });
});

describe("syncStateOf: the home says what the sheet says", () => {
  it("keeps a submitted sheet 'submitted' while its edits are still unsent (offline after Ajukan)", () => {
    expect(syncStateOf("submitted", 178, false)).toBe("submitted");
    expect(syncStateOf("submitted", 3, true)).toBe("submitted");
    expect(syncStateOf("returned", 2, true)).toBe("returned");
  });

  it("tells a draft's sync state from its pending edits", () => {
    expect(syncStateOf("draft", 5, false)).toBe("draft");
    expect(syncStateOf("draft", 5, true)).toBe("unsynced");
    expect(syncStateOf("draft", 0, true)).toBe("synced");
  });
});
