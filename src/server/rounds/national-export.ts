/**
 * The national results workbook (GET /rounds/{id}/results.xlsx): the very rows GET
 * /rounds/{id}/results gives the same viewer (scoping and filters included), and the band
 * distribution. Owns nothing persistent.
 */
import { isLocusKind, LOCUS_KIND_NAMES_ID } from "../../domain/loci/locus-kinds";
import type { Cell, SheetSource } from "../exports/xlsx";
import type { NationalResults } from "./national-results";

function kindName(category: string): string {
  return isLocusKind(category) ? LOCUS_KIND_NAMES_ID[category] : category;
}

export function nationalSheets(results: NationalResults): SheetSource[] {
  const status = results.provisional ? "Sementara" : "Final";
  const head: Cell[] = [
    "Kategori lokus",
    "Peringkat",
    "Jumlah lokus kategori",
    "Kode",
    "Lokus",
    "Kantor",
    "Nilai",
    "Kategori",
    "Predikat",
    "Zona",
    "Status lokus",
  ];
  const rows: Cell[][] = [
    [
      `Hasil nasional ${results.year} (${results.schemeId}) — ${status}${results.published ? ", diumumkan" : ", belum diumumkan"}`,
    ],
    head,
    ...results.loci.map((l) => [
      kindName(l.category),
      l.rank,
      l.categoryCount,
      l.code,
      l.name,
      l.officeName,
      l.score,
      l.band?.category ?? null,
      l.band?.label ?? null,
      l.band?.zone ?? null,
      l.final ? "Final" : "Sementara",
    ]),
  ];
  const distribution: Cell[][] = [
    ["Kategori", "Jumlah lokus"],
    ...results.distribution.map((d) => [d.category ?? "Belum ada nilai", d.count]),
  ];
  return [
    { name: "Peringkat nasional", rows },
    { name: "Sebaran", rows: distribution },
  ];
}
