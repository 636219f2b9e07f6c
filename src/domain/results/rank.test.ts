import { describe, expect, it } from "vitest";
import { rankPemda } from "../index";

const row = (pemdaId: string, name: string, score: number | null) => ({ pemdaId, name, score });

describe("rankPemda", () => {
  it("orders by score descending, ties by name, unscored last", () => {
    const input = [
      row("6105", "Kabupaten Sanggau", null),
      row("6172", "Kota Singkawang", 75.78),
      row("6101", "Kabupaten Sambas", 60.8),
      row("6171", "Kota Pontianak", 91.16),
      row("6103", "Kabupaten Landak", 60.8),
      row("6102", "Kabupaten Bengkayang", null),
    ];
    expect(rankPemda(input).map((p) => p.pemdaId)).toEqual(["6171", "6172", "6103", "6101", "6102", "6105"]);
  });

  it("uses pemdaId when names tie too, and leaves the input alone", () => {
    const input = [row("b", "Sama", 50), row("a", "Sama", 50)];
    expect(rankPemda(input).map((p) => p.pemdaId)).toEqual(["a", "b"]);
    expect(input.map((p) => p.pemdaId)).toEqual(["b", "a"]);
  });

  it("gives the same order whatever the input order", () => {
    const input = [
      row("1", "C", 10),
      row("2", "A", 10),
      row("3", "B", null),
      row("4", "D", 99),
      row("5", "A", null),
    ];
    const expected = ["4", "2", "1", "5", "3"];
    for (let r = 0; r < input.length; r++) {
      const rotated = [...input.slice(r), ...input.slice(0, r)];
      expect(rankPemda(rotated).map((p) => p.pemdaId)).toEqual(expected);
      expect(rankPemda([...rotated].reverse()).map((p) => p.pemdaId)).toEqual(expected);
    }
  });
});
