// The two published banding schemes (methodology.md §4), as plain JSON-serialisable data: the server
// seeds them into its database and the CLI accepts their ids with --scheme.
import type { BandingScheme, Zone } from "./types";

const HIJAU: Zone = { label: { id: "Hijau", en: "Green" }, colour: "hijau" };
const KUNING: Zone = { label: { id: "Kuning", en: "Yellow" }, colour: "kuning" };
const MERAH: Zone = { label: { id: "Merah", en: "Red" }, colour: "merah" };

/** opini-2022: default for the 2022–2024 periods (intervals as published for 2024). */
export const OPINI_2022: BandingScheme = {
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
export const ZONA_2021: BandingScheme = {
  id: "zona-2021",
  name: { id: "Zona Kepatuhan (s.d. 2021)", en: "Compliance zone (up to 2021)" },
  bands: [
    { category: "Hijau", min: 81, label: { id: "Kepatuhan Tinggi", en: "High compliance" }, zone: HIJAU },
    { category: "Kuning", min: 51, label: { id: "Kepatuhan Sedang", en: "Medium compliance" }, zone: KUNING },
    { category: "Merah", min: 0, label: { id: "Kepatuhan Rendah", en: "Low compliance" }, zone: MERAH },
  ],
};

export const DEFAULT_SCHEME_ID = "opini-2022";

export const BUILTIN_SCHEMES: Readonly<Record<string, BandingScheme>> = Object.freeze({
  [OPINI_2022.id]: OPINI_2022,
  [ZONA_2021.id]: ZONA_2021,
});

// Shared by every caller in the process: frozen so nobody can re-band everyone else by accident.
for (const scheme of [OPINI_2022, ZONA_2021]) {
  for (const band of scheme.bands) {
    Object.freeze(band.label);
    Object.freeze(band);
  }
  Object.freeze(scheme.bands);
  Object.freeze(scheme.name);
  Object.freeze(scheme);
}
for (const zone of [HIJAU, KUNING, MERAH]) {
  Object.freeze(zone.label);
  Object.freeze(zone);
}
