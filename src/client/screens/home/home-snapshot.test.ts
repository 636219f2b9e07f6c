import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { loadHomeSnapshot, saveHomeSnapshot } from "./home-snapshot";

const groups = [
  {
    pemdaId: "p1",
    name: "Kota Pontianak",
    units: [
      {
        assignmentId: "a1",
        unitId: "u1",
        unitName: "Dinas Kesehatan",
        unitKind: "dinkes",
        plannedDate: null,
        assessmentId: null,
        state: "not-started" as const,
        pendingCount: 0,
        needsAttention: false,
        href: "/penugasan/a1",
      },
    ],
  },
];

describe("home snapshot (the cold-start picture)", () => {
  it("gives each user back their own last picture, and none to another user", async () => {
    await saveHomeSnapshot("user-a", { groups, pulled: true });
    expect(await loadHomeSnapshot("user-a")).toEqual({ groups, pulled: true });
    expect(await loadHomeSnapshot("user-b")).toBeUndefined();
  });

  it("is replaced by the newest picture", async () => {
    await saveHomeSnapshot("user-c", { groups, pulled: false });
    await saveHomeSnapshot("user-c", { groups: [], pulled: true });
    expect(await loadHomeSnapshot("user-c")).toEqual({ groups: [], pulled: true });
  });
});
