import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDefaultInstrument } from "../../../../tests/fixtures/domain/full-assessment";
import { type AssessmentContent, type Instrument, parseInstrument, progressOfEntries } from "../../../domain";
import { anchorId, keyOfAnchor } from "./model";
import {
  nextUnanswered,
  outlineOf,
  progressBySection,
  sectionOfIndicator,
  slotsByQuestion,
  slotsOfRespondent,
} from "./outline";

const v1 = loadDefaultInstrument();

function loadTree(): Instrument {
  const file = join(
    import.meta.dirname,
    "..",
    "..",
    "..",
    "..",
    "assets",
    "instrument",
    "maladministrasi-2025.json",
  );
  const parsed = parseInstrument(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.instrument;
}

const state = (answers: Record<string, unknown> = {}) => ({
  answers,
  products: [
    { id: "p1", name: "KTP-el" },
    { id: "p2", name: "KK" },
  ],
  respondents: [
    { id: "o1", kind: "official", profile: { name: "Budi" } },
    { id: "u1", kind: "user", profile: {} },
    { id: "u2", kind: "user", profile: {} },
  ],
});

describe("checklist outline", () => {
  it("splits a format-1 instrument by dimension, then variable, in instrument order", () => {
    const sections = outlineOf(v1);
    expect(sections.map((s) => s.id)).toEqual(["IN", "PR", "OUT", "PGD"]);
    expect(sections[0]?.groups.map((g) => g.id)).toEqual(["IN.KP", "IN.SP"]);
    expect(sections[0]?.entries[0]?.indicator.id).toBe("IN.KP.01");
    expect(sections.flatMap((s) => s.entries)).toHaveLength(41);
    expect(sections.every((s) => s.path.length === 0)).toBe(true);
    expect(sectionOfIndicator(sections, "PR.06a")?.id).toBe("PR");
    expect(outlineOf(v1)).toBe(sections); // cached per instrument
  });

  it("groups a v2 tree instrument by its own tree: the parent of each leaf group, with the path above", () => {
    const tree = loadTree();
    const sections = outlineOf(tree);
    expect(sections.map((s) => s.id)).toEqual(["IN", "PR", "OUT", "PG", "KP"]);
    expect(sections[0]?.groups.map((g) => g.id)).toEqual(["IN.PP", "IN.PR", "IN.JL", "IN.PI", "IN.KO"]);
    expect(sections[0]?.path.map((p) => p.id)).toHaveLength(1); // under the top group DIM
    // A top-level group holding its questions itself is its own only group, with no path.
    expect(sections[4]?.groups.map((g) => g.id)).toEqual(["KP"]);
    expect(sections[4]?.path).toEqual([]);
    expect(sections.flatMap((s) => s.entries).length).toBe(
      sections.reduce((n, s) => n + s.groups.reduce((m, g) => m + g.entries.length, 0), 0),
    );
  });

  it("orders answer slots by question (parts and instances) and by respondent, and finds the next unanswered", () => {
    const sections = outlineOf(v1);
    const s = state();
    const order = slotsByQuestion(sections, s);
    // 25 unit slots, 5 product items × 2 products × 2 parts, 6 official items × 1, 5 user items × 2.
    expect(order).toHaveLength(25 + 20 + 6 + 10);
    expect(order[0]?.key).toBe("IN.KP.01@official:o1");
    const pr = order.filter((o) => o.entry.indicator.id === "PR.01").map((o) => o.key);
    expect(pr).toEqual([
      "PR.01@product:p1#physical",
      "PR.01@product:p1#electronic",
      "PR.01@product:p2#physical",
      "PR.01@product:p2#electronic",
    ]);
    expect(slotsOfRespondent(sections, s, "u2").map((o) => o.key)).toEqual(
      ["OUT.01", "OUT.02", "OUT.03", "OUT.04", "OUT.05"].map((id) => `${id}@user:u2`),
    );

    expect(nextUnanswered(order, s, null)?.key).toBe("IN.KP.01@official:o1");
    // After an item: the next empty one, skipping answered ones, wrapping round at the end.
    const answered = state({ "IN.SP.02": 3, "IN.SP.03": 0 });
    expect(nextUnanswered(order, answered, "IN.SP.01")?.key).toBe("IN.SP.04");
    expect(nextUnanswered(order, answered, "PGD.08")?.key).toBe("IN.KP.01@official:o1");
    // A product instance with two parts: "after" it skips both parts.
    expect(nextUnanswered(order, s, "PR.01@product:p1")?.key).toBe("PR.01@product:p2#physical");
    const all = Object.fromEntries(order.map((o) => [o.key, o.entry.scale.kind === "checklist" ? [] : 0]));
    expect(nextUnanswered(order, state(all), "IN.SP.01")).toBeUndefined();
  });

  it("counts progress per section from the slots that exist", () => {
    const sections = outlineOf(v1);
    const s = state({ "IN.SP.01": 3, "IN.KP.01@official:o1": 2, "OUT.01@user:u1": "never" });
    const progress = progressBySection(slotsByQuestion(sections, s), s);
    expect(progress.get("IN")).toEqual({ done: 2, total: 16 });
    expect(progress.get("OUT")).toEqual({ done: 1, total: 10 });
    // No products: the section's product items have no slots (not "0 of 0 answered" per item).
    const none = { ...s, products: [], respondents: [] };
    expect(progressBySection(slotsByQuestion(sections, none), none).get("OUT")).toBeUndefined();
  });

  it("counts a 2025 checklist per respondent role, as the sections' own progress does", () => {
    const tree = loadTree();
    const sections = outlineOf(tree);
    // Two officials of different roles and one user: a complaints item is asked of the complaint
    // officer only, and secondary-data items of nobody on the device.
    const s: AssessmentContent = {
      instrumentId: tree.id,
      instrumentVersion: tree.version,
      answers: {},
      notes: {},
      evidence: [],
      products: [],
      respondents: [
        { id: "o1", kind: "official", profile: { role: "pejabat" } },
        { id: "k1", kind: "official", profile: { role: "petugas_pengaduan" } },
        { id: "u1", kind: "user", profile: { role: "pengguna" } },
      ],
    };
    const order = slotsByQuestion(sections, s, tree);
    const bySection = progressBySection(order, s);
    for (const section of sections) {
      const own = progressOfEntries(tree, s, section.entries);
      expect(bySection.get(section.id) ?? { done: 0, total: 0 }).toEqual(own);
    }
    const complaints = order.filter((o) => o.entry.indicator.id === "PG.KM.01");
    expect(complaints.map((o) => o.instanceId)).toEqual(["k1"]);
    expect(order.some((o) => o.entry.indicator.source?.kind === "secondary")).toBe(false);
    // Without the instrument every official would be counted for every official item: more slots.
    expect(slotsByQuestion(sections, s).length).toBeGreaterThan(order.length);
    // "Next unanswered" never lands on a slot the sheet does not draw.
    const answered = Object.fromEntries(
      order.map((o) => [o.key, o.entry.scale.kind === "checklist" ? [] : 0]),
    );
    const done = { ...s, answers: answered };
    expect(nextUnanswered(slotsByQuestion(sections, done, tree), done, null)).toBeUndefined();
    const total = [...progressBySection(order, done).values()].reduce((n, p) => n + p.done, 0);
    expect(total).toBe(order.length);
  });

  it("reads an item's key back from its anchor id", () => {
    for (const key of ["IN.SP.01", "PR.01@product:p1#physical", "OUT.01@user:u_1"]) {
      expect(keyOfAnchor(anchorId(key))).toBe(key);
    }
    expect(keyOfAnchor("dim-IN")).toBeNull();
  });
});
