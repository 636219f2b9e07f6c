// The built-in banding schemes (methodology.md §4, §7), as plain JSON-serialisable data: the server
// seeds them into its database and the CLI accepts their ids with --scheme.
import type { BandingScheme, Zone, ZonedBand } from "./types";

const HIJAU: Zone = { label: { id: "Hijau", en: "Green" }, colour: "hijau" };
const KUNING: Zone = { label: { id: "Kuning", en: "Yellow" }, colour: "kuning" };
const MERAH: Zone = { label: { id: "Merah", en: "Red" }, colour: "merah" };

/** opini-2022: default for the 2022–2024 periods (intervals as published for 2024). */
export const OPINI_2022: BandingScheme<ZonedBand> = {
  id: "opini-2022",
  name: { id: "Opini Kepatuhan (2022–2024)", en: "Compliance opinion (2022–2024)" },
  bands: [
    { category: "A", min: 88, label: { id: "Kualitas Tertinggi", en: "Highest quality" }, zone: HIJAU },
    { category: "B", min: 78, label: { id: "Kualitas Tinggi", en: "High quality" }, zone: HIJAU },
    { category: "C", min: 54, label: { id: "Kualitas Sedang", en: "Medium quality" }, zone: KUNING },
    { category: "D", min: 32, label: { id: "Kualitas Rendah", en: "Low quality" }, zone: MERAH },
    { category: "E", min: 0, label: { id: "Kualitas Terendah", en: "Lowest quality" }, zone: MERAH },
  ],
};

/** zona-2021: the legacy three-zone scheme (up to 2021). */
export const ZONA_2021: BandingScheme<ZonedBand> = {
  id: "zona-2021",
  name: { id: "Zona Kepatuhan (s.d. 2021)", en: "Compliance zone (up to 2021)" },
  bands: [
    { category: "Hijau", min: 81, label: { id: "Kepatuhan Tinggi", en: "High compliance" }, zone: HIJAU },
    { category: "Kuning", min: 51, label: { id: "Kepatuhan Sedang", en: "Medium compliance" }, zone: KUNING },
    { category: "Merah", min: 0, label: { id: "Kepatuhan Rendah", en: "Low compliance" }, zone: MERAH },
  ],
};

/**
 * opini-2025: the Penilaian Maladministrasi predicate (PO 61/2025, methodology §7). No zones; the
 * cuts are NOT published: every published 2025 score fits the 2022 cuts (88.49 Tertinggi vs 87.85;
 * 57.61 Sedang vs 53.38 Rendah), so they are taken over and marked inferred. Unit wording "Sangat
 * Baik", "Baik", "Kurang" is published; C ("Cukup") and E ("Sangat Kurang") are ours. The qualifier
 * "Tanpa Maladministrasi" is granted when every recorded oversight product is followed up fully.
 */
export const OPINI_2025: BandingScheme = {
  id: "opini-2025",
  name: {
    id: "Opini Penilaian Maladministrasi (2025–)",
    en: "Maladministration assessment opinion (2025–)",
  },
  provenance: "inferred: 2025 cuts not published; the 2022 cuts fit every published 2025 score",
  bands: [
    {
      category: "A",
      min: 88,
      label: { id: "Kualitas Tertinggi", en: "Highest quality" },
      unitLabel: { id: "Sangat Baik", en: "Very good" },
      provenance: "inferred",
    },
    {
      category: "B",
      min: 78,
      label: { id: "Kualitas Tinggi", en: "High quality" },
      unitLabel: { id: "Baik", en: "Good" },
      provenance: "inferred",
    },
    {
      category: "C",
      min: 54,
      label: { id: "Kualitas Sedang", en: "Medium quality" },
      unitLabel: { id: "Cukup", en: "Fair" },
      provenance: "inferred",
    },
    {
      category: "D",
      min: 32,
      label: { id: "Kualitas Rendah", en: "Low quality" },
      unitLabel: { id: "Kurang", en: "Poor" },
      provenance: "inferred",
    },
    {
      category: "E",
      min: 0,
      label: { id: "Kualitas Terendah", en: "Lowest quality" },
      unitLabel: { id: "Sangat Kurang", en: "Very poor" },
      provenance: "inferred",
    },
  ],
  qualifier: { label: { id: "Tanpa Maladministrasi", en: "without maladministration" }, rule: "all_full" },
};

export const DEFAULT_SCHEME_ID = "opini-2022";

export const BUILTIN_SCHEMES: Readonly<Record<string, BandingScheme>> = Object.freeze({
  [OPINI_2022.id]: OPINI_2022,
  [ZONA_2021.id]: ZONA_2021,
  [OPINI_2025.id]: OPINI_2025,
});

// Shared by every caller in the process: frozen so nobody can re-band everyone else by accident.
for (const scheme of [OPINI_2022, ZONA_2021, OPINI_2025]) {
  for (const band of scheme.bands) {
    Object.freeze(band.label);
    if (band.unitLabel !== undefined) Object.freeze(band.unitLabel);
    Object.freeze(band);
  }
  if (scheme.qualifier !== undefined) {
    Object.freeze(scheme.qualifier.label);
    Object.freeze(scheme.qualifier);
  }
  Object.freeze(scheme.bands);
  Object.freeze(scheme.name);
  Object.freeze(scheme);
}
for (const zone of [HIJAU, KUNING, MERAH]) {
  Object.freeze(zone.label);
  Object.freeze(zone);
}
