import { describe, expect, it } from "vitest";
import { loadMaladministrasi2025 } from "../../../../tests/fixtures/domain/full-assessment-v2";
import { indexInstrument } from "../../../domain";
import { cardInstances } from "./role-instances";

const instrument = loadMaladministrasi2025();
const entry = (id: string) => {
  const found = indexInstrument(instrument).byId.get(id);
  if (found === undefined) throw new Error(id);
  return found;
};
const state = {
  answers: {},
  products: [],
  respondents: [
    { id: "o1", kind: "official", profile: { role: "pejabat" } },
    { id: "k1", kind: "official", profile: { role: "petugas_pengaduan", name: "Sari" } },
    { id: "o2", kind: "official", profile: {} },
    { id: "u1", kind: "user", profile: { role: "pengguna", mode: "phone" } },
  ],
};

describe("the instances an item card shows (format 2)", () => {
  it("asks a complaints item of complaint officials only, numbered within the role", () => {
    const { instances, role } = cardInstances(instrument, entry("PG.KM.01"), state);
    expect(role?.id).toBe("petugas_pengaduan");
    expect(instances).toEqual([{ id: "k1", ordinal: 1, name: "Sari" }]);
  });

  it("takes a respondent without a role as the first role of its kind", () => {
    const { instances } = cardInstances(instrument, entry("IN.PP.01"), state);
    expect(instances.map((i) => [i.id, i.ordinal])).toEqual([
      ["o1", 1],
      ["o2", 2],
    ]);
  });

  it("shows no slot for a secondary-data item and the unit for an observation", () => {
    expect(cardInstances(instrument, entry("OUT.SD.01"), state).instances).toEqual([]);
    expect(cardInstances(instrument, entry("IN.JL.01"), state).instances).toEqual([
      { id: null, ordinal: 1, name: "" },
    ]);
  });
});
