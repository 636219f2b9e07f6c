// A small format-2 instrument for the locus-data tests: Dimensi (70) = one observed indicator and one
// secondary-data indicator weighted equally; Kepercayaan (30) = one observed indicator. With the
// secondary value 3 of 3 and trust 3 of 3 a unit scores exactly 65 + its observed value, so the
// Gorontalo 2025 unit scores are reachable by one answer each (3.79, 12.55, 19.11).
const label = (id: string) => ({ id });
export const GORONTALO_OBSERVED = { dinasPendidikan: 3.79, dinasSosial: 12.55, rsud: 19.11 } as const;

export const testInstrument2025 = {
  format: 2,
  id: "uji-2025",
  version: 1,
  title: label("Instrumen uji 2025"),
  levels: { unit: { label: label("Unit layanan") } },
  scales: {
    observed: {
      max: 35,
      options: [0, ...Object.values(GORONTALO_OBSERVED), 35].map((value) => ({
        value,
        label: label(String(value)),
      })),
    },
    rubric: { max: 3, options: [0, 1, 2, 3].map((value) => ({ value, label: label(String(value)) })) },
  },
  roles: [],
  groups: [
    {
      id: "DIM",
      name: label("Dimensi"),
      weight: 70,
      weightProvenance: "sourced",
      groups: [
        {
          id: "IN",
          name: label("Input"),
          weight: 1,
          weightProvenance: "inferred",
          groups: [
            {
              id: "IN.PL",
              name: label("Pelayanan"),
              weight: 1,
              weightProvenance: "inferred",
              indicators: [
                {
                  id: "IN.01",
                  question: label("Standar pelayanan terpampang"),
                  answer: "observed",
                  weight: 1,
                  weightProvenance: "inferred",
                  source: { kind: "observation", per: "unit" },
                },
              ],
            },
          ],
        },
        {
          id: "OUT",
          name: label("Output"),
          weight: 1,
          weightProvenance: "inferred",
          groups: [
            {
              id: "OUT.SD",
              name: label("Data sekunder"),
              weight: 1,
              weightProvenance: "inferred",
              indicators: [
                {
                  id: "OUT.01",
                  question: label("Indeks pelayanan publik (KemenPANRB)"),
                  answer: "rubric",
                  weight: 1,
                  weightProvenance: "inferred",
                  source: { kind: "secondary", providers: ["KemenPANRB"] },
                },
              ],
            },
          ],
        },
      ],
    },
    {
      id: "KP",
      name: label("Kepercayaan masyarakat"),
      weight: 30,
      weightProvenance: "sourced",
      indicators: [
        {
          id: "KP.01",
          question: label("Waktu pelayanan"),
          answer: "rubric",
          weight: 1,
          weightProvenance: "inferred",
          source: { kind: "observation", per: "unit" },
        },
      ],
    },
  ],
};
