import { describe, expect, it } from "vitest";
import {
  ariaSort,
  filterRows,
  matchesText,
  nextSort,
  readTableQuery,
  sortRows,
  writeTableQuery,
} from "./table-view";

interface Row {
  name: string;
  score: number | null;
}

const rows: Row[] = [
  { name: "Kota Pontianak", score: 9.5 },
  { name: "Kab. Kubu Raya", score: null },
  { name: "Kab. Sambas", score: 80.25 },
  { name: "Kota Singkawang", score: 100 },
  { name: "Kab. Bengkayang", score: 9.5 },
];

describe("sortRows", () => {
  it("sorts numbers as numbers, not as their text (9,5 < 80,25 < 100)", () => {
    const asc = sortRows(rows, (r) => r.score, "asc", "id").map((r) => r.score);
    expect(asc).toEqual([9.5, 9.5, 80.25, 100, null]);
    const desc = sortRows(rows, (r) => r.score, "desc", "id").map((r) => r.score);
    expect(desc).toEqual([100, 80.25, 9.5, 9.5, null]);
  });

  it("keeps rows without a value last in both directions and equal rows in their given order", () => {
    const desc = sortRows(rows, (r) => r.score, "desc", "id").map((r) => r.name);
    expect(desc.slice(2)).toEqual(["Kota Pontianak", "Kab. Bengkayang", "Kab. Kubu Raya"]);
  });

  it("sorts names alphabetically, numbers inside names in order, without changing the input", () => {
    const units = [{ name: "Puskesmas 10" }, { name: "puskesmas 2" }, { name: "Dinas Sosial" }];
    expect(sortRows(units, (u) => u.name, "asc", "id").map((u) => u.name)).toEqual([
      "Dinas Sosial",
      "puskesmas 2",
      "Puskesmas 10",
    ]);
    expect(units[0]?.name).toBe("Puskesmas 10");
  });
});

describe("text filter", () => {
  it("finds every word anywhere, ignoring case and accents", () => {
    expect(matchesText("Kota Pontianak", "pontianak")).toBe(true);
    expect(matchesText("Kab. Kubu Raya", "raya kubu")).toBe(true);
    expect(matchesText("Dinas Pariwisata", "párîwisata")).toBe(true);
    expect(matchesText("Kota Pontianak", "sambas")).toBe(false);
    expect(matchesText("anything", "   ")).toBe(true);
  });

  it("keeps only the matching rows", () => {
    expect(filterRows(rows, "kab", (r) => r.name).map((r) => r.name)).toEqual([
      "Kab. Kubu Raya",
      "Kab. Sambas",
      "Kab. Bengkayang",
    ]);
    expect(filterRows(rows, "", (r) => r.name)).toHaveLength(rows.length);
  });
});

describe("header buttons", () => {
  it("start a new column in its first direction and flip the same column", () => {
    expect(nextSort(null, "score", "desc")).toEqual({ id: "score", dir: "desc" });
    expect(nextSort({ id: "score", dir: "desc" }, "score")).toEqual({ id: "score", dir: "asc" });
    expect(nextSort({ id: "score", dir: "asc" }, "name")).toEqual({ id: "name", dir: "asc" });
  });

  it("say the order through aria-sort on the sorted column only", () => {
    expect(ariaSort({ id: "score", dir: "desc" }, "score")).toBe("descending");
    expect(ariaSort({ id: "score", dir: "asc" }, "score")).toBe("ascending");
    expect(ariaSort({ id: "score", dir: "asc" }, "name")).toBeUndefined();
  });
});

describe("state in the URL query", () => {
  it("round-trips sort and filters, keeping other parameters and dropping empty ones", () => {
    const query = writeTableQuery("?periode=p1", "", {
      sort: { id: "score", dir: "desc" },
      filters: { cari: "pontianak", status: "" },
    });
    expect(query).toBe("?periode=p1&urut=score&arah=turun&cari=pontianak");
    expect(readTableQuery(query, "", ["cari", "status"], ["score", "name"])).toEqual({
      sort: { id: "score", dir: "desc" },
      filters: { cari: "pontianak", status: "" },
    });
  });

  it("keeps two tables of one screen apart by prefix", () => {
    const first = writeTableQuery("", "unit-", {
      sort: { id: "name", dir: "asc" },
      filters: { cari: "dinas" },
    });
    const both = writeTableQuery(first, "", { sort: { id: "score", dir: "desc" }, filters: {} });
    expect(readTableQuery(both, "unit-", ["cari"], ["name"]).filters.cari).toBe("dinas");
    expect(readTableQuery(both, "", ["cari"], ["score"]).sort).toEqual({ id: "score", dir: "desc" });
  });

  it("ignores a column that the table does not have (an old or edited link)", () => {
    expect(readTableQuery("?urut=hapus&arah=turun", "", [], ["score"]).sort).toBeNull();
  });

  it("clears to an empty query", () => {
    expect(writeTableQuery("?urut=score&arah=naik", "", { sort: null, filters: { cari: " " } })).toBe("");
  });
});
